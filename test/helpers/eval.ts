// The labeled headline pairs of test/eval/headlines.tsv and how the dedupe stage scores on
// them: shared by test/dedupe-eval.test.ts (which pins the figures) and bench/dedupe.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare, headlineFeatures } from '../../src/dedupe/similar.js';
import { createTitleKeyFolder } from '../../src/normalize/title-key.js';
import { repoRoot } from './paths.js';

export interface Pair { split: 'tune' | 'holdout'; same: boolean; category: string; a: string; b: string; note: string; line: number }

export function loadPairs(): Pair[] {
  const text = readFileSync(join(repoRoot, 'test', 'eval', 'headlines.tsv'), 'utf8');
  return text.split('\n').flatMap((line, i) => {
    if (!line.trim() || line.startsWith('#')) return [];
    const [split, label, category, a, b, note] = line.split('\t');
    if ((split !== 'tune' && split !== 'holdout') || (label !== 'same' && label !== 'diff') || !a || !b) throw new Error(`headlines.tsv line ${i + 1}: malformed`);
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
