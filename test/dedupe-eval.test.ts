// Pins the near-duplicate stage's figures on test/eval/headlines.tsv and the second
// held-out set headlines-fresh.tsv so a regression fails CI. The bars are floors measured
// when the stage was tuned (on the tune split only). `npm run bench:dedupe` prints the full
// figures.
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/config/schema.js';
import { foldItems } from '../src/dedupe/fold.js';
import { headlineFeatures } from '../src/dedupe/similar.js';
import { createTitleKeyFolder } from '../src/normalize/title-key.js';
import { boilerplateFolds, crossPairFolds, foldClusters, foldInWindow, loadClusters, foldLeadPairs, judge, loadLeadPairs, loadPairs, scores, syntheticItems } from './helpers/eval.js';

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
    // Measured 0.243 → 0.750 (tune) and 0.257 → 0.600 (holdout); the 0.90 is not met.
    expect(exact.recall).toBeGreaterThanOrEqual(0.24);
    expect(fuzzy.recall).toBeGreaterThanOrEqual(split === 'tune' ? 0.74 : 0.59);
    expect(fuzzy.recall - exact.recall).toBeGreaterThanOrEqual(0.3);
  });
});

describe('folding on the second held-out set (headlines-fresh.tsv, never tuned on)', () => {
  const fresh = loadPairs('headlines-fresh.tsv');
  const verdicts = judge(fresh, threshold);

  it('holds 160 pairs of both labels, all of the split "fresh"', () => {
    expect(fresh).toHaveLength(160);
    expect(fresh.every((p) => p.split === 'fresh')).toBe(true);
    expect(fresh.filter((p) => p.same)).toHaveLength(80);
  });

  it('never merges two different stories, and finds more than the exact key', () => {
    // Measured: exact 0.287, exact + near-duplicate 0.350 at precision 1.000. Its writer
    // re-worded more freely than the first set's: most missed pairs share two or three words.
    const exact = scores(verdicts, 'exact');
    const fuzzy = scores(verdicts, 'fuzzy');
    expect(fuzzy.precision).toBeGreaterThanOrEqual(0.99);
    expect(fuzzy.recall).toBeGreaterThanOrEqual(0.34);
    expect(fuzzy.recall).toBeGreaterThan(exact.recall);
  });
});

describe('the same pairs through the fold stage, inside a window of 4,000 other stories', () => {
  it('joins no different story and finds at least half of the same ones', () => {
    const key = createTitleKeyFolder([]);
    const features = (t: string) => headlineFeatures(key.words(t));
    const background = foldItems([], syntheticItems(4000), { windowHours: 72, now: Date.UTC(2026, 10, 29, 12), fuzzy: { threshold, windowHours: 24, features } }).stories;
    const w = foldInWindow(pairs, background, threshold, features);
    // Measured with 4,000 stories: 145 of 210 joined, 0 wrongly. 5 second headlines join
    // another pair's story (DEBUG_STRAY=1 lists them): four on the same event as their own
    // pair (the car bomb in Manbij, families brought back from al-Hol, the middle-school
    // results, Jordan and Syria on border security), one not ("سيريتل ترفع أسعار باقات
    // الإنترنت" → "زيادة أسعار باقات الإنترنت ADSL بنسبة 50 بالمئة": a mobile and a
    // landline package, each named on one side only).
    expect(w.wronglyJoined).toBe(0);
    expect(w.strayJoins).toBeLessThanOrEqual(5);
    expect(w.joined / w.same).toBeGreaterThanOrEqual(0.5);
  });
});

describe('items with the first sentence of their summary (lead-pairs.tsv), through the fold stage', () => {
  const leadPairs = loadLeadPairs();

  it.each(['tune', 'holdout'] as const)('the %s split: the first sentences find re-worded stories and keep apart what the headlines merge', (split) => {
    const pairs = leadPairs.filter((p) => p.split === split);
    const titles = foldLeadPairs(pairs, threshold, false);
    const leads = foldLeadPairs(pairs, threshold, true);
    // Measured: titles alone 0.120 → with first sentences 0.600 (tune), 0.050 → 0.500
    // (holdout), none joining another story. The headlines alone wrongly join 2 and 4
    // pairs, identical or near-identical headlines of two events (a daily convoy, a fuel
    // price bulletin); the sentences name two days and keep all of them apart. (0.720 /
    // 0.650 before the headlines' things had to be said by the other item, a guard two
    // reviews asked for; the rule before, a headline within 0.15 of the threshold lifted
    // by the mean of the sentences' scores: 0.200 / 0.050, with the headlines' wrong joins.)
    expect(leads.recall).toBeGreaterThanOrEqual(split === 'tune' ? 0.6 : 0.5);
    expect(leads.fp).toBe(0);
    expect(titles.fp).toBeGreaterThan(0);
    expect(leads.strays).toBeLessThanOrEqual(titles.strays);
  });

  it('the second held-out set (lead-pairs-fresh.tsv): recall and no wrong join', () => {
    const fresh = loadLeadPairs('lead-pairs-fresh.tsv');
    expect(fresh).toHaveLength(60);
    const titles = foldLeadPairs(fresh, threshold, false);
    const leads = foldLeadPairs(fresh, threshold, true);
    // Scored once as written (0.121 recall, 5 wrong joins by headline); after general
    // changes (see README) 0.212 with none (0.394 before the guard on the headlines'
    // things): the headlines alone find 0 of 33 and wrongly join 6.
    expect(leads.recall).toBeGreaterThanOrEqual(0.2);
    expect(leads.fp).toBe(0);
    expect(titles.fp).toBeGreaterThan(leads.fp);
  });

  it('summaries that only frame and restate their titles fold nothing more than the titles do', () => {
    // Every labeled headline from 40 outlets, with a dateline, the title again and a closing
    // phrase shared across outlets: 228 folds either way (575 when every word counts as
    // uncommon, i.e. without the window's measure of boilerplate).
    const b = boilerplateFolds(threshold);
    expect(b.without).toBeGreaterThan(100);
    expect(b.with).toBeLessThanOrEqual(b.without);
  });
});

describe('headlines of different labeled pairs', () => {
  it('fold together rarely (a count to watch: most such folds would be wrong merges)', () => {
    // Measured 137 of ~670,000 pairs (122 before the thesaurus and the action/thing reading);
    // many are one event written up for two pairs (the Aleppo airport reopening, the lira
    // falling), some are not (a central bank setting the dollar rate / the lira rising).
    expect(crossPairFolds(threshold).length).toBeLessThanOrEqual(140);
  });
});

describe('several outlets\' headlines of one event (clusters.tsv, clusters-fresh.tsv), in one fold', () => {
  it('hold events of three or more headlines and decoys, each outlet once per event', () => {
    for (const file of ['clusters.tsv', 'clusters-fresh.tsv'] as const) {
      const lines = loadClusters(file);
      const events = new Map<string, string[]>();
      for (const l of lines) events.set(l.event, [...(events.get(l.event) ?? []), l.outlet]);
      expect([...events.keys()].filter((e) => e.startsWith('e')).length).toBeGreaterThanOrEqual(40);
      expect([...events.keys()].filter((e) => e.startsWith('d')).length).toBeGreaterThanOrEqual(30);
      for (const [e, outlets] of events) {
        expect(new Set(outlets).size, e).toBe(outlets.length);
        if (e.startsWith('e')) expect(outlets.length, e).toBeGreaterThanOrEqual(3);
      }
    }
  });

  // Measured 143 of 556 pairs joined with one wrong pair (two matches of one league round,
  // same score, teams no list knows) and 108 of 465 with none; 119 / 89 before every
  // reporter's headline was matched and numbers were read as bounds, years and compounds.
  it('the first set: joins more than the exact key, and merges at most one pair of events', () => {
    const exact = foldClusters(threshold, false);
    const c = foldClusters(threshold, true);
    expect(c.joinedPairs).toBeGreaterThanOrEqual(138);
    expect(c.joinedPairs).toBeGreaterThan(exact.joinedPairs);
    expect(c.wrongPairs).toBeLessThanOrEqual(1);
    expect(c.strays).toBe(0);
  });

  it('the second set (never tuned on): joins more than the exact key, and merges no events', () => {
    const exact = foldClusters(threshold, false, 'clusters-fresh.tsv');
    const c = foldClusters(threshold, true, 'clusters-fresh.tsv');
    expect(c.joinedPairs).toBeGreaterThanOrEqual(104);
    expect(c.joinedPairs).toBeGreaterThan(exact.joinedPairs);
    expect(c.wrongPairs).toBe(0);
    expect(c.strays).toBe(0);
  });
});
