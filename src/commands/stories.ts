// `nahr explain <story-id>`: who reported a story and why each joined it.
// `nahr split <story-id> <source-id>`: undo a wrong fold, for good.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compileTopics } from '../classify/topics.js';
import { loadConfig } from '../config/load.js';
import { splitIdCandidates, splitStory, type SplitResult } from '../dedupe/split.js';
import type { Reporter, Story } from '../model.js';
import type { Config } from '../config/schema.js';
import type { Log } from '../log.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/store.js';
import { readSnapshot } from '../store/snapshot.js';
import { fileTopics, titleFolding } from '../worker/poll-cycle.js';

export class StoryCommandError extends Error {}

function why(r: Reporter, index: number, sourceNames: Map<string, string>): string {
  if (index === 0 && !r.joined) return 'first report';
  const j = r.joined;
  if (!j) return 'joined (before reasons were recorded)';
  if (j.by === 'exact') return 'same headline after folding (exact key)';
  if (j.by === 'similar') {
    if (j.lead) return `similar headline and first sentence, mean score ${j.score.toFixed(3)} against the first`;
    const against = j.via ? `${sourceNames.get(j.via) ?? j.via}'s (${j.via})` : 'the first';
    return `similar headline, score ${j.score.toFixed(3)} against ${against}`;
  }
  return `split by hand from story ${j.from}`;
}

export function explainStory(story: Story, sourceNames: Map<string, string>): string[] {
  const lines = [`story ${story.id}`, `  published ${story.published}, updated ${story.updated}`, `  topics: ${story.topics.join(', ') || '(none)'}`, `  reported by ${story.reporters.length}:`];
  story.reporters.forEach((r, i) => {
    lines.push(`  ${i + 1}. ${sourceNames.get(r.sourceId) ?? r.sourceId} (${r.sourceId}): ${r.title}`);
    lines.push(`     ${why(r, i, sourceNames)}${r.link ? ` — ${r.link}` : ''}`);
  });
  return lines;
}

/** A read-only look at the configured store: lowdb's file without its lock (so it works
 * while `serve` runs), or the database. */
export async function openForReading(config: Config, dataDir: string, log: Log): Promise<Store> {
  return config.store.kind === 'lowdb' ? readSnapshot(dataDir) : openStore(config, dataDir, { log, readOnly: true });
}

export async function runExplain(cmd: { configFile: string; dataDir: string; storyId: string; out: (line: string) => void; log: Log }): Promise<void> {
  const config = await loadConfig(cmd.configFile);
  const store = await openForReading(config, cmd.dataDir, cmd.log);
  try {
    const story = await store.story(cmd.storyId);
    if (!story) throw new StoryCommandError(`no story "${cmd.storyId}" in the store (a story id is the last part of an entry id: tag:nahr,2026:story/<id>)`);
    for (const line of explainStory(story, new Map(config.sources.map((s) => [s.id, s.name])))) cmd.out(line);
    for (const s of (await store.head()).splits ?? []) if (s.storyId === story.id) cmd.out(`  split off by hand: ${s.sourceId} at ${s.at} (never folds back)`);
  } finally {
    await store.close();
  }
}

export async function runSplit(cmd: { configFile: string; dataDir: string; storyId: string; sourceId: string; now?: () => number; out: (line: string) => void; log: Log }): Promise<void> {
  const config = await loadConfig(cmd.configFile);
  if (config.store.kind === 'lowdb' && !existsSync(join(cmd.dataDir, 'nahr.json'))) throw new StoryCommandError(`no store in ${cmd.dataDir} (nothing polled yet, or a wrong --data)`);
  const store = await openStore(config, cmd.dataDir, { log: cmd.log, refuseUnreadable: true });
  try {
    const now = (cmd.now ?? Date.now)();
    const story = await store.story(cmd.storyId);
    // The ids a split-off story may take, loaded with the story so the split can check them.
    const reporter = story?.reporters.find((r) => r.sourceId === cmd.sourceId);
    const ids = [cmd.storyId, ...(reporter ? splitIdCandidates(cmd.storyId, cmd.sourceId, reporter.guid) : [])];
    const result = await store.update<SplitResult>({ ids }, (view) => {
      const r = splitStory(view, cmd.storyId, cmd.sourceId, now, titleFolding(config).key);
      if (!r.ok) return { data: view, result: r };
      const stories = fileTopics(r.data.stories, compileTopics(config), new Date(now).toISOString(), { only: new Set(r.touched) });
      return { data: { ...r.data, stories }, result: r };
    });
    if (!result.ok) throw new StoryCommandError(result.reason);
    cmd.out(`split: ${cmd.sourceId} left story ${cmd.storyId} for story ${result.newStoryId}; it will not fold back`);
  } finally {
    await store.close();
  }
}
