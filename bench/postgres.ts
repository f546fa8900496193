// PostgreSQL at scale (`npm run bench -- postgres`): a store of 1,000,000 stories (a month
// of a large deployment), beside lowdb at 50,000 (its largest comfortable size, see the
// store growth section). For each: stories ingested per second by poll cycles of 20 feeds
// × 50 new items (30 % of them stories several feeds carry; fake fetch, no network), with
// one poller and, for PostgreSQL, four pollers at once; and the latency of renders that
// miss the cache (a new revision before each), p50 and p99, over the feeds and pages
// readers ask for. Needs the PostgreSQL of the tests (NAHR_BENCH_DATABASE_URL or
// postgres://postgres@127.0.0.1:5432/test); the 1M-story schema is seeded once in SQL and
// kept (nahr_bench_1m) for later runs.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { topicRulesFingerprint } from '../src/classify/topics.js';
import { configSchema, type Config } from '../src/config/schema.js';
import type { FetchFeed } from '../src/fetch/fetch.js';
import { silentLog } from '../src/log.js';
import type { Story } from '../src/model.js';
import { createPublisher, type FeedKey } from '../src/publish/feeds.js';
import type { Format } from '../src/publish/document.js';
import { openLowdbStore } from '../src/store/lowdb-store.js';
import { openPostgresStore } from '../src/store/postgres-store.js';
import { emptyData, type Store } from '../src/store/store.js';
import { pollCycle } from '../src/worker/poll-cycle.js';

const URL_ = process.env.NAHR_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = 'nahr_bench_1m';
const TOPICS = ['daraa', 'homs', 'aleppo', 'economy'];
const SOURCES = Array.from({ length: 20 }, (_, i) => `f${i}`);
/** Stories of the store are dated back from here, 2.6 s apart (1M in 30 days). */
const END = Date.UTC(2026, 10, 29, 12);
const STEP_MS = 2592;

export interface PgRow {
  store: string;
  stories: number;
  pollers: number;
  /** New items stored per second (started a story or joined one). */
  itemsPerS: number;
  /** Stories created per second. */
  storiesPerS: number;
  cycleS: number;
  renderP50ms: number;
  renderP99ms: number;
}
export interface PollerRow {
  pollers: number;
  /** From the first request to every source polled and stored once. */
  seconds: number;
  /** Requests the feed server saw (one per source when none was fetched twice). */
  requests: number;
}
export interface PgBench {
  seedS?: number;
  rows: PgRow[];
  /** `serve --role poller` processes sharing 400 slow feeds. */
  pollers?: { feeds: number; delayMs: number; concurrency: number; rows: PollerRow[] };
}

const config: Config = configSchema.parse({
  retention: { days: 36500 },
  fetch: { concurrency: 16, perHost: 16 },
  sources: SOURCES.map((id) => ({ id, name: `مصدر ${id}`, url: `https://${id}.example/feed` })),
  topics: TOPICS.map((id) => ({ id, title: id, keywords: [id === 'daraa' ? 'درعا' : id === 'homs' ? 'حمص' : id === 'aleppo' ? 'حلب' : 'الليرة'] })),
});

/** Round r: each feed has 50 new items; 15 of them (30 %) are stories 3 feeds carry. */
function fakeFetch(round: () => number): FetchFeed {
  const places = ['درعا', 'حمص', 'حلب', 'اللاذقية', 'دير الزور'];
  return async (req) => {
    const f = Number(/f(\d+)\./.exec(req.url)![1]);
    const r = round();
    const items = Array.from({ length: 50 }, (_, k) => {
      const shared = k < 15;
      const n = shared ? `${r}-${(f - (k % 3) + SOURCES.length) % SOURCES.length}-${Math.floor(k / 3)}` : `${r}-${f}-${k}`;
      const title = shared ? `اجتماع موسع في ${places[Math.floor(k / 3) % 5]} لبحث الملف رقم ${n.replaceAll('-', '')}` : `خبر محلي من ${places[k % 5]} برقم ${n.replaceAll('-', '')}`;
      return `<item><guid>${shared ? 's' : 'o'}-${n}</guid><title>${title}</title><description>&lt;p&gt;${title} والتفاصيل في المتن&lt;/p&gt;</description></item>`;
    }).join('');
    return { kind: 'ok', status: 200, url: req.url, bytes: new TextEncoder().encode(`<rss version="2.0"><channel><title>t</title>${items}</channel></rss>`) };
  };
}

/** n stories like the poll cycle makes them, dated back from END (lowdb's seed). */
function stories(n: number): Story[] {
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(END - i * STEP_MS).toISOString();
    const sources = i % 3 === 0 ? [SOURCES[i % 20]!, SOURCES[(i + 1) % 20]!, SOURCES[(i + 2) % 20]!] : [SOURCES[i % 20]!];
    const title = `افتتاح مشفى جديد في مدينة درعا رقم ${i}`;
    return {
      id: `st${i}`, titleKey: `key${i}`, published: at, updated: at, topics: [TOPICS[i % 4]!],
      reporters: sources.map((sourceId) => ({ sourceId, guid: `${sourceId}-${i}`, title, link: `https://${sourceId}.example/${i}`, html: `<p dir="rtl">افتتح وزير الصحة اليوم مشفى جديداً في مدينة درعا بطاقة ${i} سريراً.</p>`, categories: ['محليات'], author: undefined, seenAt: at })),
    };
  });
}

/** The same stories, made by PostgreSQL itself (a million rows through JSON would take the
 * client most of an hour; generate_series takes a minute or two). */
async function seedPostgres(count: number): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: URL_ });
  await client.connect();
  try {
    const have = await client.query(`SELECT to_regclass('${SCHEMA}.stories') AS t`);
    if (have.rows[0].t) {
      const n = Number((await client.query(`SELECT count(*) AS n FROM ${SCHEMA}.stories WHERE id LIKE 'st%'`)).rows[0].n);
      if (n === count) return undefined;
    }
    await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  } finally {
    await client.end();
  }
  await (await openPostgresStore({ url: URL_, schema: SCHEMA, log: silentLog })).close(); // the tables
  const c = new pg.Client({ connectionString: URL_, options: `-c search_path=${SCHEMA}` });
  await c.connect();
  const t0 = performance.now();
  try {
    await c.query('BEGIN');
    await c.query(`CREATE TEMP TABLE g AS
      SELECT i, to_char(timestamp '2026-11-29 12:00:00' - i * interval '${STEP_MS} milliseconds', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
             CASE WHEN i % 3 = 0 THEN ARRAY['f' || (i % 20), 'f' || ((i + 1) % 20), 'f' || ((i + 2) % 20)] ELSE ARRAY['f' || (i % 20)] END AS srcs,
             (ARRAY['daraa','homs','aleppo','economy'])[i % 4 + 1] AS topic,
             'افتتاح مشفى جديد في مدينة درعا رقم ' || i AS title
      FROM generate_series(0, ${count - 1}) AS i`);
    await c.query(`INSERT INTO stories (id, title_key, published, updated, outlets, search, rev, data)
      SELECT 'st' || i, 'key' || i, at, at, cardinality(srcs), 'افتتاح مشفى جديد في مدينه درعا رقم ' || i, 1,
        json_build_object('id', 'st' || i, 'titleKey', 'key' || i, 'published', at, 'updated', at, 'topics', json_build_array(topic),
          'reporters', (SELECT json_agg(json_build_object('sourceId', s, 'guid', s || '-' || i, 'title', title, 'link', 'https://' || s || '.example/' || i,
             'html', '<p dir="rtl">افتتح وزير الصحة اليوم مشفى جديداً في مدينة درعا بطاقة ' || i || ' سريراً.</p>', 'categories', json_build_array('محليات'), 'seenAt', at)) FROM unnest(srcs) AS s))
      FROM g`);
    await c.query(`INSERT INTO reporters (source_id, guid, story_id, published, seen_at) SELECT s, s || '-' || i, 'st' || i, at, at FROM g, unnest(srcs) AS s`);
    await c.query(`INSERT INTO story_topics (topic, story_id, published) SELECT topic, 'st' || i, at FROM g`);
    await c.query(`UPDATE store_state SET revision = 1, topic_rules = $1`, [topicRulesFingerprint(config)]);
    await c.query('COMMIT');
    await c.query('ANALYZE');
  } finally {
    await c.end();
  }
  return (performance.now() - t0) / 1000;
}

async function ingest(stores: Store[], rounds: number, round: { n: number }): Promise<{ items: number; created: number; seconds: number }> {
  let items = 0;
  let created = 0;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    round.n++;
    const fetch = fakeFetch(() => round.n);
    // All due again: a manual cycle, the pollers sharing the sources between them.
    const all = await Promise.all(stores.map((store) => pollCycle(config, { store, fetch, now: Date.now, log: silentLog }, { onlyDue: true })));
    for (const reports of all) for (const x of reports) {
      items += x.newStories + x.folded;
      created += x.newStories;
    }
    // Due again next round.
    for (const store of stores.slice(0, 1)) await store.update({}, (view) => ({ data: { ...view, sources: Object.fromEntries(Object.entries(view.sources).map(([id, s]) => [id, { ...s, nextDue: undefined }])) }, result: undefined }));
  }
  return { items, created, seconds: (performance.now() - t0) / 1000 };
}

/** Renders that miss the cache: the feeds and pages readers ask for, a new revision before each. */
async function renderLatency(store: Store, samples = 300): Promise<{ p50: number; p99: number }> {
  const publisher = createPublisher(config, store);
  const keys: FeedKey[] = [{ kind: 'all' }, { kind: 'top' }, ...TOPICS.map((id) => ({ kind: 'topic' as const, id })), { kind: 'source', id: 'f3' }];
  const formats: Format[] = ['atom', 'rss', 'json'];
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    if (i % 10 === 0) publisher.setConfig(config); // drops every cached render
    const key = keys[i % keys.length]!;
    const page = i % 7 === 0 ? 1 + (i % 5) : 1;
    const t0 = performance.now();
    const r = await publisher.render(key, formats[i % 3]!, i % 11 === 0 ? { since: new Date(END - 86_400_000).toISOString() } : {}, page);
    times.push(performance.now() - t0);
    if (!r) throw new Error(`no render for ${JSON.stringify(key)} page ${page}`);
    publisher.setConfig(config);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length * 0.5)]!, p99: times[Math.floor(times.length * 0.99)]! };
}

export async function benchPostgres(size = 1_000_000, lowdbSize = 50_000, rounds = 3): Promise<PgBench> {
  const rows: PgRow[] = [];
  const round = { n: Date.now() % 1_000_000 };

  // lowdb at its largest comfortable size.
  const dir = mkdtempSync(join(tmpdir(), 'nahr-pgbench-'));
  const low = await openLowdbStore(dir);
  await low.write({ ...emptyData(), stories: stories(lowdbSize), topicRules: topicRulesFingerprint(config) });
  await ingest([low], 1, round); // warm-up
  const lowIngest = await ingest([low], rounds, round);
  const lowRender = await renderLatency(low);
  await low.close();
  rows.push({ store: 'lowdb', stories: lowdbSize, pollers: 1, itemsPerS: lowIngest.items / lowIngest.seconds, storiesPerS: lowIngest.created / lowIngest.seconds, cycleS: lowIngest.seconds / rounds, renderP50ms: lowRender.p50, renderP99ms: lowRender.p99 });
  console.error(`lowdb ${lowdbSize}: ${JSON.stringify(rows.at(-1))}`);

  const seedS = await seedPostgres(size);
  console.error(seedS === undefined ? `postgres: reusing the seeded ${SCHEMA}` : `postgres: seeded ${size} stories in ${seedS.toFixed(0)} s`);
  // One poller. (Several pollers in one process share one event loop and add nothing; as
  // processes they overlap their fetching, which a fake fetch does not have.)
  for (const pollers of [1]) {
    const stores = await Promise.all(Array.from({ length: pollers }, () => openPostgresStore({ url: URL_, schema: SCHEMA, log: silentLog, poolSize: 4 })));
    await ingest(stores, 1, round); // warm-up (and the processes' caches)
    const r = await ingest(stores, rounds, round);
    const render = await renderLatency(stores[0]!);
    const total = Number((await stores[0]!.stats(new Date().toISOString())).stories);
    for (const s of stores) await s.close();
    rows.push({ store: 'postgres', stories: total, pollers, itemsPerS: r.items / r.seconds, storiesPerS: r.created / r.seconds, cycleS: r.seconds / rounds, renderP50ms: render.p50, renderP99ms: render.p99 });
    console.error(`postgres ×${pollers}: ${JSON.stringify(rows.at(-1))}`);
  }
  return { ...(seedS !== undefined ? { seedS } : {}), rows, pollers: await benchPollers() };
}

/**
 * Several `nahr serve --role poller` processes on one database and 400 local feeds that
 * each take 300 ms to answer (the network, not nahr, is what a real cycle waits on): the
 * time until every source is polled once, and how the sources spread over the pollers.
 */
export async function benchPollers(feeds = 400, delayMs = 300, concurrency = 8): Promise<NonNullable<PgBench['pollers']>> {
  const { createServer } = await import('node:http');
  const { spawn } = await import('node:child_process');
  const { writeFileSync } = await import('node:fs');
  let requests = 0;
  let firstAt = 0;
  const server = createServer((req, res) => {
    if (requests++ === 0) firstAt = performance.now();
    const f = /\/(\d+)\.xml/.exec(req.url ?? '')?.[1] ?? '0';
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<rss version="2.0"><channel><title>f${f}</title>${Array.from({ length: 20 }, (_, k) => `<item><guid>${f}-${k}</guid><title>خبر ${k} من المصدر ${f} عن حلب</title></item>`).join('')}</channel></rss>`), delayMs);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as import('node:net').AddressInfo).port;
  const rows: PollerRow[] = [];
  const cli = join(process.cwd(), 'src', 'cli.ts');
  for (const n of [1, 2, 4]) {
    requests = 0;
    firstAt = 0;
    const schema = `nahr_bench_pollers_${n}`;
    const admin = new pg.Client({ connectionString: URL_ });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    const dir = mkdtempSync(join(tmpdir(), 'nahr-pollers-'));
    const configFile = join(dir, 'feeds.yaml');
    writeFileSync(configFile, `schedule: "0 0 1 1 *"\nfetch: { concurrency: ${concurrency}, perHost: 16 }\nstore: { kind: postgres, url: "${URL_}", schema: ${schema} }\nsources:\n${Array.from({ length: feeds }, (_, f) => `  - { id: f${f}, name: "f${f}", url: "http://127.0.0.1:${port}/${f}.xml" }`).join('\n')}\n`);
    // The schema first, so the pollers start on the same footing.
    await (await openPostgresStore({ url: URL_, schema, log: silentLog })).close();
    const t0 = performance.now();
    const children = Array.from({ length: n }, () => spawn(process.execPath, ['--import', 'tsx', cli, 'serve', '--role', 'poller', '--config', configFile], { env: { ...process.env, LOG_LEVEL: 'error' }, stdio: 'ignore' }));
    let polled = 0;
    while (polled < feeds && performance.now() - t0 < 300_000) {
      await new Promise((r) => setTimeout(r, 100));
      polled = Number((await admin.query(`SELECT count(*) AS n FROM ${schema}.sources WHERE state IS NOT NULL`)).rows[0].n);
    }
    // From the first request (the processes' start-up left out) to the last source stored.
    const seconds = (performance.now() - (firstAt || t0)) / 1000;
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    await admin.end();
    rows.push({ pollers: n, seconds, requests });
    console.error(`pollers ×${n}: all ${feeds} sources polled in ${seconds.toFixed(1)} s, ${requests} requests`);
  }
  await new Promise<void>((r) => server.close(() => r()));
  return { feeds, delayMs, concurrency, rows };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = process.argv.includes('pollers') ? await benchPollers() : await benchPostgres(Number(process.env.BENCH_PG_SIZE ?? 1_000_000));
  console.log(JSON.stringify(result, null, 2));
}
