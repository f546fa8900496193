// Fetching as a good citizen: per-host and global limits, jitter, the 12 h unconditional
// fetch, per-source options on the wire. Real fetcher, local server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../src/config/schema.js';
import { createFetcher, type FetchRequest } from '../src/fetch/fetch.js';
import { silentLog } from '../src/log.js';
import { pollCycle } from '../src/worker/poll-cycle.js';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';
import { loopbackLookup } from './helpers/lookup.js';
import { openTestStore } from './helpers/stores.js';

let server: FixtureServer;
let inFlight = 0;
let maxInFlight = 0;
const feed = '<rss version="2.0"><channel><title>t</title></channel></rss>';

beforeAll(async () => {
  server = await startFixtureServer();
  for (let i = 0; i < 6; i++) {
    server.route(`/slow${i}`, (_req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(feed);
      }, 150);
    });
  }
});
afterAll(() => server.close());

const sources = (n: number, host = '127.0.0.1') =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i}`, name: `s${i}`, url: server.url(`/slow${i}`).replace('127.0.0.1', host) }));

describe('polite fetching', () => {
  it('sends at most perHost requests at a time to one host', async () => {
    maxInFlight = 0;
    const config = configSchema.parse({ fetch: { concurrency: 8, perHost: 2 }, sources: sources(6) });
    await pollCycle(config, { store: await openTestStore(), fetch: createFetcher(), now: Date.now, log: silentLog }, { onlyDue: false });
    expect(maxInFlight).toBe(2);
  });

  it('respects the global limit across hosts', async () => {
    maxInFlight = 0;
    // 127.0.0.1 and localhost are two hosts to the limiter, one server here.
    const mixed = [...sources(3), ...sources(6).slice(3).map((s) => ({ ...s, url: s.url.replace('127.0.0.1', 'localhost') }))];
    const config = configSchema.parse({ fetch: { concurrency: 3, perHost: 4 }, sources: mixed });
    await pollCycle(config, { store: await openTestStore(), fetch: createFetcher({ lookup: loopbackLookup() }), now: Date.now, log: silentLog }, { onlyDue: false });
    expect(maxInFlight).toBe(3);
  });

  it('spreads the start of fetches by the jitter', async () => {
    const config = configSchema.parse({ sources: sources(3) });
    const draws = [0, 0.5, 0.99];
    const before = server.requests.length;
    const started = Date.now();
    const arrivals: number[] = [];
    const fetch = createFetcher();
    await pollCycle(
      config,
      { store: await openTestStore(), fetch: (r) => (arrivals.push(Date.now() - started), fetch(r)), now: Date.now, log: silentLog, jitterMs: 600, random: () => draws.shift() ?? 0 },
      { onlyDue: false },
    );
    expect(server.requests.length - before).toBe(3);
    arrivals.sort((a, b) => a - b);
    expect(arrivals[0]).toBeLessThan(150);
    expect(arrivals[1]).toBeGreaterThanOrEqual(290);
    expect(arrivals[2]).toBeGreaterThanOrEqual(580);
  });

  it('sends per-source User-Agent and headers, and drops validators once after a 12 h run of 304s', async () => {
    const calls: FetchRequest[] = [];
    const config = configSchema.parse({
      sources: [{ id: 'a', name: 'a', url: 'https://a.example/feed', userAgent: 'special/1', headers: { Cookie: 'x=1' }, timeoutSeconds: 3 }],
    });
    const fetch = async (req: FetchRequest) => {
      calls.push(req);
      return { kind: 'not-modified' as const, status: 304 as const };
    };
    const now = Date.parse('2026-11-29T12:00:00Z');
    const store = await openTestStore({
      version: 1, stories: [], seen: {},
      sources: { a: { consecutiveFailures: 0, etag: '"v1"', lastModified: 'x' } },
    });
    const at = (h: number) => ({ store, fetch, now: () => now + h * 3_600_000, log: silentLog });
    await pollCycle(config, at(0), { onlyDue: false }); // 304 #1 starts the run
    expect(calls[0]).toMatchObject({ userAgent: 'special/1', headers: { Cookie: 'x=1' }, timeoutMs: 3000, etag: '"v1"' });
    await pollCycle(config, at(6), { onlyDue: false }); // #2
    await pollCycle(config, at(11), { onlyDue: false }); // #3, 11 h into the run
    await pollCycle(config, at(11.5), { onlyDue: false }); // #4, still under 12 h
    expect(calls.map((c) => c.etag)).toEqual(['"v1"', '"v1"', '"v1"', '"v1"']);
    await pollCycle(config, at(13), { onlyDue: false }); // a run of 4 over 13 h: unconditional
    expect(calls[4]!.etag).toBeUndefined();
    expect(calls[4]!.lastModified).toBeUndefined();
  });

  it('keeps conditional GET for a daily feed that simply did not change', async () => {
    const calls: FetchRequest[] = [];
    const config = configSchema.parse({ sources: [{ id: 'd', name: 'd', url: 'https://d.example/feed', interval: '1d' }] });
    const fetch = async (req: FetchRequest) => {
      calls.push(req);
      return { kind: 'not-modified' as const, status: 304 as const };
    };
    const store = await openTestStore({ version: 1, stories: [], seen: {}, sources: { d: { consecutiveFailures: 0, etag: '"v1"' } } });
    const now = Date.parse('2026-11-29T12:00:00Z');
    for (const day of [0, 1, 2]) await pollCycle(config, { store, fetch, now: () => now + day * 86_400_000, log: silentLog }, { onlyDue: false });
    expect(calls.map((c) => c.etag)).toEqual(['"v1"', '"v1"', '"v1"']);
  });
});
