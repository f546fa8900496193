// Pins the near-duplicate stage's figures on test/eval/headlines.tsv so a regression fails
// CI. The bars are floors measured when the stage was tuned (on the tune split only; the
// held-out third was scored once, after). `npm run bench:dedupe` prints the full figures.
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/config/schema.js';
import { foldItems } from '../src/dedupe/fold.js';
import { headlineFeatures } from '../src/dedupe/similar.js';
import { createTitleKeyFolder } from '../src/normalize/title-key.js';
import { foldInWindow, judge, loadPairs, scores, syntheticItems } from './helpers/eval.js';

const threshold = configSchema.parse({ sources: [] }).dedupe.fuzzy.threshold;
const pairs = loadPairs();

describe('the labeled headline pairs', () => {
  it('hold at least 300 pairs, both labels, a third held out', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(300);
    const holdout = pairs.filter((p) => p.split === 'holdout').length;
    expect(holdout / pairs.length).toBeCloseTo(1 / 3, 1);
    expect(pairs.filter((p) => p.same).length).toBeGreaterThan(100);
    expect(pairs.filter((p) => !p.same).length).toBeGreaterThan(100);
  });
});

describe.each(['tune', 'holdout'] as const)('folding on the %s split', (split) => {
  const verdicts = judge(pairs.filter((p) => p.split === split), threshold);
  const exact = scores(verdicts, 'exact');
  const fuzzy = scores(verdicts, 'fuzzy');

  it('never merges two different stories (precision ≥ 0.99)', () => {
    expect(exact.precision).toBeGreaterThanOrEqual(0.99);
    expect(fuzzy.precision).toBeGreaterThanOrEqual(0.99);
  });

  it('finds clearly more of the same stories than the exact key alone (recall floor)', () => {
    // Measured 0.243 → 0.571 (tune) and 0.257 → 0.471 (holdout); the 0.90 is not met.
    expect(exact.recall).toBeGreaterThanOrEqual(0.24);
    expect(fuzzy.recall).toBeGreaterThanOrEqual(split === 'tune' ? 0.62 : 0.49);
    expect(fuzzy.recall - exact.recall).toBeGreaterThanOrEqual(0.2);
  });
});

describe('the same pairs through the fold stage, inside a window of 4,000 other stories', () => {
  it('joins no different story and finds at least half of the same ones', () => {
    const key = createTitleKeyFolder([]);
    const features = (t: string) => headlineFeatures(key.words(t));
    const background = foldItems([], syntheticItems(4000), { windowHours: 72, now: Date.UTC(2026, 10, 29, 12), fuzzy: { threshold, windowHours: 24, features } }).stories;
    const w = foldInWindow(pairs, background, threshold, features);
    // Measured with 20,000 stories (npm run bench:dedupe): 122 of 210 joined, 0 wrongly.
    // 4 second headlines join another pair's story, all on the same event (DEBUG_STRAY=1
    // lists them): the curfew extended in Suwayda, sugar on the smart card, the middle
    // school results, and the Jordanian foreign minister's visit to Damascus ("الشيباني
    // يلتقي نظيره الأردني في دمشق" → "الصفدي يزور دمشق ويلتقي الرئيس الشرع").
    expect(w.wronglyJoined).toBe(0);
    expect(w.strayJoins).toBeLessThanOrEqual(4);
    expect(w.joined / w.same).toBeGreaterThanOrEqual(0.5);
  });
});
