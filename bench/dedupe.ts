// `npm run bench:dedupe`: how well folding tells the same story from a different one on
// the labeled pairs of test/eval/headlines.tsv (exact key alone, then exact + near-duplicate
// at the default threshold; tuned on the tune split, the held-out third reported apart),
// and how fast: pairs compared per second, and a 20,000-story window folded.
import { configSchema } from '../src/config/schema.js';
import { foldItems } from '../src/dedupe/fold.js';
import { compare, headlineFeatures } from '../src/dedupe/similar.js';
import type { Item } from '../src/model.js';
import { createTitleKeyFolder } from '../src/normalize/title-key.js';
import { judge, loadPairs, scores, type Scores } from '../test/helpers/eval.js';

export interface DedupeBench {
  threshold: number;
  rows: Array<{ split: string; mode: string; s: Scores }>;
  wrong: Array<{ split: string; kind: 'merged' | 'missed'; score: number; veto?: string; a: string; b: string; category: string }>;
  pairsPerS: number;
  stories: number;
  foldS: number;
  storiesPerS: number;
  folded: number;
}

// Synthetic window: 20,000 stories from 40 outlets, a third of them re-worded reports of a
// story another outlet carried (word order, synonyms, labels), the rest distinct.
const places = ['دمشق', 'حلب', 'حمص', 'حماة', 'اللاذقية', 'طرطوس', 'إدلب', 'درعا', 'السويداء', 'الرقة', 'دير الزور', 'الحسكة'];
const subjects = ['وزارة الكهرباء', 'وزارة الصحة', 'محافظة المدينة', 'وزارة التربية', 'المؤسسة السورية للتجارة', 'وزارة النقل', 'مديرية المياه', 'وزارة الزراعة'];
const verbs = [['تعلن', 'تكشف'], ['تبحث', 'تناقش'], ['تؤكد', 'تشدد على']];
const objects = ['خطة جديدة', 'برنامج تقنين', 'حملة لقاح', 'مشروع صيانة', 'توزيع مواد', 'إعادة تأهيل', 'رقابة الأسواق', 'تعرفة جديدة'];

function syntheticItems(n: number): Item[] {
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

export function benchDedupe(): DedupeBench {
  const threshold = configSchema.parse({ sources: [] }).dedupe.fuzzy.threshold;
  const pairs = loadPairs();
  const rows: DedupeBench['rows'] = [];
  const wrong: DedupeBench['wrong'] = [];
  for (const split of ['tune', 'holdout', 'all'] as const) {
    const v = judge(split === 'all' ? pairs : pairs.filter((p) => p.split === split), threshold);
    rows.push({ split, mode: 'exact', s: scores(v, 'exact') });
    rows.push({ split, mode: 'exact + near-duplicate', s: scores(v, 'fuzzy') });
    if (split !== 'all') {
      for (const x of v) {
        if (x.fuzzy !== x.pair.same) wrong.push({ split, kind: x.fuzzy ? 'merged' : 'missed', score: x.score, ...(x.veto ? { veto: x.veto } : {}), a: x.pair.a, b: x.pair.b, category: x.pair.category });
      }
    }
  }
  // Pairs per second: features of both headlines and the comparison, as a cold pair costs.
  const key = createTitleKeyFolder([]);
  let t0 = performance.now();
  let compared = 0;
  while (performance.now() - t0 < 1000) {
    for (const p of pairs) compare(headlineFeatures(key.words(p.a)), headlineFeatures(key.words(p.b)));
    compared += pairs.length;
  }
  const pairsPerS = compared / ((performance.now() - t0) / 1000);
  // A 20,000-story window folded from scratch (features, candidate index, comparisons).
  const items = syntheticItems(20_000);
  const cache = new Map<string, ReturnType<typeof headlineFeatures>>();
  const features = (title: string) => {
    let f = cache.get(title);
    if (!f) cache.set(title, (f = headlineFeatures(key.words(title))));
    return f;
  };
  t0 = performance.now();
  const r = foldItems([], items, { windowHours: 72, now: Date.UTC(2026, 10, 29, 12), fuzzy: { threshold, features } });
  const foldS = (performance.now() - t0) / 1000;
  return { threshold, rows, wrong, pairsPerS, stories: items.length, foldS, storiesPerS: items.length / foldS, folded: r.outcomes.filter((o) => o === 'folded').length };
}

export function dedupeReport(b: DedupeBench): string {
  const f = (n: number) => n.toFixed(3);
  const table = b.rows.map((r) => `| ${r.split} | ${r.mode} | ${r.s.pairs} | ${f(r.s.precision)} | ${f(r.s.recall)} | ${f(r.s.f1)} | ${r.s.fp} | ${r.s.fn} |`).join('\n');
  const wrong = b.wrong
    .sort((x, y) => (x.kind === y.kind ? y.score - x.score : x.kind === 'merged' ? -1 : 1))
    .map((w) => `| ${w.split} | ${w.kind} | ${w.category} | ${w.score.toFixed(2)} | ${w.veto ?? ''} | ${w.a} | ${w.b} |`)
    .join('\n');
  return `## Near-duplicate folding (threshold ${b.threshold})

| split | folding | pairs | precision | recall | F1 | wrongly merged | missed |
|---|---|---|---|---|---|---|---|
${table}

Throughput: ${Math.round(b.pairsPerS).toLocaleString('en')} pairs/s (both headlines' features and the comparison);
a ${b.stories.toLocaleString('en')}-story window folded in **${b.foldS.toFixed(2)} s** (${Math.round(b.storiesPerS).toLocaleString('en')} stories/s, ${b.folded.toLocaleString('en')} folded).

Pairs the stage gets wrong (merged = folded but different stories; missed = same story kept apart):

| split | wrong | category | score | vetoed by | headline a | headline b |
|---|---|---|---|---|---|---|
${wrong}
`;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench/dedupe.ts')) {
  console.log(dedupeReport(benchDedupe()));
}
