// Folding items into stories. Pure: takes the stored stories and one source's items,
// returns the new story list and what happened to each item. The poll cycle calls it
// once per source, in config order, so the result never depends on fetch timing.
import { createHash } from 'node:crypto';
import type { Item, Reporter, Story } from '../model.js';

export type FoldOutcome = 'new' | 'folded' | 'updated' | 'unchanged';

export interface FoldOptions {
  windowHours: number;
  now: number;
}

export interface FoldResult {
  stories: Story[];
  outcomes: FoldOutcome[];
  /** Ids of stories created or changed, for re-classification. */
  touched: Set<string>;
  /** Ids of the stories created by this call. */
  created: Set<string>;
}

/** Stable story id from its first reporter: the same item always names the same story. */
export function storyId(sourceId: string, guid: string): string {
  return createHash('sha256').update(`${sourceId}\n${guid}`).digest('hex').slice(0, 20);
}

function toReporter(item: Item, seenAt: string): Reporter {
  return {
    sourceId: item.sourceId,
    guid: item.guid,
    title: item.title,
    link: item.link,
    html: item.html,
    categories: item.categories,
    author: item.author,
    seenAt,
    ...(item.image ? { image: item.image } : {}),
    ...(item.enclosures ? { enclosures: item.enclosures } : {}),
  };
}

function sameContent(r: Reporter, item: Item): boolean {
  return (
    r.title === item.title &&
    r.link === item.link &&
    r.html === item.html &&
    r.author === item.author &&
    r.categories.join('\n') === item.categories.join('\n') &&
    r.image === item.image &&
    JSON.stringify(r.enclosures ?? []) === JSON.stringify(item.enclosures ?? [])
  );
}

/**
 * Fold `items` (all from one source) into `stories`:
 * - the same item seen again (same source and guid) updates its reporter in place;
 * - an item whose title key equals a story's key, from another source, within
 *   `windowHours` of that story's first report, joins it (the window is measured from the
 *   story's `published`, so it never chains from later reporters);
 * - anything else starts a new story. Two items of one source never fold together.
 */
export function foldItems(stories: readonly Story[], items: readonly Item[], opts: FoldOptions): FoldResult {
  const nowIso = new Date(opts.now).toISOString();
  const windowMs = opts.windowHours * 3_600_000;
  const next = [...stories];
  const position = new Map<string, number>(); // story id → index in next
  const byIdentity = new Map<string, number>(); // source + guid → index
  const byKey = new Map<string, number[]>(); // title key → indexes
  const index = (story: Story, i: number) => {
    position.set(story.id, i);
    for (const r of story.reporters) byIdentity.set(`${r.sourceId}\n${r.guid}`, i);
    if (story.titleKey) {
      const list = byKey.get(story.titleKey);
      if (list) list.push(i);
      else byKey.set(story.titleKey, [i]);
    }
  };
  next.forEach(index);

  const touched = new Set<string>();
  const created = new Set<string>();
  const outcomes = items.map((item): FoldOutcome => {
    const known = byIdentity.get(`${item.sourceId}\n${item.guid}`);
    if (known !== undefined) {
      const story = next[known]!;
      const r = story.reporters.findIndex((x) => x.sourceId === item.sourceId && x.guid === item.guid);
      const reporter = story.reporters[r]!;
      if (sameContent(reporter, item)) return 'unchanged';
      const reporters = story.reporters.slice();
      reporters[r] = { ...toReporter(item, reporter.seenAt) };
      next[known] = { ...story, reporters, updated: maxIso(story.updated, nowIso) };
      touched.add(story.id);
      return 'updated';
    }

    const time = item.published ?? nowIso;
    const t = Date.parse(time);
    const candidates = (item.titleKey ? byKey.get(item.titleKey) : undefined) ?? [];
    let best: number | undefined;
    let bestDistance = Infinity;
    for (const i of candidates) {
      const story = next[i]!;
      if (story.reporters.some((x) => x.sourceId === item.sourceId)) continue;
      const distance = Math.abs(t - Date.parse(story.published));
      if (distance <= windowMs && distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    if (best !== undefined) {
      const story = next[best]!;
      const joined: Story = {
        ...story,
        reporters: [...story.reporters, toReporter(item, nowIso)],
        updated: maxIso(story.updated, nowIso),
      };
      next[best] = joined;
      byIdentity.set(`${item.sourceId}\n${item.guid}`, best);
      touched.add(story.id);
      return 'folded';
    }

    const story: Story = {
      id: storyId(item.sourceId, item.guid),
      titleKey: item.titleKey,
      published: time,
      updated: time,
      reporters: [toReporter(item, nowIso)],
      topics: [],
    };
    // A guid reused after retention dropped its story would collide; position wins.
    next.push(story);
    index(story, next.length - 1);
    touched.add(story.id);
    created.add(story.id);
    return 'new';
  });
  return { stories: next, outcomes, touched, created };
}

function maxIso(a: string, b: string): string {
  return a >= b ? a : b;
}
