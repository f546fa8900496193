// Parse throughput: rss-parser (through nahr's parse stage, which is what a cycle runs)
// on the corpus's readable feeds, against the floor of fast-xml-parser reading the same
// decoded text. Prints MB/s, items/s and the ratio. Part of `npm run bench`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { decodeFeed } from '../src/fetch/charset.js';
import { parseFeed } from '../src/parse/parse.js';
import { defaultCorpus } from '../scripts/corpus.js';

export async function benchParse(): Promise<{ mb: number; items: number; nahrMBs: number; floorMBs: number; nahrItemsPerS: number; ratio: number }> {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(xml|rss|atom|rdf)$/.test(e)) files.push(p);
    }
  };
  walk(defaultCorpus);
  // The feeds both read, decoded once: both parsers get the same text.
  const floor = new XMLParser({ ignoreAttributes: false, processEntities: false });
  const texts: string[] = [];
  for (const f of files) {
    const { text } = decodeFeed(readFileSync(f));
    let floorReads = true;
    try {
      floor.parse(text);
    } catch {
      floorReads = false;
    }
    if (floorReads && (await parseFeed(text).then(() => true, () => false))) texts.push(text);
  }
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const time = async (fn: () => Promise<number>) => {
    await fn(); // warm-up
    const t0 = process.hrtime.bigint();
    const n = await fn();
    return { s: Number(process.hrtime.bigint() - t0) / 1e9, n };
  };
  const nahr = await time(async () => {
    let items = 0;
    for (const t of texts) items += (await parseFeed(t)).items.length;
    return items;
  });
  const fxp = await time(async () => {
    for (const t of texts) floor.parse(t);
    return 0;
  });
  const mb = bytes / 1e6;
  return { mb, items: nahr.n, nahrMBs: mb / nahr.s, floorMBs: mb / fxp.s, nahrItemsPerS: nahr.n / nahr.s, ratio: nahr.s / fxp.s };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchParse();
  console.log(`${r.mb.toFixed(1)} MB, ${r.items} items: nahr parse ${r.nahrMBs.toFixed(1)} MB/s (${Math.round(r.nahrItemsPerS)} items/s), fast-xml-parser ${r.floorMBs.toFixed(1)} MB/s, ratio ${r.ratio.toFixed(2)}× the floor`);
}
