import { gzipSync, brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetcher, fetchFeed, parseRetryAfter, type FetchRequest } from '../src/fetch/fetch.js';
import { fileRoute, startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';
import { loopbackLookup } from './helpers/lookup.js';

let server: FixtureServer;
const req = (path: string, extra: Partial<FetchRequest> = {}): FetchRequest => ({
  url: server.url(path), timeoutMs: 2000, maxBytes: 1024 * 1024, userAgent: 'nahr-test/1', ...extra,
});

beforeAll(async () => {
  server = await startFixtureServer({
    '/sana.xml': fileRoute('sana-rss2.xml', 'application/rss+xml; charset=utf-8'),
    '/gzip.xml': (_q, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync('<rss version="2.0"><channel><title>مضغوط</title></channel></rss>')),
    '/br.xml': (_q, res) => res.writeHead(200, { 'content-encoding': 'br' }).end(brotliCompressSync('<rss version="2.0"><channel><title>br</title></channel></rss>')),
    '/big.xml': (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent < 50) res.once('drain', pump);
        else res.end();
      };
      pump();
    },
    '/zipbomb.xml': (_q, res) => res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(5 * 1024 * 1024, 0x20))),
    '/slow.xml': () => undefined, // never answers
    '/error.xml': (_q, res) => res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>down</h1>'),
    '/moved.xml': (_q, res) => res.writeHead(301, { location: '/sana.xml' }).end(),
    '/temp.xml': (_q, res) => res.writeHead(302, { location: '/sana.xml' }).end(),
    '/moved-to-404.xml': (_q, res) => res.writeHead(301, { location: '/nowhere.xml' }).end(),
    '/to-data.xml': (_q, res) => res.writeHead(302, { location: 'data:text/xml,<rss version="2.0"><channel/></rss>' }).end(),
    '/to-file.xml': (_q, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/perm-then-temp.xml': (_q, res) => res.writeHead(308, { location: '/temp.xml' }).end(),
    '/hop1': (_q, res) => res.writeHead(302, { location: '/hop2' }).end(),
    '/hop2': (_q, res) => res.writeHead(302, { location: '/hop3' }).end(),
    '/hop3': (_q, res) => res.writeHead(302, { location: '/hop4' }).end(),
    '/hop4': (_q, res) => res.writeHead(302, { location: '/hop5' }).end(),
    '/hop5': (_q, res) => res.writeHead(302, { location: '/sana.xml' }).end(),
    '/hop0': (_q, res) => res.writeHead(302, { location: '/hop1' }).end(),
    '/ratelimit.xml': (_q, res) => res.writeHead(429, { 'retry-after': '120' }).end(),
    '/unavailable.xml': (_q, res) => res.writeHead(503, { 'retry-after': 'Sun, 29 Nov 2099 12:00:00 GMT' }).end(),
    '/trickle.xml': (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      const timer = setInterval(() => res.write('<'), 100); // slowloris: a byte now and then, forever
      res.on('close', () => clearInterval(timer));
    },
    '/loop.xml': (_q, res) => res.writeHead(302, { location: '/loop.xml' }).end(),
  });
});
afterAll(() => server.close());

describe('fetchFeed', () => {
  it('returns the bytes with validators and sends a User-Agent', async () => {
    const res = await fetchFeed(req('/sana.xml'));
    expect(res.kind).toBe('ok');
    if (res.kind !== 'ok') return;
    expect(new TextDecoder().decode(res.bytes)).toContain('سانا');
    expect(res.etag).toMatch(/^"/);
    expect(res.lastModified).toBe('Sun, 29 Nov 2026 10:00:00 GMT');
    expect(server.requests.at(-1)?.headers['user-agent']).toBe('nahr-test/1');
    expect(server.requests.at(-1)?.headers['accept-encoding']).toMatch(/gzip.*br|br.*gzip/);
  });
  it('sends If-None-Match / If-Modified-Since and reports 304 as not modified', async () => {
    const first = await fetchFeed(req('/sana.xml'));
    if (first.kind !== 'ok') throw new Error('expected ok');
    const second = await fetchFeed(req('/sana.xml', { etag: first.etag, lastModified: first.lastModified }));
    expect(second.kind).toBe('not-modified');
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe(first.etag);
    expect(server.requests.at(-1)?.headers['if-modified-since']).toBe(first.lastModified);
  });
  it('decompresses gzip and br', async () => {
    const gz = await fetchFeed(req('/gzip.xml'));
    const br = await fetchFeed(req('/br.xml'));
    expect(gz.kind === 'ok' && new TextDecoder().decode(gz.bytes)).toContain('مضغوط');
    expect(br.kind === 'ok' && new TextDecoder().decode(br.bytes)).toContain('<title>br</title>');
  });
  it('aborts a body larger than the cap, also after decompression', async () => {
    await expect(fetchFeed(req('/big.xml', { maxBytes: 256 * 1024 }))).rejects.toMatchObject({ code: 'too-large' });
    await expect(fetchFeed(req('/zipbomb.xml', { maxBytes: 1024 * 1024 }))).rejects.toMatchObject({ code: 'too-large' });
  });
  it('times out a server that never answers', async () => {
    await expect(fetchFeed(req('/slow.xml', { timeoutMs: 300 }))).rejects.toMatchObject({ code: 'timeout' });
  });
  it('reports an HTTP error status', async () => {
    await expect(fetchFeed(req('/error.xml'))).rejects.toMatchObject({ code: 'http', status: 503, message: 'service unavailable (HTTP 503)' });
  });
  it('follows a redirect and reports the final URL', async () => {
    const res = await fetchFeed(req('/moved.xml'));
    expect(res.kind === 'ok' && res.url).toBe(server.url('/sana.xml'));
  });
  it('reports where a chain of permanent redirects ends, and only then', async () => {
    const perm = await fetchFeed(req('/moved.xml'));
    expect(perm.kind === 'ok' && perm.permanentRedirect).toBe(server.url('/sana.xml'));
    const temp = await fetchFeed(req('/temp.xml'));
    expect(temp.kind === 'ok' && temp.permanentRedirect).toBeUndefined();
    // 308 to /temp.xml, which then moves temporarily: the permanent part is what to update.
    const mixed = await fetchFeed(req('/perm-then-temp.xml'));
    expect(mixed.kind === 'ok' && mixed.permanentRedirect).toBe(server.url('/temp.xml'));
  });
  it('reports a permanent move even when the new address fails', async () => {
    await expect(fetchFeed(req('/moved-to-404.xml'))).rejects.toMatchObject({ status: 404, permanentRedirect: server.url('/nowhere.xml') });
  });
  it('refuses a redirect to a non-web URL', async () => {
    await expect(fetchFeed(req('/to-data.xml'))).rejects.toMatchObject({ code: 'http', message: 'redirected to a non-web URL (data:)' });
    await expect(fetchFeed(req('/to-file.xml'))).rejects.toMatchObject({ code: 'http', message: 'redirected to a non-web URL (file:)' });
  });
  it('does not carry Cookie, Authorization or validators to another host', async () => {
    const other = await startFixtureServer({ '/feed.xml': (_q, res) => res.writeHead(200).end('<rss version="2.0"><channel><title>x</title></channel></rss>') });
    try {
      server.route('/cross.xml', (_q, res) => res.writeHead(302, { location: other.url('/feed.xml').replace('127.0.0.1', 'localhost') }).end());
      const f = createFetcher({ lookup: loopbackLookup() });
      await f(req('/cross.xml', { headers: { Cookie: 'session=1', Authorization: 'Bearer SECRET', 'X-Keep': 'yes' }, etag: '"e"' }));
      const first = server.requests.at(-1)!.headers;
      expect(first.cookie).toBe('session=1');
      const h = other.requests.at(-1)!.headers;
      expect(h.cookie).toBeUndefined();
      expect(h.authorization).toBeUndefined();
      expect(h['if-none-match']).toBeUndefined();
      expect(h['x-keep']).toBe('yes');
    } finally {
      await other.close();
    }
  });
  it('follows at most 5 redirects', async () => {
    await expect(fetchFeed(req('/hop1'))).resolves.toMatchObject({ kind: 'ok' }); // 5 hops
    await expect(fetchFeed(req('/hop0'))).rejects.toMatchObject({ code: 'too-many-redirects', message: 'more than 5 redirects' });
  });
  it('reads Retry-After in seconds and as an HTTP date', async () => {
    await expect(fetchFeed(req('/ratelimit.xml'))).rejects.toMatchObject({ status: 429, retryAfterMs: 120_000 });
    const err = (await fetchFeed(req('/unavailable.xml')).catch((e: unknown) => e)) as { status: number; retryAfterMs: number };
    expect(err.status).toBe(503);
    expect(err.retryAfterMs).toBeGreaterThan(365 * 86_400_000);
    expect(parseRetryAfter('garbage', 0)).toBeUndefined();
  });
  it('times out a server that trickles bytes (slowloris)', async () => {
    const started = Date.now();
    await expect(fetchFeed(req('/trickle.xml', { timeoutMs: 700 }))).rejects.toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
  });
  it('reports a DNS failure (the lookup is stubbed: nothing leaves this machine)', async () => {
    const noDns = createFetcher({ lookup: loopbackLookup(['feeds.nowhere.invalid']) });
    await expect(noDns({ ...req('/x'), url: 'http://feeds.nowhere.invalid/rss.xml' })).rejects.toMatchObject({ code: 'network', message: 'host not found (DNS)' });
  });
  it('stops a redirect loop', async () => {
    await expect(fetchFeed(req('/loop.xml'))).rejects.toMatchObject({ code: 'too-many-redirects' });
  });
  it('reports a refused connection', async () => {
    const closed = await startFixtureServer();
    const url = closed.url('/x.xml');
    await closed.close();
    await expect(fetchFeed({ ...req('/x'), url })).rejects.toMatchObject({ code: 'network', message: 'connection refused' });
  });
});
