// Undoing a wrong fold by hand (`nahr split <story-id> <source-id>`): the source's reporter
// leaves the story for a story of its own, and the decision is remembered so the item
// never folds into that story again. Pure.
import type { Story } from '../model.js';
import type { StoreData } from '../store/store.js';
import { storyId } from './fold.js';

export type SplitResult = { ok: true; data: StoreData; newStoryId: string; touched: string[] } | { ok: false; reason: string };

export function splitStory(data: StoreData, id: string, sourceId: string, now: number, titleKey: (title: string) => string): SplitResult {
  const index = data.stories.findIndex((s) => s.id === id);
  const story = data.stories[index];
  if (!story) return { ok: false, reason: `no story "${id}" (ids are in the entry ids of the feeds and in \`nahr explain\`)` };
  const r = story.reporters.findIndex((x) => x.sourceId === sourceId);
  if (r < 0) return { ok: false, reason: `story "${id}" has no report from source "${sourceId}" (it has: ${story.reporters.map((x) => x.sourceId).join(', ')})` };
  if (story.reporters.length < 2) return { ok: false, reason: `story "${id}" has one reporter only: nothing to split` };
  const nowIso = new Date(now).toISOString();
  const reporter = story.reporters[r]!;
  const rest = story.reporters.filter((_, k) => k !== r);
  // The story keeps its id (it is published); the split reporter gets a new one. When the
  // first reporter leaves, its own id would be the story's: it gets a derived one.
  // A derived id is seeded with the story it leaves and made unique against the store, so
  // splitting a first reporter twice never gives two stories one id.
  const taken = new Set(data.stories.map((s) => s.id));
  const newId = splitIdCandidates(id, sourceId, reporter.guid, r === 0).find((x) => !taken.has(x));
  if (!newId) return { ok: false, reason: `story "${id}": ${sourceId} was split off it too many times` };
  const { joined: _dropped, ...bare } = reporter;
  const alone: Story = {
    id: newId,
    titleKey: titleKey(reporter.title),
    published: story.published,
    updated: nowIso,
    reporters: [{ ...bare, joined: { by: 'split', from: id } }],
    topics: story.topics,
  };
  // A story that lost its first reporter is headed by the next one, which no longer
  // "joined" anything.
  const head = rest[0]!;
  const { joined: _headJoined, ...headBare } = head;
  // Headed by another outlet now, the story folds by that outlet's title key (its
  // published time stays: the story was first reported then).
  const kept: Story = {
    ...story,
    ...(r === 0 ? { titleKey: titleKey(head.title) } : {}),
    reporters: r === 0 ? [headBare, ...rest.slice(1)] : rest,
    updated: nowIso > story.updated ? nowIso : story.updated,
  };
  const stories = [...data.stories];
  stories[index] = kept;
  stories.push(alone);
  const splits = [...(data.splits ?? []), { storyId: id, sourceId, guid: reporter.guid, at: nowIso }];
  return { ok: true, data: { ...data, stories, splits }, newStoryId: newId, touched: [id, newId] };
}

/** The ids a reporter split off a story may take, in order: the first not taken wins. The
 * first reporter's own id is the story's, so it starts with a derived one. A store that
 * loads part of its stories loads these with the story (`first` unknown: both kinds). */
export function splitIdCandidates(id: string, sourceId: string, guid: string, first?: boolean): string[] {
  const derived = (n: number) => storyId(sourceId, n === 1 ? `${guid}\nsplit from ${id}` : `${guid}\nsplit from ${id}\n${n}`);
  const out = first === false ? [storyId(sourceId, guid)] : first ? [derived(1)] : [storyId(sourceId, guid), derived(1)];
  for (let n = 2; n <= 64; n++) out.push(derived(n));
  return out;
}
