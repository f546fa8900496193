// The shared corpus (../shared/corpus): every feed of the Universal Feed Parser's and the
// W3C Feed Validator's test suites, rss-parser's and feed-parser's, through parse and
// normalize. Counts are pinned per folder, so a regression (or a catch-all that rejects
// everything) fails here; `npm run corpus` prints the same table.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCorpus, type FolderCounts } from '../scripts/corpus.js';
import { corpus } from './helpers/paths.js';

type Pinned = Pick<FolderCounts, 'files' | 'parsed' | 'rejected' | 'items' | 'skippedItems'> & { emptyWithItems: number };

const PINNED: Record<string, Pinned> = {
  'arabic/arabic-script-not-arabic-language': { files: 3, parsed: 3, rejected: {}, items: 86, skippedItems: 0, emptyWithItems: 0 },
  'feedparser/encoding': { files: 82, parsed: 82, rejected: {}, items: 12, skippedItems: 2, emptyWithItems: 0 },
  'feedparser/entities': { files: 256, parsed: 256, rejected: {}, items: 3, skippedItems: 0, emptyWithItems: 0 },
  'feedparser/illformed': { files: 19, parsed: 16, rejected: { 'not-a-feed': 1, parse: 2 }, items: 9, skippedItems: 3, emptyWithItems: 0 },
  'feedparser/wellformed': { files: 1749, parsed: 1749, rejected: {}, items: 715, skippedItems: 472, emptyWithItems: 0 },
  'feedvalidator/atom': { files: 794, parsed: 789, rejected: { 'not-a-feed': 2, parse: 3 }, items: 452, skippedItems: 185, emptyWithItems: 0 },
  'feedvalidator/ext': { files: 314, parsed: 293, rejected: { 'not-a-feed': 20, parse: 1 }, items: 260, skippedItems: 0, emptyWithItems: 0 },
  'feedvalidator/rss': { files: 221, parsed: 218, rejected: { 'not-a-feed': 2, parse: 1 }, items: 127, skippedItems: 16, emptyWithItems: 1 },
  'feedvalidator/rss11': { files: 32, parsed: 32, rejected: {}, items: 30, skippedItems: 0, emptyWithItems: 0 },
  'feedvalidator/rss20': { files: 326, parsed: 325, rejected: { parse: 1 }, items: 177, skippedItems: 5, emptyWithItems: 0 },
  'feedvalidator/xml': { files: 5, parsed: 5, rejected: {}, items: 0, skippedItems: 0, emptyWithItems: 0 },
  'others/rowanmanning-feed-parser': { files: 45, parsed: 44, rejected: { parse: 1 }, items: 1116, skippedItems: 1, emptyWithItems: 0 },
  'others/rss-parser': { files: 31, parsed: 30, rejected: { 'not-a-feed': 1 }, items: 1369, skippedItems: 2, emptyWithItems: 0 },
};

const present = existsSync(corpus);
if (!present && process.env.CI === 'true') throw new Error(`the corpus is required under CI: ${corpus}`);

describe.skipIf(!present)('the shared corpus', () => {
  it('reads or cleanly rejects every file, with the pinned counts per folder', { timeout: 120_000 }, async () => {
    const counts = await runCorpus(corpus);
    const crashed = [...counts.values()].flatMap((c) => c.crashed);
    expect(crashed).toEqual([]);
    const got = Object.fromEntries(
      [...counts].map(([folder, c]) => [
        folder,
        { files: c.files, parsed: c.parsed, rejected: c.rejected, items: c.items, skippedItems: c.skippedItems, emptyWithItems: c.emptyWithItems.length },
      ]),
    );
    expect(got).toEqual(PINNED);
  });

  it('rejects no feed its own suite calls valid (feedparser wellformed/, W3C "Expect: !Error")', { timeout: 120_000 }, async () => {
    const counts = await runCorpus(corpus);
    expect([...counts.values()].flatMap((c) => c.validRejected)).toEqual([]);
  });
});
