// Folding items into stories. Pure: takes the stored stories and one source's items,
// returns the new story list and what happened to each item. The poll cycle calls it
// once per source, in config order, so the result never depends on fetch timing.
import { createHash } from 'node:crypto';
import type { Item, Reporter, Story } from '../model.js';
import { compare, symmetricSimilarity, type Features } from './similar.js';

export type FoldOutcome = 'new' | 'folded' | 'updated' | 'unchanged';

export interface FoldOptions {
  windowHours: number;
  now: number;
  /** Near-duplicate folding after the exact key; off when absent. */
  fuzzy?: {
    threshold: number;
    /** Hours between an item and a story's first report for a similar headline to fold
     * (re-wordings come within hours; the exact key's window is longer). */
    windowHours: number;
    /** A headline's features. A stored story's first reporter is passed as `owner`, so
     * the caller can keep them with it across cycles (stories are compared every cycle). */
    features: (title: string, owner?: Reporter) => Features;
    /** The features of a summary's first sentence, when it says more than the title. */
    lead?: (html: string, title: string) => Features | undefined;
  };
  /** Folds undone by hand, as "storyId\nsourceId\nguid": never made again. */
  splits?: ReadonlySet<string>;
}

export const splitKey = (storyId: string, sourceId: string, guid: string): string => `${storyId}\n${sourceId}\n${guid}`;

// A headline just under the threshold (within LEAD_MARGIN, no guard objecting) folds when
// both summaries' first sentences agree: no guard objects to them and they score at least
// the threshold; the mean of the two scores decides. (A wider margin was measured to find
// far more re-worded stories, and to lift different events whose summaries open with the
// same dateline or template, "دمشق-سانا …": kept narrow until the sentences are read
// without their boilerplate.)
const LEAD_MARGIN = 0.15;

// A token in more stories than this is too common to find candidates by ("سوريا"); it
// still counts in the score. Keeps the candidate search near linear in stories.
const MAX_POSTINGS = 50;

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

function toReporter(item: Item, seenAt: string, joined?: Reporter['joined']): Reporter {
  return {
    ...(joined ? { joined } : {}),
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

  // Candidates for near-duplicates: an inverted index from headline token to the stories
  // whose first headline has it, built on first use. Stories sharing at least two
  // uncommon tokens with an item are compared; the rest never are.
  const fuzzy = opts.fuzzy;
  let postings: Map<string, number[]> | undefined;
  const post = (i: number) => {
    const story = next[i]!;
    if (!fuzzy || !story.titleKey) return;
    for (const token of fuzzy.features(story.reporters[0]!.title, story.reporters[0]).stems) {
      const list = postings!.get(token);
      if (list) list.push(i);
      else postings!.set(token, [i]);
    }
  };
  // Only stories an item of this call can reach are indexed: the rest of the store (a
  // month of power-cut bulletins) would make every token look common.
  // (A loop, not Math.min(...times): spreading 130k items, one first poll of 3,000 feeds,
  // overflows the call stack.)
  let first = Infinity;
  let last = -Infinity;
  for (const it of items) {
    const t = Date.parse(it.published ?? nowIso);
    if (t < first) first = t;
    if (t > last) last = t;
  }
  const reachFrom = first - (fuzzy?.windowHours ?? 0) * 3_600_000;
  const reachTo = last + (fuzzy?.windowHours ?? 0) * 3_600_000;
  const reachable = (story: Story) => {
    const t = Date.parse(story.published);
    return t >= reachFrom && t <= reachTo;
  };
  const candidatesOf = (f: Features): number[] => {
    if (!postings) {
      postings = new Map();
      for (let i = 0; i < next.length; i++) if (reachable(next[i]!)) post(i);
    }
    const shared = new Map<number, number>();
    let uncommon = 0;
    for (const token of f.stems) {
      const list = postings.get(token);
      if (!list || list.length > MAX_POSTINGS) continue;
      uncommon++;
      for (const i of list) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    // Two uncommon tokens in common, or one when the headline has only one.
    const need = Math.min(2, Math.max(1, uncommon));
    const out: number[] = [];
    for (const [i, n] of shared) if (n >= need) out.push(i);
    return out;
  };

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
      reporters[r] = toReporter(item, reporter.seenAt, reporter.joined);
      next[known] = { ...story, reporters, updated: maxIso(story.updated, nowIso) };
      touched.add(story.id);
      return 'updated';
    }

    const time = item.published ?? nowIso;
    const t = Date.parse(time);
    const allowed = (i: number, window = windowMs) => {
      const story = next[i]!;
      if (story.reporters.some((x) => x.sourceId === item.sourceId)) return false;
      if (opts.splits?.has(splitKey(story.id, item.sourceId, item.guid))) return false;
      return Math.abs(t - Date.parse(story.published)) <= window;
    };
    // 1. The same title key: the nearest story in time.
    let best: number | undefined;
    let bestDistance = Infinity;
    for (const i of (item.titleKey ? byKey.get(item.titleKey) : undefined) ?? []) {
      const distance = Math.abs(t - Date.parse(next[i]!.published));
      if (allowed(i) && distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    }
    let joined: Reporter['joined'] = { by: 'exact' };
    // 2. A similar headline: the best-scoring story no guard objects to; ties go to the
    // earlier story, then the smaller id, so the grouping never depends on input order.
    // When a story a guard keeps apart resembles the item more than that best one does,
    // the item belongs to a family of look-alike events (prices by day, the same attack in
    // two towns) and joins none of them: a missed fold costs less than a wrong one.
    if (best === undefined && fuzzy && item.titleKey) {
      const mine = fuzzy.features(item.title);
      let bestScore = -1;
      let nearestVetoed = -1;
      const fuzzyWindowMs = fuzzy.windowHours * 3_600_000;
      let lifted = false;
      let bestLifted = false;
      // Without a summary the item folds only at the threshold: the stories below it need
      // no guards (the costly part). Its first sentence is read when a story needs it.
      let myLead: Features | undefined | null = fuzzy.lead && item.html ? null : undefined;
      const floor = myLead === null ? fuzzy.threshold - LEAD_MARGIN : fuzzy.threshold;
      for (const i of candidatesOf(mine)) {
        if (!allowed(i, fuzzyWindowMs)) continue;
        const story = next[i]!;
        const theirs = fuzzy.features(story.reporters[0]!.title, story.reporters[0]);
        // Too far below the threshold to fold, even lifted, or to outscore a fold: skip
        // the guards.
        const raw = symmetricSimilarity(mine, theirs);
        if (raw < floor) continue;
        // Below the threshold only the first sentences can fold it: their score first (the
        // cheap part), then both pairs' guards.
        let leads: Features | undefined;
        let leadScore = 0;
        if (raw < fuzzy.threshold) {
          if (myLead === null) myLead = fuzzy.lead!(item.html, item.title);
          if (!myLead) continue;
          const anchor = story.reporters[0]!;
          leads = fuzzy.lead!(anchor.html, anchor.title);
          leadScore = leads ? symmetricSimilarity(myLead, leads) : 0;
          if (leadScore < fuzzy.threshold || (raw + leadScore) / 2 < fuzzy.threshold) continue;
        }
        const m = compare(mine, theirs, raw);
        if (m.veto) {
          nearestVetoed = Math.max(nearestVetoed, m.score);
          continue;
        }
        let score = m.score;
        if (leads) {
          lifted = !compare(myLead!, leads, leadScore).veto;
          if (!lifted) continue;
          score = (score + leadScore) / 2;
        }
        const prev = best === undefined ? undefined : next[best]!;
        const better =
          score > bestScore ||
          (score === bestScore && prev && (story.published < prev.published || (story.published === prev.published && story.id < prev.id)));
        if (better) {
          best = i;
          bestScore = score;
          bestLifted = lifted;
        }
        lifted = false;
      }
      if (best !== undefined && nearestVetoed > bestScore) best = undefined;
      if (best !== undefined) joined = { by: 'similar', score: Math.round(bestScore * 1000) / 1000, ...(bestLifted ? { lead: true } : {}) };
    }
    if (best !== undefined) {
      const story = next[best]!;
      const joinedStory: Story = {
        ...story,
        reporters: [...story.reporters, toReporter(item, nowIso, joined)],
        updated: maxIso(story.updated, nowIso),
      };
      next[best] = joinedStory;
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
    if (postings && reachable(story)) post(next.length - 1);
    touched.add(story.id);
    created.add(story.id);
    return 'new';
  });
  return { stories: next, outcomes, touched, created };
}

function maxIso(a: string, b: string): string {
  return a >= b ? a : b;
}
