// The labeled headline pairs of test/eval/headlines.tsv and how the dedupe stage scores on
// them: shared by test/dedupe-eval.test.ts (which pins the figures) and bench/dedupe.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { foldItems } from '../../src/dedupe/fold.js';
import { compare, headlineFeatures, leadSentence, symmetricSimilarity, type Features } from '../../src/dedupe/similar.js';
import type { Item, Story } from '../../src/model.js';
import { createTitleKeyFolder } from '../../src/normalize/title-key.js';
import { repoRoot } from './paths.js';

export interface Pair { split: 'tune' | 'holdout' | 'fresh'; same: boolean; category: string; a: string; b: string; note: string; line: number }

/** The labeled pairs: headlines.tsv (tune and holdout splits), or the second held-out set
 * headlines-fresh.tsv (split "fresh"). */
export function loadPairs(file: 'headlines.tsv' | 'headlines-fresh.tsv' = 'headlines.tsv'): Pair[] {
  const text = readFileSync(join(repoRoot, 'test', 'eval', file), 'utf8');
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim() || line.startsWith('#')) return [];
    const [split, label, category, a, b, note] = line.split('\t');
    if ((split !== 'tune' && split !== 'holdout' && split !== 'fresh') || (label !== 'same' && label !== 'diff') || !a || !b) throw new Error(`${file} line ${i + 1}: malformed`);
    return [{ split, same: label === 'same', category: category!, a, b, note: note ?? '', line: i + 1 }];
  });
}

// The outlet names the eval headlines carry as suffixes, as a config would list them.
const key = createTitleKeyFolder(['سانا', 'عنب بلدي', 'الوطن', 'أثر برس', 'تلفزيون سوريا', 'الجزيرة', 'العربية', 'حلب اليوم', 'تشرين', 'سكاي نيوز عربية']);

export interface Verdict { pair: Pair; exact: boolean; score: number; veto?: string; fuzzy: boolean }

/** What exact-only and exact+fuzzy folding decide for each pair at `threshold`. */
export function judge(pairs: readonly Pair[], threshold: number): Verdict[] {
  return pairs.map((pair) => {
    const exact = key(pair.a) !== '' && key(pair.a) === key(pair.b);
    const m = compare(headlineFeatures(key.words(pair.a)), headlineFeatures(key.words(pair.b)));
    return { pair, exact, score: m.score, ...(m.veto ? { veto: m.veto } : {}), fuzzy: exact || (!m.veto && m.score >= threshold) };
  });
}

export interface Scores { pairs: number; tp: number; fp: number; fn: number; precision: number; recall: number; f1: number }

export function scores(verdicts: readonly Verdict[], mode: 'exact' | 'fuzzy'): Scores {
  let tp = 0, fp = 0, fn = 0;
  for (const v of verdicts) {
    const merged = mode === 'exact' ? v.exact : v.fuzzy;
    if (merged && v.pair.same) tp++;
    else if (merged) fp++;
    else if (v.pair.same) fn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { pairs: verdicts.length, tp, fp, fn, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

// Synthetic window: 20,000 stories from 40 outlets, a third of them re-worded reports of a
// story another outlet carried (word order, synonyms, labels), the rest distinct.
const places = ['دمشق', 'حلب', 'حمص', 'حماة', 'اللاذقية', 'طرطوس', 'إدلب', 'درعا', 'السويداء', 'الرقة', 'دير الزور', 'الحسكة'];
const subjects = ['وزارة الكهرباء', 'وزارة الصحة', 'محافظة المدينة', 'وزارة التربية', 'المؤسسة السورية للتجارة', 'وزارة النقل', 'مديرية المياه', 'وزارة الزراعة'];
const verbs = [['تعلن', 'تكشف'], ['تبحث', 'تناقش'], ['تؤكد', 'تشدد على']];
const objects = ['خطة جديدة', 'برنامج تقنين', 'حملة لقاح', 'مشروع صيانة', 'توزيع مواد', 'إعادة تأهيل', 'رقابة الأسواق', 'تعرفة جديدة'];

export function syntheticItems(n: number): Item[] {
  const key = createTitleKeyFolder([]);
  const base = Date.UTC(2026, 10, 29, 12);
  const items: Item[] = [];
  for (let i = 0; i < n; i++) {
    const story = i % 3 === 2 ? i - 1 : i; // every third item re-reports the one before
    const reword = story !== i;
    const s = subjects[story % subjects.length]!;
    const v = verbs[(story >> 3) % verbs.length]![reword ? 1 : 0]!;
    const o = objects[(story >> 5) % objects.length]!;
    const p = places[(story >> 8) % places.length]!;
    const title = reword ? `عاجل: ${s} ${v} ${o} رقم ${story} في ${p} خلال الأسبوع` : `${s} ${v} ${o} رقم ${story} في ${p}`;
    items.push({ sourceId: `o${i % 40}`, guid: `g${i}`, title, titleKey: key(title), link: undefined, html: '', categories: [], author: undefined, published: new Date(base - (n - i) * 10_000).toISOString() });
  }
  return items;
}

export interface InWindow { same: number; joined: number; diff: number; wronglyJoined: number; strayJoins: number }

/**
 * The labeled pairs through the real fold stage (candidate search included) inside a
 * window of `background` stories: every first headline stored as a story, then every
 * second headline folded in from another outlet. A second headline should join its first
 * one's story exactly when the pair is the same story, and never another story.
 */
export function foldInWindow(pairs: readonly Pair[], background: Story[], threshold: number, features: (title: string) => Features): InWindow {
  const now = Date.UTC(2026, 10, 29, 12);
  const pairItem = (source: string, n: number, title: string): Item => ({ sourceId: source, guid: `p${n}`, title, titleKey: key(title), link: undefined, html: '', categories: [], author: undefined, published: new Date(now - 3_600_000).toISOString() });
  const opts = { windowHours: 72, now, fuzzy: { threshold, windowHours: 24, features } };
  const window = foldItems(background, pairs.map((p, n) => pairItem('eval-a', n, p.a)), opts);
  const storyOf = new Map(window.stories.flatMap((s) => s.reporters.filter((x) => x.sourceId === 'eval-a').map((x) => [x.guid, s.id] as const)));
  // All second headlines in one fold, each from an outlet of its own (as in a real window,
  // where one may also join another's story: that counts as a stray join).
  const seconds = foldItems(window.stories, pairs.map((p, n) => pairItem(`eval-b${n}`, n, p.b)), opts);
  const homeOf = new Map(seconds.stories.flatMap((s) => s.reporters.filter((x) => x.sourceId.startsWith('eval-b')).map((x) => [x.guid, s.id] as const)));
  const out: InWindow = { same: 0, joined: 0, diff: 0, wronglyJoined: 0, strayJoins: 0 };
  pairs.forEach((p, n) => {
    const joinedOwn = homeOf.get(`p${n}`) === storyOf.get(`p${n}`);
    if (seconds.outcomes[n] === 'folded' && !joinedOwn) {
      out.strayJoins++;
      if (process.env.DEBUG_STRAY) console.error(`stray: ${p.b} → ${seconds.stories.find((s) => s.id === homeOf.get(`p${n}`))!.reporters[0]!.title}`);
    }
    if (p.same) {
      out.same++;
      if (joinedOwn) out.joined++;
    } else {
      out.diff++;
      if (joinedOwn) out.wronglyJoined++;
    }
  });
  return out;
}

export interface LeadPair { split: 'tune' | 'holdout' | 'fresh'; same: boolean; category: string; a: string; leadA: string; b: string; leadB: string; line: number }

/** The labeled pairs of items with the first sentence of their summary: lead-pairs.tsv
 * (tune and holdout splits), or the second held-out set lead-pairs-fresh.tsv. */
export function loadLeadPairs(file: 'lead-pairs.tsv' | 'lead-pairs-fresh.tsv' = 'lead-pairs.tsv'): LeadPair[] {
  const text = readFileSync(join(repoRoot, 'test', 'eval', file), 'utf8');
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim() || line.startsWith('#')) return [];
    const [split, label, category, a, leadA, b, leadB] = line.split('\t');
    if ((split !== 'tune' && split !== 'holdout' && split !== 'fresh') || (label !== 'same' && label !== 'diff') || !a || !b || !leadA || !leadB) throw new Error(`${file} line ${i + 1}: malformed`);
    return [{ split, same: label === 'same', category: category!, a, leadA, b, leadB, line: i + 1 }];
  });
}

// Summaries that open alike and restate their title, for the background of a window: an
// outlet's dateline, the headline again, and a closing phrase shared across outlets (a
// harsher case than real feeds, whose boilerplate is mostly their own).
const DATELINES = ['دمشق-سانا:', 'دمشق - الوطن أونلاين |', 'متابعة - عنب بلدي:', 'حلب - أثر برس:', 'خاص - تلفزيون سوريا:'];
const TAILS = ['', ' وذلك في إطار خطة الحكومة لتحسين الخدمات المقدمة للمواطنين.', ' وفق ما أفاد مراسلنا في المحافظة اليوم.', ' بحسب بيان رسمي نشرته الوزارة على قناتها في تلغرام.'];

const leadFeatures = (title: string) => headlineFeatures(key.words(title));
// Below this score a background headline shares no event with the lead pairs' (judged by
// reading them: the same events appear in both sets).
const BACKGROUND_UNLIKE = 0.25;

/** Every headline of headlines.tsv and headlines-fresh.tsv once, as items of 40 outlets,
 * with a boilerplate summary (dateline + the title again + a shared closing phrase) or none. */
export function backgroundItems(withSummaries: boolean, now: number, unlike: readonly string[] = []): Item[] {
  // Headlines that resemble none of `unlike` (another set's events: not a story of theirs).
  const others = unlike.map(leadFeatures);
  const titles = [...new Set([...loadPairs(), ...loadPairs('headlines-fresh.tsv')].flatMap((p) => [p.a, p.b]))].filter((t) => {
    const f = leadFeatures(t);
    return others.every((o) => symmetricSimilarity(f, o) < BACKGROUND_UNLIKE);
  });
  return titles.map((title, n) => ({
    sourceId: `bg${n % 40}`, guid: `bg${n}`, title, titleKey: key(title), link: undefined,
    html: withSummaries ? `<p>${DATELINES[n % DATELINES.length]} ${title}${TAILS[Math.floor(n / 5) % TAILS.length]}</p>` : '',
    categories: [], author: undefined, published: new Date(now - 2 * 3_600_000).toISOString(),
  }));
}

const leadOf = (html: string, title: string) => {
  const s = leadSentence(html, title);
  return s ? leadFeatures(s) : undefined;
};

export interface LeadScores extends Scores {
  /** Second items that joined a story other than their pair's. */
  strays: number;
}

/**
 * The pairs through the real fold stage in one window: the headlines of the other labeled
 * sets stored first as stories (with boilerplate summaries when `withLeads`), then every
 * pair's first item, then every second item, each from an outlet of its own, with the
 * first sentences as the items' summaries (or none, `withLeads` false: the headlines
 * alone decide). Precision and recall of the joins, and the stray ones.
 */
export function foldLeadPairs(pairs: readonly LeadPair[], threshold: number, withLeads: boolean): LeadScores {
  const now = Date.UTC(2026, 10, 29, 12);
  const opts = { windowHours: 72, now, fuzzy: { threshold, windowHours: 24, features: leadFeatures, lead: leadOf } };
  const toItem = (source: string, n: number, title: string, text: string): Item => ({
    sourceId: source, guid: `p${n}`, title, titleKey: key(title), link: undefined, html: withLeads ? `<p>${text}</p>` : '', categories: [], author: undefined,
    published: new Date(now - 3_600_000).toISOString(),
  });
  let stories: Story[] = [];
  const background = backgroundItems(withLeads, now, pairs.flatMap((p) => [p.a, p.b]));
  for (let o = 0; o < 40; o++) stories = foldItems(stories, background.filter((x) => x.sourceId === `bg${o}`), opts).stories;
  const firsts = foldItems(stories, pairs.map((p, n) => toItem('lead-a', n, p.a, p.leadA)), opts);
  const storyOf = new Map(firsts.stories.flatMap((s) => s.reporters.filter((x) => x.sourceId === 'lead-a').map((x) => [x.guid, s.id] as const)));
  let window = firsts.stories;
  const outcomes: string[] = [];
  pairs.forEach((p, n) => {
    const r = foldItems(window, [toItem(`lead-b${n}`, n, p.b, p.leadB)], opts);
    window = r.stories;
    outcomes.push(r.outcomes[0]!);
  });
  const homeOf = new Map(window.flatMap((s) => s.reporters.filter((x) => x.sourceId.startsWith('lead-b')).map((x) => [x.guid, s.id] as const)));
  let tp = 0, fp = 0, fn = 0, strays = 0;
  pairs.forEach((p, n) => {
    const joined = homeOf.get(`p${n}`) === storyOf.get(`p${n}`);
    if (outcomes[n] === 'folded' && !joined) {
      strays++;
      if (process.env.DEBUG_STRAY) console.error(`stray: ${p.b} → ${window.find((s) => s.id === homeOf.get(`p${n}`))!.reporters[0]!.title}`);
    }
    if (joined && p.same) tp++;
    else if (joined) fp++;
    else if (p.same) fn++;
    if (process.env.DEBUG_MISSED && withLeads && p.same && !joined) console.error(`missed: ${outcomes[n]} ${p.a} || ${p.b}`);
    if (process.env.DEBUG_MISSED && !p.same && joined) console.error(`merged (${withLeads ? 'leads' : 'titles'}): ${p.a} || ${p.b}`);
  });
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { pairs: pairs.length, tp, fp, fn, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), strays };
}

/** Folds in the background window (every labeled headline, 40 outlets) without summaries
 * and with boilerplate ones: summaries that only restate and frame the title should fold
 * nothing more. */
export function boilerplateFolds(threshold: number): { without: number; with: number } {
  const now = Date.UTC(2026, 10, 29, 12);
  const opts = { windowHours: 72, now, fuzzy: { threshold, windowHours: 24, features: leadFeatures, lead: leadOf } };
  const count = (withSummaries: boolean) => {
    const items = backgroundItems(withSummaries, now);
    let stories: Story[] = [];
    let folded = 0;
    for (let o = 0; o < 40; o++) {
      const r = foldItems(stories, items.filter((x) => x.sourceId === `bg${o}`), opts);
      stories = r.stories;
      folded += r.outcomes.filter((x) => x === 'folded').length;
    }
    return folded;
  };
  return { without: count(false), with: count(true) };
}

/**
 * Folds among the headlines of *different* labeled pairs (headlines.tsv and
 * headlines-fresh.tsv, every headline against every other, the same key excepted): a few
 * are the same event written up for two pairs, most would be wrong merges. Unlabeled, so a
 * count to watch rather than a precision; the pairs, for reading, with `list`.
 */
export function crossPairFolds(threshold: number): Array<{ score: number; a: string; b: string }> {
  const heads = new Map<string, number>();
  [...loadPairs(), ...loadPairs('headlines-fresh.tsv')].forEach((p, i) => {
    if (!heads.has(p.a)) heads.set(p.a, i);
    if (!heads.has(p.b)) heads.set(p.b, i);
  });
  const list = [...heads].map(([title, pair]) => ({ title, pair, f: headlineFeatures(key.words(title)), k: key(title) }));
  const out: Array<{ score: number; a: string; b: string }> = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const a = list[i]!;
      const b = list[j]!;
      if (a.pair === b.pair || a.k === b.k) continue;
      const score = symmetricSimilarity(a.f, b.f);
      if (score < threshold || compare(a.f, b.f, score).veto) continue;
      out.push({ score, a: a.title, b: b.title });
    }
  }
  return out;
}

export interface ClusterLine { event: string; outlet: string; hour: number; title: string; line: number }

export type ClusterFile = 'clusters.tsv' | 'clusters-fresh.tsv';

/** test/eval/clusters*.tsv: events as several outlets word them (e…), and decoys (d…). */
export function loadClusters(file: ClusterFile = 'clusters.tsv'): ClusterLine[] {
  const text = readFileSync(join(repoRoot, 'test', 'eval', file), 'utf8');
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim() || line.startsWith('#') || line.startsWith('event\t')) return [];
    const [event, outlet, hour, title] = line.split('\t');
    if (!event || !outlet || !title || !Number.isFinite(Number(hour))) throw new Error(`${file} line ${i + 1}: malformed`);
    return [{ event, outlet, hour: Number(hour), title, line: i + 1 }];
  });
}

export interface ClusterScores {
  /** Pairs of lines of one event, and how many of them ended in one story. */
  samePairs: number;
  joinedPairs: number;
  /** Pairs of lines of different events that ended in one story (wrong merges). */
  wrongPairs: number;
  recall: number;
  /** Of the pairs put in one story, how many are one event. */
  precision: number;
  /** Events (of two or more lines) told as one story, and stories mixing events. */
  events: number;
  whole: number;
  mixed: number;
  /** Lines that joined a story of the background (another set's headlines). */
  strays: number;
  /** Per event: its lines' story numbers (for the bench's listing of what is still split). */
  split: Array<{ event: string; parts: string[][] }>;
  merged: Array<string[]>;
}

/**
 * Every line of clusters.tsv folded in one call, in time order (each event's lines from
 * its first report on), among the labeled headlines of the other sets as background
 * (folded first, two hours before): pairwise, how many lines of one event end in one
 * story and how many of different events do.
 */
export function foldClusters(threshold: number, fuzzyOn = true, file: ClusterFile = 'clusters.tsv'): ClusterScores {
  const now = Date.UTC(2026, 10, 29, 12);
  const start = now - 21 * 3_600_000;
  const lines = loadClusters(file);
  const features = (title: string) => headlineFeatures(key.words(title));
  const opts = { windowHours: 72, now, ...(fuzzyOn ? { fuzzy: { threshold, windowHours: 24, features } } : {}) };
  const background = foldItems([], backgroundItems(false, start, lines.map((l) => l.title)), opts).stories;
  const items = lines
    .map((l): Item => ({ sourceId: l.outlet, guid: `${l.event}/${l.line}`, title: l.title, titleKey: key(l.title), link: undefined, html: '', categories: [], author: undefined, published: new Date(start + l.hour * 3_600_000).toISOString() }))
    .sort((a, b) => (a.published! < b.published! ? -1 : a.published! > b.published! ? 1 : 0));
  const r = foldItems(background, items, opts);
  const storyOf = new Map<string, string>();
  let strays = 0;
  for (const s of r.stories) {
    const mine = s.reporters.filter((x) => x.guid.includes('/'));
    if (mine.length && mine.length < s.reporters.length) strays += mine.length;
    for (const x of mine) storyOf.set(x.guid, s.id);
  }
  const guid = (l: ClusterLine) => `${l.event}/${l.line}`;
  let samePairs = 0, joinedPairs = 0, wrongPairs = 0;
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const together = storyOf.get(guid(lines[i]!)) === storyOf.get(guid(lines[j]!));
      if (lines[i]!.event === lines[j]!.event) {
        samePairs++;
        if (together) joinedPairs++;
      } else if (together) wrongPairs++;
    }
  }
  const byEvent = new Map<string, ClusterLine[]>();
  for (const l of lines) byEvent.set(l.event, [...(byEvent.get(l.event) ?? []), l]);
  const split: ClusterScores['split'] = [];
  let events = 0, whole = 0;
  for (const [event, ls] of byEvent) {
    if (ls.length < 2) continue;
    events++;
    const parts = new Map<string, string[]>();
    for (const l of ls) parts.set(storyOf.get(guid(l))!, [...(parts.get(storyOf.get(guid(l))!) ?? []), l.title]);
    if (parts.size === 1) whole++;
    else split.push({ event, parts: [...parts.values()] });
  }
  const eventsOf = new Map<string, Set<string>>();
  for (const l of lines) {
    const s = storyOf.get(guid(l))!;
    eventsOf.set(s, (eventsOf.get(s) ?? new Set()).add(l.event));
  }
  const merged = [...eventsOf].filter(([, es]) => es.size > 1).map(([s]) => lines.filter((l) => storyOf.get(guid(l)) === s).map((l) => `${l.event}: ${l.title}`));
  const precision = joinedPairs + wrongPairs === 0 ? 1 : joinedPairs / (joinedPairs + wrongPairs);
  return { samePairs, joinedPairs, wrongPairs, recall: joinedPairs / samePairs, precision, events, whole, mixed: merged.length, strays, split, merged };
}
