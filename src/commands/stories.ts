// `nahr explain <story-id>`: who reported a story and why each joined it.
// `nahr split <story-id> <source-id>`: undo a wrong fold, for good.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { compileTopics } from '../classify/topics.js';
import { loadConfig } from '../config/load.js';
import { splitStory } from '../dedupe/split.js';
import type { Reporter, Story } from '../model.js';
import { openLowdbStore } from '../store/lowdb-store.js';
import { readSnapshot } from '../store/snapshot.js';
import { fileTopics, titleFolding } from '../worker/poll-cycle.js';

export class StoryCommandError extends Error {}

function why(r: Reporter, index: number): string {
  if (index === 0 && !r.joined) return 'first report';
  const j = r.joined;
  if (!j) return 'joined (before reasons were recorded)';
  if (j.by === 'exact') return 'same headline after folding (exact key)';
  if (j.by === 'similar') return j.lead ? `similar headline and first sentence, mean score ${j.score.toFixed(3)} against the first` : `similar headline, score ${j.score.toFixed(3)} against the first`;
  return `split by hand from story ${j.from}`;
}

export function explainStory(story: Story, sourceNames: Map<string, string>): string[] {
  const lines = [`story ${story.id}`, `  published ${story.published}, updated ${story.updated}`, `  topics: ${story.topics.join(', ') || '(none)'}`, `  reported by ${story.reporters.length}:`];
  story.reporters.forEach((r, i) => {
    lines.push(`  ${i + 1}. ${sourceNames.get(r.sourceId) ?? r.sourceId} (${r.sourceId}): ${r.title}`);
    lines.push(`     ${why(r, i)}${r.link ? ` — ${r.link}` : ''}`);
  });
  return lines;
}

export async function runExplain(cmd: { configFile: string; dataDir: string; storyId: string; out: (line: string) => void }): Promise<void> {
  const config = await loadConfig(cmd.configFile);
  const data = (await readSnapshot(cmd.dataDir)).read();
  const story = data.stories.find((s) => s.id === cmd.storyId);
  if (!story) throw new StoryCommandError(`no story "${cmd.storyId}" in ${cmd.dataDir} (a story id is the last part of an entry id: tag:nahr,2026:story/<id>)`);
  for (const line of explainStory(story, new Map(config.sources.map((s) => [s.id, s.name])))) cmd.out(line);
  for (const s of data.splits ?? []) if (s.storyId === story.id) cmd.out(`  split off by hand: ${s.sourceId} at ${s.at} (never folds back)`);
}

export async function runSplit(cmd: { configFile: string; dataDir: string; storyId: string; sourceId: string; now?: () => number; out: (line: string) => void }): Promise<void> {
  const config = await loadConfig(cmd.configFile);
  if (!existsSync(join(cmd.dataDir, 'nahr.json'))) throw new StoryCommandError(`no store in ${cmd.dataDir} (nothing polled yet, or a wrong --data)`);
  const store = await openLowdbStore(cmd.dataDir, { refuseUnreadable: true });
  try {
    const now = (cmd.now ?? Date.now)();
    const result = splitStory(store.read(), cmd.storyId, cmd.sourceId, now, titleFolding(config).key);
    if (!result.ok) throw new StoryCommandError(result.reason);
    const stories = fileTopics(result.data.stories, compileTopics(config), new Date(now).toISOString(), { only: new Set(result.touched) });
    await store.write({ ...result.data, stories });
    cmd.out(`split: ${cmd.sourceId} left story ${cmd.storyId} for story ${result.newStoryId}; it will not fold back`);
  } finally {
    await store.close();
  }
}
