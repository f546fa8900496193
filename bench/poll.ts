// Poll-cycle benchmark: 1,000 generated Arabic feeds of 50 items on a local server
// (127.0.0.1; each feed its own host name through a stubbed lookup), 30 % of stories
// reported by several outlets with the spelling noise of real feeds. One full cycle
// (fetch, decode, parse, normalize, fold, classify, store, render) against the floor:
// the same downloads alone plus rss-parser alone on the same bytes. Then a second cycle
// where every source answers 304. Part of `npm run bench`.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pLimit from 'p-limit';
import Parser from 'rss-parser';
import { configSchema } from '../src/config/schema.js';
import { createFetcher } from '../src/fetch/fetch.js';
import { silentLog } from '../src/log.js';
import { createPublisher } from '../src/publish/feeds.js';
import { openLowdbStore } from '../src/store/lowdb-store.js';
import { pollCycle } from '../src/worker/poll-cycle.js';

const FEEDS = Number(process.env.BENCH_FEEDS ?? 1000);
const ITEMS = 50;
const places = ['دمشق', 'حلب', 'إدلب', 'درعا', 'حمص', 'حماة', 'اللاذقية', 'طرطوس', 'دير الزور', 'الرقة'];
const verbs = ['افتتاح', 'إعادة تأهيل', 'توقف العمل في', 'زيارة وفد إلى', 'تعزيز الرقابة على'];
const things = ['مشفى', 'مدرسة', 'محطة كهرباء', 'سوق شعبي', 'طريق دولي', 'معبر حدودي'];
const noise = [(t: string) => t, (t: string) => t.replace(/ة/g, 'ه'), (t: string) => `عاجل: ${t}`, (t: string) => t.replace(/ي /g, 'ى '), (t: string) => `${t} - المصدر`];

function headline(n: number): string {
  return `${verbs[n % verbs.length]} ${things[(n >> 3) % things.length]} ${n} في ${places[(n >> 5) % places.length]}`;
}

function feedXml(f: number): string {
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    // 30 %: a story shared with other outlets (same base number), with noise; else own.
    const shared = i % 10 < 3;
    const n = shared ? ((f * 7 + i) % 4000) : 100_000 + f * ITEMS + i;
    const title = shared ? noise[(f + i) % noise.length]!(headline(n)) : headline(n);
    const date = new Date(Date.UTC(2026, 10, 29, 12) - (i * 30 + (f % 30)) * 60_000).toUTCString();
    items.push(`<item><guid>f${f}-i${i}</guid><title>${title}</title><link>https://f${f}.bench/news/${i}</link><pubDate>${date}</pubDate><description>&lt;p dir="rtl"&gt;${title}. ${'تفاصيل الخبر كما نشرها المصدر. '.repeat(6)}&lt;/p&gt;</description><category>محليات</category></item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>مصدر ${f}</title><link>https://f${f}.bench/</link>${items.join('')}</channel></rss>`;
}

export interface PollBench { feeds: number; bytes: number; downloadS: number; parseS: number; floorS: number; fullS: number; ratio: number; notModifiedS: number; notModifiedRatio: number; peakRssMB: number; stories: number }

export async function benchPoll(): Promise<PollBench> {
  const bodies = Array.from({ length: FEEDS }, (_, f) => Buffer.from(feedXml(f)));
  const server = createServer((req, res) => {
    const f = Number(/^f(\d+)\./.exec(req.headers.host ?? '')?.[1] ?? -1);
    const body = bodies[f];
    if (!body) return void res.writeHead(404).end();
    const etag = `"v${f}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const lookup = (_h: string, o: { all?: boolean }, cb: (...a: unknown[]) => void) => (o?.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4));
  const fetch = createFetcher({ lookup: lookup as never });
  const urls = bodies.map((_, f) => `http://f${f}.bench:${port}/feed.xml`);
  const config = configSchema.parse({
    retention: { days: 36500 },
    fetch: { concurrency: 8, perHost: 2 },
    sources: urls.map((url, f) => ({ id: `f${f}`, name: `مصدر ${f}`, url })),
    topics: places.map((p, i) => ({ id: `t${i}`, title: p, keywords: [p] })),
  });

  // Floor: the same downloads, then rss-parser alone on the same bytes.
  const limit = pLimit(8);
  let t0 = performance.now();
  const downloaded = await Promise.all(urls.map((url) => limit(() => fetch({ url, timeoutMs: 20_000, maxBytes: 15 << 20, userAgent: 'bench' }))));
  const downloadS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  for (const d of downloaded) if (d.kind === 'ok') await new Parser().parseString(Buffer.from(d.bytes).toString('utf8'));
  const parseS = (performance.now() - t0) / 1000;
  const floorS = downloadS + parseS;

  const store = await openLowdbStore(mkdtempSync(join(tmpdir(), 'nahr-bench-')));
  const publisher = createPublisher(config, store);
  t0 = performance.now();
  await pollCycle(config, { store, fetch, now: () => Date.UTC(2026, 10, 29, 13), log: silentLog }, { onlyDue: false });
  publisher.render({ kind: 'all' }, 'atom');
  const fullS = (performance.now() - t0) / 1000;
  t0 = performance.now();
  await pollCycle(config, { store, fetch, now: () => Date.UTC(2026, 10, 29, 13, 10), log: silentLog }, { onlyDue: false });
  publisher.render({ kind: 'all' }, 'atom');
  const notModifiedS = (performance.now() - t0) / 1000;
  const stories = store.read().stories.length;
  await store.close();
  server.close();
  return {
    feeds: FEEDS,
    bytes: bodies.reduce((n, b) => n + b.length, 0),
    downloadS, parseS, floorS, fullS, ratio: fullS / floorS, notModifiedS, notModifiedRatio: notModifiedS / fullS,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    stories,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchPoll();
  console.log(JSON.stringify(r, null, 2));
}
