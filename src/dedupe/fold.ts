// Folding items into stories. Pure: takes the stored stories and new items, returns the
// new story list and what happened to each item. The poll cycle calls it once per cycle
// with every source's new items sorted by publication time (then feed order), so the
// result never depends on fetch timing.
import { createHash } from 'node:crypto';
import type { Item, Reporter, Story } from '../model.js';
import { compare, crossVetoReason, factsDiffer, symmetricSimilarity, thingsCovered, type Features } from './similar.js';

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
    /** The features of a summary's first sentence, when it says more than the title (a
     * stored story's first reporter passed as `owner`, as for `features`). */
    lead?: (html: string, title: string, owner?: Reporter) => Features | undefined;
  };
  /** Folds undone by hand, as "storyId\nsourceId\nguid": never made again. */
  splits?: ReadonlySet<string>;
}

export const splitKey = (storyId: string, sourceId: string, guid: string): string => `${storyId}\n${sourceId}\n${guid}`;

// A headline re-worded past the threshold still folds when the summaries' first sentences
// agree on details: at least LEAD_DETAILS words in Arabic script that one sentence adds to
// its own headline and the other item says too (in its headline or its sentence), each
// uncommon in the window and none its outlet's boilerplate; the two sentences score at
// least LEAD_MIN_SCORE, the items are at most LEAD_WINDOW_MS apart, and no guard objects
// to the sentences, to the headlines, or to one's headline against the other's sentence.
// "Uncommon" is what keeps boilerplate out: a dateline, a template ("وفق ما أفاد
// مراسلنا"), a restated title, "اليوم" recur across the window's summaries; the details of
// one event (a village, a figure, a name) are in the few items that report it. A word is
// uncommon when at most LEAD_COMMON_SHARE of the window's other summaries (never more than
// MAX_POSTINGS) have it in headline or sentence; a window of fewer than LEAD_MIN_WINDOW
// summaries cannot tell, and there the headlines alone decide. With both sentences at
// hand, what they say of days and places also keeps apart headlines that fold (the same
// bulletin on two days). README "How dedupe works" has the rule before this one and both
// measured.
const LEAD_DETAILS = 3;
const LEAD_COMMON_SHARE = 0.01;
const LEAD_MIN_WINDOW = 100;
const LEAD_MIN_SCORE = 0.3;
const LEAD_THINGS = 1 / 3;
// Re-wordings come within hours; the same bulletin, weather report or convoy recurs a day
// later in the same words, and only the headline guards' days and numbers tell them apart.
const LEAD_WINDOW_MS = 12 * 3_600_000;

// A token in more stories than this is too common to find candidates by ("سوريا"); it
// still counts in the score. Keeps the candidate search near linear in stories.
const MAX_POSTINGS = 50;
// The wordings of a story an item is matched against: its first reporters' headlines (a
// story told by 300 outlets is not compared 300 times per item; the guards still hold the
// facts all of them name).
const MAX_HEADLINES = 12;

/** An item's headline and first sentence, the words of both, and its outlet. */
interface LeadWords {
  head: Features;
  lead: Features;
  words: Set<string>;
  sourceId: string;
}

interface LeadIndex {
  /** Stories by position in the story list, and this call's new items. */
  of: Map<number, LeadWords>;
  items: Map<Item, LeadWords>;
  /** How many of them have each word; at most `common` others is uncommon. */
  count: Map<string, number>;
  common: number;
  /** Per outlet, how many of its sentences add each word to their headline, and how many
   * sentences it has. */
  boilerplate: Map<string, Map<string, number>>;
  sentences: Map<string, number>;
  postings: Map<string, number[]>;
}

// A sentence that shares no word with its own headline is not about it: a call to read
// more or follow a channel, a caption, a signature (279 of 280 labeled first sentences
// share one).
const about = (head: Features, sentence: Features): boolean => {
  for (const t of head.stems) if (sentence.stems.has(t)) return true;
  return false;
};

/** An item's headline and first sentence, when the sentence is about it. */
const leadWords = (head: Features, sentence: Features | undefined, sourceId: string): LeadWords | undefined =>
  sentence && about(head, sentence) ? { head, lead: sentence, words: new Set([...head.stems, ...sentence.stems]), sourceId } : undefined;

// Words in Latin script: an English summary's "the", "said", "appeared first on" are no
// details of an Arabic story.
const LATIN = /^[a-z]+$/i;

// An outlet's boilerplate: a word it adds to its headlines in at least two of its
// sentences and at least this share of them ("لقراءة الخبر كاملاً …", a signature). A word
// of its beat ("حلب" for an Aleppo outlet) is in fewer.
const BOILERPLATE_SHARE = 0.3;
const isBoilerplate = (index: LeadIndex, sourceId: string, t: string): boolean => {
  const n = index.boilerplate.get(sourceId)?.get(t) ?? 0;
  return n >= 2 && n >= BOILERPLATE_SHARE * index.sentences.get(sourceId)!;
};

function leadIndex(
  stories: readonly Story[],
  items: readonly Item[],
  reachable: (story: Story) => boolean,
  known: ReadonlyMap<string, number>,
  fuzzy: NonNullable<FoldOptions['fuzzy']>,
): LeadIndex | null {
  const lead = fuzzy.lead!;
  const index: LeadIndex = { of: new Map(), items: new Map(), count: new Map(), common: 0, boilerplate: new Map(), sentences: new Map(), postings: new Map() };
  // Words are counted once per headline: outlets that carry one headline word for word
  // (an agency's, republished) tell one story, and do not make its details common.
  const counted = new Set<string>();
  const add = (head: Features, sentence: Features | undefined, sourceId: string, titleKey: string): LeadWords | undefined => {
    const w = leadWords(head, sentence, sourceId);
    if (!w) return undefined;
    if (!counted.has(titleKey)) for (const t of w.words) index.count.set(t, (index.count.get(t) ?? 0) + 1);
    counted.add(titleKey);
    let own = index.boilerplate.get(sourceId);
    if (!own) index.boilerplate.set(sourceId, (own = new Map()));
    for (const t of w.lead.stems) if (!head.stems.has(t)) own.set(t, (own.get(t) ?? 0) + 1);
    index.sentences.set(sourceId, (index.sentences.get(sourceId) ?? 0) + 1);
    return w;
  };
  stories.forEach((story, i) => {
    const anchor = story.reporters[0]!;
    if (!story.titleKey || !anchor.html || !reachable(story)) return;
    const w = add(fuzzy.features(anchor.title, anchor), lead(anchor.html, anchor.title, anchor), anchor.sourceId, story.titleKey);
    if (w) index.of.set(i, w);
  });
  for (const item of items) {
    if (!item.html || !item.titleKey || known.has(`${item.sourceId}\n${item.guid}`)) continue;
    const w = add(fuzzy.features(item.title), lead(item.html, item.title), item.sourceId, item.titleKey);
    if (w) index.items.set(item, w);
  }
  const n = index.of.size + index.items.size;
  if (n < LEAD_MIN_WINDOW) return null;
  // A share of the window, and never more than the stories a headline token may find
  // candidates in: a word in hundreds of summaries is no detail, however large the window.
  index.common = Math.min(LEAD_COMMON_SHARE * n, MAX_POSTINGS);
  return index;
}

/** One wording of a story, for the near-duplicate route. */
interface Headline {
  features: Features;
  sourceId: string;
  /** The first reporter's. */
  first: boolean;
}

/** A story's distinct wordings (at most MAX_HEADLINES) and the facts all its headlines name. */
interface StoryView {
  heads: Headline[];
  titles: Set<string>;
  facts: { numbers: Set<string>; places: Set<string>; dates: Set<string>; roles: Set<string> };
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
 * Fold `items` into `stories`:
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
  // whose reporters' headlines have it, built on first use. Stories sharing at least two
  // uncommon tokens with an item are compared; the rest never are.
  const fuzzy = opts.fuzzy;
  let postings: Map<string, number[]> | undefined;
  // Tokens of first headlines: how many shared tokens a candidate needs is decided by
  // these, so a window whose stories gained reporters does not ask more of an item.
  const firstTokens = new Set<string>();
  // Story index → tokens posted for it (the first headline's own set until another
  // wording's are posted, then a copy that grows).
  const postedTokens = new Map<number, { tokens: ReadonlySet<string>; own: boolean }>();
  const post = (i: number, heads: readonly Headline[]) => {
    if (!fuzzy || !next[i]!.titleKey) return;
    for (const h of heads) {
      const stems = h.features.stems;
      const posted = postedTokens.get(i);
      if (!posted) postedTokens.set(i, { tokens: stems, own: false });
      else if (!posted.own) postedTokens.set(i, { tokens: new Set(posted.tokens), own: true });
      const seen = posted && (postedTokens.get(i)!.tokens as Set<string>);
      for (const token of stems) {
        if (h.first) firstTokens.add(token);
        if (seen) {
          if (seen.has(token)) continue;
          seen.add(token);
        }
        const list = postings!.get(token);
        if (list) list.push(i);
        else postings!.set(token, [i]);
      }
    }
  };
  // A story as the near-duplicate route sees it: its first MAX_HEADLINES distinct wordings
  // (the first reporter's first: a story told by five outlets has five wordings a sixth
  // can match), and the facts all its headlines name. Outlets give different parts of the
  // facts ("20 ألف ليرة" one, "مليون و320 ألف" another), so each wording is held against an
  // item with all of them (numbers, places, days, offices): an item naming only some agrees,
  // one naming another count or town does not. Kept per story object (a story that gains a
  // reporter is a new object, and takes its view over with the reporter added).
  const views = new WeakMap<Story, StoryView>();
  const addTo = (view: StoryView, r: Reporter): Headline | undefined => {
    const features = fuzzy!.features(r.title, r);
    for (const [set, of] of [[view.facts.numbers, features.numbers], [view.facts.places, features.places], [view.facts.dates, features.dates], [view.facts.roles, features.roles]] as const) for (const x of of) set.add(x);
    if (view.titles.has(r.title) || view.heads.length >= MAX_HEADLINES) return undefined;
    view.titles.add(r.title);
    const head = { features, sourceId: r.sourceId, first: view.heads.length === 0 };
    view.heads.push(head);
    return head;
  };
  const viewOf = (story: Story): StoryView => {
    let view = views.get(story);
    if (!view) {
      view = { heads: [], titles: new Set(), facts: { numbers: new Set(), places: new Set(), dates: new Set(), roles: new Set() } };
      for (const r of story.reporters) addTo(view, r);
      views.set(story, view);
    }
    return view;
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
      for (let i = 0; i < next.length; i++) if (reachable(next[i]!)) post(i, viewOf(next[i]!).heads);
    }
    const shared = new Map<number, number>();
    let uncommon = 0;
    for (const token of f.stems) {
      const list = postings.get(token);
      if (!list || list.length > MAX_POSTINGS) continue;
      if (firstTokens.has(token)) uncommon++;
      for (const i of list) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    // Two uncommon tokens in common, or one when the headline has only one.
    const need = Math.min(2, Math.max(1, uncommon));
    const out: number[] = [];
    for (const [i, n] of shared) if (n >= need) out.push(i);
    return out;
  };

  // The window's first sentences, read once before any item is folded (so what counts as
  // common never depends on the order items arrive in): each reachable story's (its first
  // reporter's) and each new item's, with how many of them have each word in headline or
  // sentence, the words each outlet repeats across its own sentences (its boilerplate), and
  // an index from a story's uncommon words to it.
  const leads = fuzzy?.lead && items.some((it) => it.html) ? leadIndex(next, items, reachable, byIdentity, fuzzy) : null;
  // Uncommon: in at most `common` summaries besides the two compared.
  const uncommon = (t: string) => leads!.count.get(t)! - 2 <= leads!.common;
  const postLead = (i: number, w: LeadWords) => {
    for (const t of w.words) {
      if (!uncommon(t)) continue; // common even if the item has it too
      const list = leads!.postings.get(t);
      if (list) list.push(i);
      else leads!.postings.set(t, [i]);
    }
  };
  if (leads) for (const [i, w] of leads.of) postLead(i, w);
  // The details two first sentences agree on: the uncommon words in Arabic script one adds
  // to its own headline, not its outlet's boilerplate, that the other item says too.
  const details = (a: LeadWords, b: LeadWords): number => {
    const found = new Set<string>();
    for (const [x, y] of [[a, b], [b, a]] as const) {
      for (const t of x.lead.stems) {
        if (x.head.stems.has(t) || !y.words.has(t) || LATIN.test(t) || !uncommon(t)) continue;
        if (isBoilerplate(leads!, x.sourceId, t)) continue;
        found.add(t);
      }
    }
    return found.size;
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
      if (r === 0 && leads?.of.has(known)) {
        // Its sentence may have changed: read again (the window's counts stay as read).
        const first = reporters[0]!;
        const w = leadWords(fuzzy!.features(first.title, first), first.html ? fuzzy!.lead!(first.html, first.title, first) : undefined, first.sourceId);
        if (w) leads.of.set(known, w);
        else leads.of.delete(known);
      }
      next[known] = { ...story, reporters, updated: maxIso(story.updated, nowIso) };
      // A changed headline is one more wording to match, at once (as in a later call).
      if (postings && reachable(next[known]!)) post(known, viewOf(next[known]!).heads.filter((h) => h.sourceId === item.sourceId));
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
    const myWords = leads?.items.get(item);
    // Both with a first sentence: a headline repeated on another day (a bulletin, a convoy)
    // is told apart by what the sentences say of the day and place.
    // (A story older than the near-duplicate window is read here: the exact key reaches
    // further back, and a daily bulletin recurs two days later as well.)
    const sentencesDisagree = (i: number) => {
      if (!myWords) return false;
      const anchor = next[i]!.reporters[0]!;
      const theirs = leads!.of.get(i) ?? leadWords(fuzzy!.features(anchor.title, anchor), anchor.html ? fuzzy!.lead!(anchor.html, anchor.title, anchor) : undefined, anchor.sourceId);
      return theirs !== undefined && crossVetoReason(myWords.head, myWords.lead, theirs.head, theirs.lead) !== undefined;
    };
    for (const i of (item.titleKey ? byKey.get(item.titleKey) : undefined) ?? []) {
      const distance = Math.abs(t - Date.parse(next[i]!.published));
      if (allowed(i) && distance < bestDistance && !sentencesDisagree(i)) {
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
      let bestLifted = false;
      let bestVia: string | undefined;
      const candidates = new Set(candidatesOf(mine));
      if (myWords) {
        // Stories sharing enough uncommon words with the item's headline and sentence.
        const shared = new Map<number, number>();
        for (const t of myWords.words) for (const i of leads!.postings.get(t) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
        for (const [i, n] of shared) if (n >= LEAD_DETAILS) candidates.add(i);
      }
      for (const i of candidates) {
        if (!allowed(i, fuzzyWindowMs)) continue;
        const story = next[i]!;
        const view = viewOf(story);
        const heads = view.heads;
        const theirs = heads[0]!.features; // the first reporter's
        // Any reporter's headline may vouch for the story: the most similar one.
        // (Plain loops: this runs for every candidate of every item.)
        const scores: number[] = [];
        let via = 0;
        for (let k = 0; k < heads.length; k++) {
          scores.push(symmetricSimilarity(mine, heads[k]!.features));
          if (scores[k]! > scores[via]!) via = k;
        }
        const raw = scores[via]!;
        // Below the threshold only the first sentences can fold it: the details they agree
        // on first (the cheap part), then the guards of both pairs.
        let theirWords: LeadWords | undefined;
        if (raw < fuzzy.threshold) {
          theirWords = myWords && Math.abs(t - Date.parse(story.published)) <= LEAD_WINDOW_MS ? leads!.of.get(i) : undefined;
          if (!theirWords || details(myWords!, theirWords) < LEAD_DETAILS) continue;
          // Each headline's things (what, not who or where) said by the other item, more
          // than a third of them: one template sentence of a ministry or an agency ("أصدرت
          // وزارة … قراراً يقضي بتعديل سعر …") tells of bread one day and of gas the next.
          if (thingsCovered(mine, theirWords.words) <= LEAD_THINGS || thingsCovered(theirs, myWords!.words) <= LEAD_THINGS) continue;
        }
        // No headline of the story may object. The one that vouches gets every guard (on the
        // first sentences' route, below the threshold, the evidence guards); the others the
        // guards that read a difference (numbers, places, days, opposites, negation,
        // offices) — a clause one outlet adds is no swap against the item — each holding the
        // facts all the story's headlines name; the first headline, with its own facts, too,
        // so a broader later headline ("… في حمص وارتفاع سعر الخبز في حلب") never carries
        // the story to another event. (How alike the objecting headline is, for the
        // look-alike rule below.)
        let veto = -1;
        for (let k = 0; k < heads.length; k++) {
          const guarded = story.reporters.length > 1 ? { ...heads[k]!.features, ...view.facts } : heads[k]!.features;
          if (compare(mine, guarded, scores[k], k !== via || scores[k]! < fuzzy.threshold).veto !== undefined) veto = Math.max(veto, scores[k]!);
        }
        if (story.reporters.length > 1 && factsDiffer(mine, theirs, true) !== undefined) veto = Math.max(veto, scores[0]!);
        // With both first sentences at hand, each headline is also held against the other
        // item's sentence, whichever way the two fold.
        // (A story the sentences keep apart is another day's or place's: it does not make
        // the item one of a family of look-alikes, as a headline guard's veto does below.)
        const storyWords = myWords && leads!.of.get(i);
        if (veto >= 0) {
          nearestVetoed = Math.max(nearestVetoed, veto);
          continue;
        }
        if (storyWords && crossVetoReason(mine, myWords!.lead, theirs, storyWords.lead)) continue;
        let score = raw;
        if (theirWords) {
          const leadMatch = compare(myWords!.lead, theirWords.lead);
          if (leadMatch.veto || leadMatch.score < LEAD_MIN_SCORE) continue;
          score = (scores[0]! + leadMatch.score) / 2;
        }
        const prev = best === undefined ? undefined : next[best]!;
        const better =
          score > bestScore ||
          (score === bestScore && prev && (story.published < prev.published || (story.published === prev.published && story.id < prev.id)));
        if (better) {
          best = i;
          bestScore = score;
          bestLifted = theirWords !== undefined;
          bestVia = theirWords === undefined && via > 0 ? heads[via]!.sourceId : undefined;
        }
      }
      if (best !== undefined && nearestVetoed > bestScore) best = undefined;
      if (best !== undefined) joined = { by: 'similar', score: Math.round(bestScore * 1000) / 1000, ...(bestLifted ? { lead: true } : {}), ...(bestVia ? { via: bestVia } : {}) };
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
      // Its headline is one more wording for the items after it to match. (The story's view
      // goes over to the new object, with the reporter added: no re-reading of every
      // reporter each time a story of thousands gains one. A story with no view yet was
      // never indexed: it is read whole when first needed.)
      const view = views.get(story);
      if (view) {
        views.delete(story);
        views.set(joinedStory, view);
        const head = addTo(view, joinedStory.reporters.at(-1)!);
        if (head && postings && reachable(joinedStory)) post(best, [head]);
      }
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
    if (postings && reachable(story)) post(next.length - 1, viewOf(story).heads);
    // Items of this call are counted already; as a story, one is a candidate for the rest.
    const words = leads?.items.get(item);
    if (words) {
      leads!.of.set(next.length - 1, words);
      postLead(next.length - 1, words);
    }
    touched.add(story.id);
    created.add(story.id);
    return 'new';
  });
  return { stories: next, outcomes, touched, created };
}

function maxIso(a: string, b: string): string {
  return a >= b ? a : b;
}
