// What only the PostgreSQL store does: migrations, SQL paging that must match the lowdb
// store's code, several pollers on one database, a dead poller's lease, the web and
// poller roles, and moving a lowdb store over. Runs in the "postgres" vitest project.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, type Config } from '../src/config/schema.js';
import { createFetcher, type FetchFeed } from '../src/fetch/fetch.js';
import { silentLog } from '../src/log.js';
import type { Story } from '../src/model.js';
import { memoryStore } from '../src/store/memory.js';
import { migrationFiles, openPostgresStore, StoreSchemaError } from '../src/store/postgres-store.js';
import type { FeedSelector, Store, StoreData } from '../src/store/store.js';
import { emptyData } from '../src/store/store.js';
import { pollCycle } from '../src/worker/poll-cycle.js';
import { runCli } from './helpers/cli.js';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';
import { repoRoot } from './helpers/paths.js';
import { dumpStore, newSchema, openTestStore, storeYaml, TEST_DATABASE_URL, TEST_STORE, withHelpers } from './helpers/stores.js';

const cli = join(repoRoot, 'src', 'cli.ts');
const childEnv = { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'production' };

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const openPg = async (schema: string, poolSize = 3) => withHelpers(await openPostgresStore({ url: TEST_DATABASE_URL, schema, log: silentLog, poolSize }));

describe('the PostgreSQL store', () => {
  it('is what this project runs on', () => {
    expect(TEST_STORE).toBe('postgres');
  });

  it('applies its migrations once, in order, even when four processes start together', async () => {
    const schema = newSchema();
    const stores = await Promise.all([1, 2, 3, 4].map(() => openPg(schema, 1)));
    const applied = await query<{ version: number; name: string }>(`SELECT version, name FROM "${schema}".schema_migrations ORDER BY version`);
    expect(applied).toEqual(migrationFiles().map((m) => ({ version: m.version, name: m.name })));
    expect(applied[0]).toEqual({ version: 1, name: '001_init.sql' });
    await Promise.all(stores.map((s) => s.close()));
    const again = await openPg(schema); // idempotent: nothing to apply, nothing fails
    expect(await again.revision()).toBe(0);
    expect(await query(`SELECT version FROM "${schema}".schema_migrations`)).toHaveLength(applied.length);
  });

  it('refuses a database a newer nahr has migrated, saying so', async () => {
    const schema = newSchema();
    await (await openPg(schema)).close();
    await query(`INSERT INTO "${schema}".schema_migrations (version, name) VALUES (999, '999_future.sql')`);
    const err = await openPostgresStore({ url: TEST_DATABASE_URL, schema, log: silentLog }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreSchemaError);
    expect((err as Error).message).toMatch(/at migration 999, newer than this nahr knows \(1\): upgrade nahr/);
  });

  it('survives its connection dying in the middle of a write: the write fails, the process and the store go on', async () => {
    const schema = newSchema();
    const store = await openPg(schema);
    const blocker = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await blocker.connect();
    // Hold the update lock, so the store's write waits inside its transaction…
    await blocker.query('BEGIN');
    await blocker.query(`SELECT pg_advisory_xact_lock(hashtext('nahr:${schema}:update'))`);
    const write = store.update({}, (view) => ({ data: view, result: 'written' }));
    let pid: number | undefined;
    for (let i = 0; i < 50 && !pid; i++) {
      await new Promise((r) => setTimeout(r, 50));
      pid = (await blocker.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = 'nahr' AND query LIKE '%pg_advisory_xact_lock%' AND pid <> pg_backend_pid()`)).rows[0]?.pid;
    }
    expect(pid).toBeDefined();
    // …and cut its connection, as a server restart or a network reset would.
    await blocker.query('SELECT pg_terminate_backend($1)', [pid]);
    await expect(write).rejects.toThrow();
    await blocker.query('ROLLBACK');
    await blocker.end();
    expect(await store.update({}, (view) => ({ data: view, result: 'again' }))).toBe('again');
    expect(await store.revision()).toBe(1);
  });

  it('stores no source state for a claim it lost: the poller that took the source over has the last word', async () => {
    const schema = newSchema();
    const [a, b] = [await openPg(schema), await openPg(schema)];
    const now = Date.now();
    expect([...(await a.claim(['x'], { now, onlyDue: false, leaseMs: 50 })).keys()]).toEqual(['x']);
    expect((await b.claim(['x'], { now, onlyDue: false, leaseMs: 60_000 })).size).toBe(0); // held by a
    await new Promise((r) => setTimeout(r, 120)); // a stalls past its lease
    expect([...(await b.claim(['x'], { now, onlyDue: false, leaseMs: 60_000 })).keys()]).toEqual(['x']);
    const store = (etag: string) => (v: StoreData) => ({ data: { ...v, sources: { ...v.sources, x: { consecutiveFailures: 0, etag } } }, result: undefined });
    await b.update({}, store('"fresh"'), { release: ['x'] });
    await a.update({}, store('"stale"'), { release: ['x'] });
    expect((await a.head()).sources.x?.etag).toBe('"fresh"');
  });

  it('keeps a story whole through the database: every field, Arabic text and all', async () => {
    const story: Story = {
      id: 'abc', titleKey: 'انفجار درعا', published: '2026-11-29T08:00:00.000Z', updated: '2026-11-29T09:00:00.000Z', topics: ['daraa'],
      reporters: [
        { sourceId: 'sana', guid: 'g\u0000?', title: 'انفجار في درعا \u200f"اقتباس"', link: undefined, html: '<p dir="rtl">نص</p>', categories: ['محليات'], author: undefined, seenAt: '2026-11-29T08:01:00.000Z', enclosures: [{ url: 'https://x.example/a.mp3', type: 'audio/mpeg', length: 3 }] },
        { sourceId: 'alwatan', guid: 'w', title: 'انفجار فى درعا', link: 'https://alwatan.example/1', html: '', categories: [], author: 'كاتب', seenAt: '2026-11-29T09:00:00.000Z', joined: { by: 'similar', score: 0.712, lead: true } },
      ],
    };
    const store = await openTestStore({ ...emptyData(), stories: [story] });
    expect(await store.story('abc')).toEqual(JSON.parse(JSON.stringify(story)));
  });
});

describe('two pollers, one story', () => {
  it('each sees what the other stored since its last cycle (its recent stories are read again by revision)', async () => {
    const schema = newSchema();
    const [a, b] = [await openPg(schema), await openPg(schema)];
    const cfg = configSchema.parse({ sources: ['s1', 's2', 's3', 's4'].map((id) => ({ id, name: `مصدر ${id}`, url: `https://${id}.example/feed` })) });
    const feed = (guid: string, title: string) => `<rss version="2.0"><channel><title>t</title><item><guid>${guid}</guid><title>${title}</title><pubDate>Sun, 29 Nov 2026 08:00:00 GMT</pubDate></item></channel></rss>`;
    const only = (host: string, body: string): FetchFeed => async (req) =>
      req.url.includes(host) ? { kind: 'ok', status: 200, url: req.url, bytes: new TextEncoder().encode(body) } : { kind: 'not-modified', status: 304 };
    const poll = (store: Store, fetch: FetchFeed, at: number) => pollCycle(cfg, { store, fetch, now: () => at, log: silentLog }, { onlyDue: false });
    const T = Date.parse('2026-11-29T12:00:00Z');
    await poll(a, only('s1.', feed('1', 'افتتاح جسر جديد فوق نهر العاصي في حماة')), T); // a reads its recent stories: one
    await poll(b, only('s2.', feed('2', 'افتتاح جسر جديد فوق نهر العاصى فى حماة')), T + 60_000); // b folds into it
    await poll(a, only('s3.', feed('3', 'افتتاح جسر جديد فوق نهر العاصي في حماه')), T + 120_000); // a must see b's reporter
    await poll(b, only('s4.', feed('4', 'افتتاح جسر جديد فوق نهر العاصي في حماة')), T + 180_000);
    const stored = await dumpStore(a);
    expect(stored.stories).toHaveLength(1);
    expect(stored.stories[0]!.reporters.map((r) => r.sourceId)).toEqual(['s1', 's2', 's3', 's4']);
  });
});

describe('feeds paged in SQL', () => {
  // Stories over three days from five sources, some with two or three outlets, with
  // topics, titles from a small vocabulary (so ?q= matches some and not others).
  const places = ['درعا', 'حمص', 'الحسكة', 'اللاذقية'];
  const events = ['افتتاح مشفى جديد في', 'انقطاع الكهرباء عن', 'وصول قافلة مساعدات إلى', 'ارتفاع الأسعار في'];
  const T = Date.parse('2026-11-29T12:00:00Z');
  const stories: Story[] = Array.from({ length: 240 }, (_, i) => {
    const published = new Date(T - ((i * 7919) % (72 * 60)) * 60_000 - (i % 3) * 1000).toISOString();
    const n = 1 + (i % 5 === 0 ? 2 : i % 3 === 0 ? 1 : 0);
    const sources = ['sana', 'alwatan', 'enab', 'thawra', 'halab'].slice(i % 5).concat(['sana', 'alwatan', 'enab', 'thawra', 'halab'].slice(0, i % 5)).slice(0, n);
    const title = `${events[i % 4]} ${places[(i >> 2) % 4]} ${i}`;
    return {
      id: `s${String(i).padStart(3, '0')}${i % 7 === 0 ? 'x' : ''}`, titleKey: title, published: i % 11 === 0 ? new Date(T - 3_600_000).toISOString() : published, updated: published,
      topics: i % 4 === 0 ? ['daraa', 'economy'] : i % 3 === 0 ? ['economy'] : [],
      reporters: sources.map((sourceId) => ({ sourceId, guid: `${sourceId}-${i}`, title, link: undefined, html: `<p>${title}</p>`, categories: [], author: undefined, seenAt: published })),
    };
  });
  let pgStore: Store;
  const lowStore = memoryStore({ kind: 'snapshot', data: { ...emptyData(), stories }, persist: async () => undefined, close: async () => undefined });
  beforeAll(async () => {
    pgStore = await openTestStore({ ...emptyData(), stories });
  });

  const keys: FeedSelector[] = [{ kind: 'all' }, { kind: 'top' }, { kind: 'topic', id: 'daraa' }, { kind: 'topic', id: 'economy' }, { kind: 'topic', id: 'none' }, { kind: 'source', id: 'enab' }];
  const queries = [{}, { since: new Date(T - 24 * 3_600_000).toISOString() }, { sources: ['thawra', 'halab'] }, { q: 'الحسكة' }, { q: 'مشفى جديد' }, { q: 'حسكة' }, { q: 'مساعدات', since: new Date(T - 30 * 3_600_000).toISOString() }];
  it.each(keys.map((k) => [JSON.stringify(k), k] as const))('%s: the same stories, in the same order, page by page, as the lowdb store', async (_name, key) => {
    for (const q of queries) {
      for (const [offset, limit] of [[0, 10], [7, 25], [60, 100], [230, 50]] as const) {
        const a = await lowStore.feedPage(key, q, offset, limit, T);
        const b = await pgStore.feedPage(key, q, offset, limit, T);
        expect(b.stories.map((s) => s.id), `${JSON.stringify(q)} ${offset}+${limit}`).toEqual(a.stories.map((s) => s.id));
        expect(b.more).toBe(a.more);
      }
    }
  });

  it('counts what /status shows as the lowdb store does', async () => {
    const since = new Date(T - 24 * 3_600_000).toISOString();
    expect(await pgStore.stats(since)).toEqual(await lowStore.stats(since));
  });
});

/** 200 feeds of 10 items; 30 % of the items are stories several feeds carry. */
function manyFeeds(server: FixtureServer, count = 200) {
  const at = (n: number) => new Date(Date.parse('2026-11-29T06:00:00Z') + n * 60_000).toUTCString();
  const feeds: string[][] = Array.from({ length: count }, () => []);
  const carriers = new Map<string, number>(); // headline → feeds carrying it
  let shared = 0;
  for (let f = 0; f < count; f++) {
    for (let k = 0; k < 10; k++) {
      const isShared = k < 3; // 3 of 10
      // A shared story n is carried by feeds n, n+1 and n+2 (mod count), at one time.
      const n = isShared ? ((f - k + count) % count) : -1;
      const title = isShared ? `اجتماع اللجنة رقم ${n + 1000} في دمشق` : `خبر محلي رقم ${f * 10 + k + 5000} من المحافظة`;
      const guid = isShared ? `shared-${n}` : `own-${f}-${k}`;
      feeds[f]!.push(`<item><guid>${guid}</guid><title>${title}</title><link>https://f${f}.example/${guid}</link><pubDate>${at(isShared ? n : f * 10 + k)}</pubDate></item>`);
      carriers.set(title, (carriers.get(title) ?? 0) + 1);
      if (isShared) shared++;
    }
  }
  const hits = new Map<string, number>();
  feeds.forEach((items, f) => {
    const body = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>f${f}</title><link>https://f${f}.example/</link>${items.join('')}</channel></rss>`;
    server.route(`/f${f}.xml`, (req, res) => {
      hits.set(req.url!, (hits.get(req.url!) ?? 0) + 1);
      const etag = `"f${f}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body);
    });
  });
  const config = configSchema.parse({
    retention: { days: 36500 },
    fetch: { concurrency: 16, perHost: 16 },
    store: { kind: 'postgres', url: TEST_DATABASE_URL, schema: 'unused' },
    sources: feeds.map((_, f) => ({ id: `f${f}`, name: `مصدر ${f}`, url: server.url(`/f${f}.xml`) })),
  });
  return { config, carriers, hits, sharedShare: shared / (count * 10) };
}

describe('four pollers on one database', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(() => server.close());

  it('fold every story exactly once and never fetch a source twice in a cycle', async () => {
    const { config, carriers, hits, sharedShare } = manyFeeds(server);
    expect(sharedShare).toBeCloseTo(0.3);
    const schema = newSchema();
    const pollers = await Promise.all([1, 2, 3, 4].map(() => openPg(schema, 3)));
    const fetch: FetchFeed = createFetcher();
    const T0 = Date.parse('2026-11-29T12:00:00Z');
    const cycle = (now: number) =>
      Promise.all(pollers.map((store) => pollCycle(config, { store, fetch, now: () => now, log: silentLog }, { onlyDue: true })));

    const first = await cycle(T0);
    const polledBy = first.map((reports) => reports.map((r) => r.sourceId));
    expect(polledBy.flat().sort()).toEqual(config.sources.map((s) => s.id).sort()); // each source by one poller
    expect(polledBy.filter((ids) => ids.length > 0).length).toBeGreaterThanOrEqual(2); // the work was shared
    expect([...hits.values()].every((n) => n === 1)).toBe(true);
    expect(hits.size).toBe(200);

    const stored = await dumpStore(pollers[0]!);
    // One story per distinct headline; a shared one carries every feed that had it.
    expect(stored.stories).toHaveLength(carriers.size);
    const byTitle = new Map<string, Story[]>();
    for (const s of stored.stories) byTitle.set(s.reporters[0]!.title, [...(byTitle.get(s.reporters[0]!.title) ?? []), s]);
    for (const [title, n] of carriers) {
      expect(byTitle.get(title), title).toHaveLength(1);
      expect(byTitle.get(title)![0]!.reporters, title).toHaveLength(n);
    }
    const totals = first.flat().reduce((t, r) => ({ fresh: t.fresh + r.newStories, folded: t.folded + r.folded }), { fresh: 0, folded: 0 });
    expect(totals).toEqual({ fresh: carriers.size, folded: 2000 - carriers.size });

    // The next cycle (an hour on, all due): once each again, all 304, nothing new.
    hits.clear();
    const second = await cycle(T0 + 3_600_000);
    expect(second.flat().map((r) => r.sourceId).sort()).toEqual(config.sources.map((s) => s.id).sort());
    expect(second.flat().every((r) => r.outcome === 'not-modified')).toBe(true);
    expect([...hits.values()].every((n) => n === 1) && hits.size === 200).toBe(true);
    expect((await dumpStore(pollers[1]!)).stories).toHaveLength(carriers.size);
  }, 120_000);

  it('a poller killed mid-cycle: its sources wait out its lease, then another polls them', async () => {
    const LEASE_S = 2;
    let hang = true;
    const held: Array<() => void> = [];
    for (let f = 0; f < 16; f++) {
      server.route(`/k${f}.xml`, (_req, res) => {
        const answer = () => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<rss version="2.0"><channel><title>k</title><item><guid>k${f}</guid><title>خبر المصدر رقم ${f + 100}</title></item></channel></rss>`);
        if (hang) held.push(answer);
        else answer();
      });
    }
    const dir = mkdtempSync(join(tmpdir(), 'nahr-lease-'));
    const schema = newSchema();
    const configFile = join(dir, 'feeds.yaml');
    writeFileSync(
      configFile,
      `fetch: { concurrency: 16, perHost: 16, timeoutSeconds: 60 }\n${storeYaml(schema)}  leaseSeconds: ${LEASE_S}\nsources:\n${Array.from({ length: 16 }, (_, f) => `  - { id: k${f}, name: "k${f}", url: "${server.url(`/k${f}.xml`)}" }`).join('\n')}\n`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'poll', '--config', configFile, '--data', join(dir, 'data')], { cwd: repoRoot, env: childEnv });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    for (let i = 0; i < 200 && held.length < 16; i++) await new Promise((r) => setTimeout(r, 100));
    expect(held.length).toBe(16); // the child claimed every source and is fetching them all
    child.kill('SIGKILL');
    await exited;
    const killedAt = Date.now();
    hang = false;

    const config: Config = configSchema.parse({ fetch: { concurrency: 16, perHost: 16 }, store: { kind: 'postgres', url: TEST_DATABASE_URL, schema, leaseSeconds: LEASE_S }, sources: Array.from({ length: 16 }, (_, f) => ({ id: `k${f}`, name: `k${f}`, url: server.url(`/k${f}.xml`) })) });
    const store = await openPg(schema);
    const polls: number[] = [];
    let reports: Awaited<ReturnType<typeof pollCycle>> = [];
    while (Date.now() - killedAt < LEASE_S * 1000 + 5000) {
      reports = await pollCycle(config, { store, fetch: createFetcher(), now: Date.now, log: silentLog }, { onlyDue: true });
      polls.push(Date.now() - killedAt);
      if (reports.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(polls[0]).toBeLessThan(LEASE_S * 1000); // tried at once: the sources were still leased
    expect(polls.length).toBeGreaterThan(1);
    expect(reports.map((r) => r.outcome)).toEqual(Array(16).fill("ok")); // then taken over, all of them
    expect(polls.at(-1)!).toBeLessThan(LEASE_S * 1000 + 2000); // within the lease (+ one retry step)
    expect((await dumpStore(store)).stories).toHaveLength(16);
  }, 60_000);
});

describe('serve --role poller and --role web', () => {
  let server: FixtureServer;
  const children: Array<ReturnType<typeof spawn>> = [];
  afterAll(async () => {
    for (const c of children) c.kill('SIGTERM');
    await server?.close();
  });

  function start(args: string[], ready: RegExp): Promise<{ out: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', '--port', '0', '--host', '127.0.0.1', ...args], { cwd: repoRoot, env: childEnv });
    children.push(child);
    let stderr = '';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not start:\n${stderr}`)), 20_000);
      child.stderr!.on('data', (d) => {
        stderr += d;
        if (ready.test(stderr)) {
          clearTimeout(timer);
          resolve({ out: stderr });
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`exited ${code}:\n${stderr}`));
      });
    });
  }

  it('pollers fill the database; two stateless web front ends serve the same bytes and ETags', async () => {
    server = await startFixtureServer({
      '/sana.xml': (_q, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(readFileSync(join(repoRoot, 'test', 'fixtures', 'feeds', 'sana-rss2.xml'))),
    });
    const dir = mkdtempSync(join(tmpdir(), 'nahr-roles-'));
    const configFile = join(dir, 'feeds.yaml');
    writeFileSync(configFile, `publicUrl: "http://nahr.test"\nretention: { days: 36500 }\n${storeYaml()}sources:\n  - { id: sana, name: "سانا", url: "${server.url('/sana.xml')}" }\n`);
    const webs = await Promise.all([1, 2].map(() => start(['--role', 'web', '--config', configFile, '--data', join(dir, 'data')], /serving on (http:\/\/\S+)/)));
    const urls = webs.map((w) => /serving on (http:\/\/\S+)/.exec(w.out)![1]!);
    expect(webs[0]!.out).toContain('rendering from the shared store');
    const empty = await fetch(`${urls[0]}/feeds/all.atom`);
    expect(empty.status).toBe(200);
    expect(await empty.text()).not.toContain('<entry');
    await start(['--role', 'poller', '--config', configFile, '--data', join(dir, 'data')], /polling into the shared store/);
    let body = '';
    for (let i = 0; i < 100 && !body.includes('<entry'); i++) {
      await new Promise((r) => setTimeout(r, 200));
      body = await (await fetch(`${urls[0]}/feeds/all.atom`)).text();
    }
    expect(body.match(/<entry/g)).toHaveLength(6);
    const [a, b] = await Promise.all(urls.map((u) => fetch(`${u}/feeds/all.atom`)));
    expect(a!.headers.get('etag')).toBe(b!.headers.get('etag'));
    expect(await b!.text()).toBe(body);
    const cached = await fetch(`${urls[1]}/feeds/all.atom`, { headers: { 'if-none-match': a!.headers.get('etag')! } });
    expect(cached.status).toBe(304);
    const status = (await (await fetch(`${urls[1]}/status.json`)).json()) as { sources: Array<{ id: string; state: string; storiesStored: number }> };
    expect(status.sources).toEqual([expect.objectContaining({ id: 'sana', state: 'ok', storiesStored: 6 })]);
  }, 60_000);

  it('refuses --role poller or web on the lowdb store, which is one process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nahr-roles-'));
    writeFileSync(join(dir, 'feeds.yaml'), 'sources: []\n');
    const r = await runCli(['serve', '--role', 'web', '--port', '0', '--config', join(dir, 'feeds.yaml'), '--data', join(dir, 'data')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--role web shares the store with other processes: it needs store.kind: postgres');
    const bad = await runCli(['serve', '--role', 'both', '--config', join(dir, 'feeds.yaml')]);
    expect(bad.status).toBe(2);
  });
});

describe('nahr migrate-store', () => {
  it('moves a lowdb store into PostgreSQL, checked by counts; the feeds come out the same', async () => {
    const server = await startFixtureServer({
      '/sana.xml': (_q, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(readFileSync(join(repoRoot, 'test', 'fixtures', 'feeds', 'sana-rss2.xml'))),
      '/alwatan.atom': (_q, res) => res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(readFileSync(join(repoRoot, 'test', 'fixtures', 'feeds', 'alwatan-atom.xml'))),
    });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'nahr-migrate-'));
      const base = `publicUrl: "http://nahr.test"\nretention: { days: 36500 }\nsources:\n  - { id: sana, name: "سانا", url: "${server.url('/sana.xml')}" }\n  - { id: alwatan, name: "الوطن", url: "${server.url('/alwatan.atom')}" }\ntopics:\n  - { id: daraa, title: "درعا", keywords: ["درعا"] }\n`;
      const lowdb = join(dir, 'lowdb.yaml');
      const postgres = join(dir, 'postgres.yaml');
      writeFileSync(lowdb, base);
      writeFileSync(postgres, base + storeYaml());
      const data = join(dir, 'data');
      expect((await runCli(['poll', '--config', lowdb, '--data', data])).status).toBe(0);
      const moved = await runCli(['migrate-store', '--from', 'lowdb', '--to', 'postgres', '--config', postgres, '--data', data]);
      expect(moved.status, moved.stderr).toBe(0);
      expect(moved.stdout).toMatch(/stories\s+(\d+)\s+\1\n/);
      expect(moved.stdout).not.toContain('MISMATCH');
      expect(moved.stdout).toMatch(/moved \d+ stories; set store.kind: postgres/);
      // The same site from either store, byte for byte.
      for (const [config, out] of [[lowdb, join(dir, 'site-lowdb')], [postgres, join(dir, 'site-pg')]] as const) {
        expect((await runCli(['build', '--out', out, '--config', config, '--data', data])).status).toBe(0);
      }
      for (const f of ['feeds/all.atom', 'feeds/topics/daraa.rss', 'feeds/sources/alwatan.json', 'index.html']) {
        expect(readFileSync(join(dir, 'site-pg', f), 'utf8'), f).toBe(readFileSync(join(dir, 'site-lowdb', f), 'utf8'));
      }
      const again = await runCli(['migrate-store', '--from', 'lowdb', '--to', 'postgres', '--config', postgres, '--data', data]);
      expect(again.status).toBe(1);
      expect(again.stderr).toMatch(/the postgres store is not empty \(\d+ stories, 2 sources\): nothing was moved/);
      const usage = await runCli(['migrate-store', '--from', 'lowdb', '--config', postgres]);
      expect(usage.status).toBe(2);
    } finally {
      await server.close();
    }
  }, 60_000);
});
