// `npm run bench`: the benchmarks with their floors, measured in one run on this machine,
// written to bench/RESULTS.md. Figures are ratios against a floor of the same run.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchParse } from './parse.js';
import { benchPoll } from './poll.js';

const machine = `node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
console.error(`bench on ${machine}`);
const parse = await benchParse();
console.error('parse done');
const poll = await benchPoll();
console.error('poll done');

const f = (n: number, d = 2) => n.toFixed(d);
const text = `# Benchmark results

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.
Every figure beside its floor, measured in the same run.

## Poll cycle (${poll.feeds} feeds × 50 items, ${f(poll.bytes / 1e6, 1)} MB, 30 % of stories shared across outlets)

| measure | time | floor | ratio | target |
|---|---|---|---|---|
| full cycle: fetch, decode, parse, normalize, fold, classify, store, render | ${f(poll.fullS)} s | ${f(poll.floorS)} s (downloads + rss-parser alone) | **${f(poll.ratio)}×** | ≤ 1.5× — ${poll.ratio <= 1.5 ? 'met' : 'missed'} |
| second cycle, every source answering 304 | ${f(poll.notModifiedS)} s | the full cycle | **${f(poll.notModifiedRatio)}×** | ≤ 0.2× — ${poll.notModifiedRatio <= 0.2 ? 'met' : 'missed'} |

${poll.stories} stories stored; peak RSS ${Math.round(poll.peakRssMB)} MB. The floor leaves out work a
cycle must do on new items: sanitizing every item's HTML (sanitize-html), folding titles
and texts for the dedupe key and topic keywords, and writing the store; a CPU profile of a
200-feed run spreads the time over sanitize-html, the Arabic folding, sax and the garbage
collector, with no single hot spot. Not yet measured: serving against nginx, store growth
at 10k–200k stories (issue 7 stays open for them).

## Parse (the corpus feeds both parsers read)

| parser | MB/s | items/s |
|---|---|---|
| nahr's parse stage (rss-parser + repairs) | ${f(parse.nahrMBs, 1)} | ${Math.round(parse.nahrItemsPerS)} |
| fast-xml-parser (floor) | ${f(parse.floorMBs, 1)} | — |

Ratio: **${f(parse.ratio)}×** the floor on ${f(parse.mb, 1)} MB.
`;
writeFileSync(join(fileURLToPath(new URL('.', import.meta.url)), 'RESULTS.md'), text);
console.log(text);
