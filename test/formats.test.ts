// Every feed in Atom, RSS 2.0 and JSON Feed 1.1, checked by outside checkers; filters,
// paging, compression, caching. The real pipeline (fetcher, poll cycle) fills a store from
// the fixture feeds; the HTTP app is called in-process.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, type Config } from '../src/config/schema.js';
import { createFetcher } from '../src/fetch/fetch.js';
import { silentLog } from '../src/log.js';
import { createPublisher, type Publisher } from '../src/publish/feeds.js';
import { buildApp } from '../src/serve/app.js';
import { storeStatus } from '../src/serve/status.js';
import { pollCycle } from '../src/worker/poll-cycle.js';
import { atomRuleViolations } from './helpers/atom-rules.js';
import { fileRoute, startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';
import { openTestStore, type TestStore } from './helpers/stores.js';
import { atomSchema, haveShared, repoRoot } from './helpers/paths.js';
import { feedparserBozo, haveFeedparser, haveTool, jing } from './helpers/tools.js';

let feeds: FixtureServer;
let app: ReturnType<typeof buildApp>;
let publisher: Publisher;
let config: Config;
let renders = 0;
let store: TestStore;
const dir = mkdtempSync(join(tmpdir(), 'nahr-formats-'));
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

beforeAll(async () => {
  store = await openTestStore();
  feeds = await startFixtureServer({
    '/sana.xml': fileRoute('sana-rss2.xml', 'application/rss+xml; charset=utf-8'),
    '/alwatan.atom': fileRoute('alwatan-atom.xml', 'application/atom+xml'),
    '/enab.rdf': fileRoute('enab-rss1.rdf', 'application/rdf+xml'),
    '/thawra.xml': fileRoute('thawra-1256.xml', 'text/xml'),
    '/tishreen.xml': fileRoute('iso-8859-6.xml', 'application/xml'),
  });
  config = configSchema.parse({
    publicUrl: 'http://nahr.test',
    retention: { days: 36500 },
    feed: { maxEntries: 4 },
    sources: [
      { id: 'sana', name: 'سانا', url: feeds.url('/sana.xml') },
      { id: 'alwatan', name: 'الوطن', url: feeds.url('/alwatan.atom') },
      { id: 'enab', name: 'عنب بلدي', url: feeds.url('/enab.rdf') },
      { id: 'thawra', name: 'الثورة', url: feeds.url('/thawra.xml') },
      { id: 'tishreen', name: 'تشرين', url: feeds.url('/tishreen.xml') },
    ],
    topics: [
      { id: 'daraa', title: 'درعا', keywords: ['درعا'] },
      { id: 'idlib', title: 'إدلب', keywords: ['إدلب'] },
    ],
  });
  await pollCycle(config, { store, fetch: createFetcher(), now: Date.now, log: silentLog }, { onlyDue: false });
  publisher = createPublisher(config, store, { recordRender: () => renders++ });
  app = buildApp({ publisher, config: () => config, status: () => storeStatus(config, store) });
}, 30_000);
afterAll(() => feeds.close());

const feedsToCheck = ['/feeds/all', '/feeds/topics/daraa', '/feeds/sources/alwatan', '/feeds/all/page/2'];

describe('three formats, valid by outside checkers', () => {
  it.each(feedsToCheck)('%s.atom: jing, the rules jing skips, feedparser, rss-parser', async (path) => {
    const res = await get(`${path}.atom`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const file = join(dir, `${path.replaceAll('/', '_')}.atom`);
    writeFileSync(file, res.body);
    if (haveShared && haveTool('jing')) expect(jing(atomSchema, file)).toBe('');
    if (haveTool('xmllint')) expect(atomRuleViolations(file)).toEqual([]);
    if (haveFeedparser()) expect(feedparserBozo(file).bozo).toBe(0);
    expect((await new Parser().parseString(res.body)).items.length).toBeGreaterThan(0);
  });
  it.each(feedsToCheck)('%s.rss: feedparser (bozo 0) and rss-parser', async (path) => {
    const res = await get(`${path}.rss`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const file = join(dir, `${path.replaceAll('/', '_')}.rss`);
    writeFileSync(file, res.body);
    if (haveFeedparser()) expect(feedparserBozo(file)).toMatchObject({ bozo: 0 });
    const parsed = await new Parser().parseString(res.body);
    expect(parsed.items.length).toBeGreaterThan(0);
    expect(parsed.items[0]!.guid).toMatch(/^tag:nahr,2026:story\//);
  });
  it.each(feedsToCheck)('%s.json: the JSON Feed 1.1 schema', async (path) => {
    const res = await get(`${path}.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const schema = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'schema', 'jsonfeed-1.1.schema.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(JSON.parse(res.body));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
  it('the schema checker does catch an invalid feed', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'schema', 'jsonfeed-1.1.schema.json'), 'utf8'));
    const ajv = new Ajv({ strict: false });
    addFormats.default(ajv);
    expect(ajv.validate(schema, { version: 'https://jsonfeed.org/version/1', title: 't', items: [{ id: 'x' }] })).toBe(false);
  });
});

describe('the same story in every format', () => {
  const story = 'وزير الخارجية يبحث مع نظيره الأردني تعزيز التعاون';
  it('names the other outlets in Atom (related links), RSS and JSON Feed (the content line, _nahr.reporters)', async () => {
    const all = (await get('/feeds/all.json?limit=500')).json() as { items: Array<{ title: string; content_html: string; _nahr: { reporters: Array<{ source: string }> } }> };
    const item = all.items.find((i) => i.title.startsWith(story))!;
    expect(item._nahr.reporters.map((r) => r.source)).toEqual(['sana', 'alwatan', 'thawra']);
    expect(item.content_html).toContain('أوردته أيضًا');
    const rss = (await get('/feeds/all.rss?limit=500')).body;
    const rssItem = rss.split('<item>').find((i) => i.includes(story))!;
    expect(rssItem).toContain('أوردته أيضًا');
    const atom = (await get('/feeds/all.atom?limit=500')).body;
    expect(atom.split('<entry').find((e) => e.includes(story))!.match(/rel="related"/g)).toHaveLength(2);
  });
  it('carries pictures and enclosures through', async () => {
    const json = (await get('/feeds/all.json?limit=500')).json() as { items: Array<{ title: string; image?: string; attachments?: Array<{ url: string; mime_type: string; size_in_bytes?: number }> }> };
    const rate = json.items.find((i) => i.title.startsWith('ارتفاع سعر الصرف'))!;
    expect(rate.image).toBe('https://sana.example/images/exchange-rate.jpg');
    expect(rate.attachments).toEqual([{ url: 'https://sana.example/audio/exchange-rate.mp3', mime_type: 'audio/mpeg', size_in_bytes: 123456 }]);
    const idlib = json.items.find((i) => i.title.startsWith('مقتل 5'))!;
    expect(idlib.image).toBe('https://alwatan.example/images/idlib.jpg');
    const atom = (await get('/feeds/all.atom?limit=500')).body;
    expect(atom).toContain('<link rel="enclosure" href="https://sana.example/audio/exchange-rate.mp3" type="audio/mpeg" length="123456"/>');
    expect(atom).toContain('<media:thumbnail url="https://sana.example/images/exchange-rate.jpg"/>');
    const rss = (await get('/feeds/all.rss?limit=500')).body;
    expect(rss).toContain('<enclosure length="123456" type="audio/mpeg" url="https://sana.example/audio/exchange-rate.mp3"/>');
  });
  it('shows a source\'s own report in its feed', async () => {
    const thawra = (await get('/feeds/sources/thawra.json?limit=500')).json() as { items: Array<{ title: string; url?: string }> };
    const item = thawra.items.find((i) => i.title.includes('تعزيز'))!;
    expect(item.title).toBe('وزير الخارجية يبحث مع نظيره الأردنيّ تعزيزَ التعاون');
    expect(item.url).toMatch(/^https:\/\/thawra\.example\//);
  });
});

describe('filters', () => {
  const ids = async (url: string) => ((await get(url)).json() as { items: Array<{ id: string; date_published: string; _nahr: { reporters: Array<{ source: string }> } }> }).items;
  it('limit overrides feed.maxEntries', async () => {
    expect(await ids('/feeds/all.json')).toHaveLength(4);
    expect(await ids('/feeds/all.json?limit=7')).toHaveLength(7);
  });
  it('since compares with published', async () => {
    const items = await ids('/feeds/all.json?limit=500&since=2026-11-29T06:00:00Z');
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) expect(i.date_published >= '2026-11-29T06:00:00.000Z').toBe(true);
    expect(items.length).toBeLessThan((await ids('/feeds/all.json?limit=500')).length);
  });
  it('source keeps stories that source reported', async () => {
    const items = await ids('/feeds/all.json?limit=500&source=tishreen,enab');
    expect(items.length).toBe(6);
    for (const i of items) expect(i._nahr.reporters.some((r) => ['tishreen', 'enab'].includes(r.source))).toBe(true);
  });
  it('q is a keyword folded the Arabic way', async () => {
    const items = await ids(`/feeds/all.json?limit=500&q=${encodeURIComponent('ادلب')}`);
    expect(items).toHaveLength(2);
  });
  it.each([
    ['/feeds/all.atom?foo=1', 'unknown parameter "foo" (known: limit, since, source, q)'],
    ['/feeds/all.atom?limit=0', 'limit must be a whole number from 1 to 500'],
    ['/feeds/all.atom?limit=501', 'limit must be a whole number from 1 to 500'],
    ['/feeds/all.atom?since=yesterday', 'since must be an ISO 8601 time, e.g. 2026-11-29T00:00:00Z'],
    ['/feeds/all.atom?source=nope', 'unknown source "nope" in source='],
    ['/feeds/all.atom?q=%20', 'q must contain a word'],
    ['/feeds/all.atom?limit=1&limit=2', 'parameter "limit" given more than once'],
  ])('%s → 400', async (url, reason) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    expect(res.body).toBe(`${reason}\n`);
  });
});

describe('paging', () => {
  it('walks rel="next" through every retained story exactly once', async () => {
    const seen: string[] = [];
    let url: string | undefined = '/feeds/all.atom';
    let pages = 0;
    while (url && pages < 20) {
      const body: string = (await get(url)).body;
      pages++;
      seen.push(...[...body.matchAll(/<entry[^>]*>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]!));
      const next = /<link rel="next" type="application\/atom\+xml" href="http:\/\/nahr\.test([^"]+)"\/>/.exec(body)?.[1];
      url = next;
    }
    const stored = (await store.dump()).stories.length;
    expect(pages).toBe(Math.ceil(stored / 4));
    expect(seen).toHaveLength(stored);
    expect(new Set(seen).size).toBe(seen.length);
  });
  it('JSON Feed pages through next_url', async () => {
    const first = (await get('/feeds/all.json')).json() as { next_url?: string };
    expect(first.next_url).toBe('http://nahr.test/feeds/all/page/2.json');
  });
});

describe('caching and compression', () => {
  it('renders once per change; a 304 costs no render', async () => {
    const before = renders;
    const a = await get('/feeds/topics/idlib.atom');
    const b = await get('/feeds/topics/idlib.atom', { 'if-none-match': a.headers.etag as string });
    expect(b.statusCode).toBe(304);
    await get('/feeds/topics/idlib.atom');
    expect(renders - before).toBe(1);
    await store.replace(await store.dump()); // a poll that changed nothing in this feed
    await get('/feeds/topics/idlib.atom');
    expect(renders - before).toBe(1);
    const data = await store.dump();
    const idlib = data.stories.find((s) => s.topics.includes('idlib'))!;
    await store.replace({ ...data, stories: data.stories.map((s) => (s === idlib ? { ...s, updated: '2026-11-30T00:00:00.000Z' } : s)) });
    expect(renders - before).toBe(1); // lazily: nothing until asked
    await get('/feeds/topics/idlib.atom');
    expect(renders - before).toBe(2);
    await get('/feeds/topics/daraa.atom');
    const again = await store.dump();
    await store.replace({ ...again, stories: again.stories.map((s) => (s.topics.includes('idlib') ? { ...s, updated: '2026-11-30T01:00:00.000Z' } : s)) });
    const n = renders;
    await get('/feeds/topics/daraa.atom'); // untouched by that change: served without a render
    expect(renders).toBe(n);
  });
  it('compresses with br and gzip, each with its own ETag, and Vary', async () => {
    const plain = await get('/feeds/all.atom');
    const br = await get('/feeds/all.atom', { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await get('/feeds/all.atom', { 'accept-encoding': 'gzip' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
    expect(new Set([plain.headers.etag, br.headers.etag, gz.headers.etag]).size).toBe(3);
    for (const r of [plain, br, gz]) expect(r.headers.vary).toBe('Accept-Encoding');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect((await get('/feeds/all.atom', { 'accept-encoding': 'br', 'if-none-match': br.headers.etag as string })).statusCode).toBe(304);
    expect((await get('/feeds/all.atom', { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
  });
  it('ties max-age to the schedule', async () => {
    const res = await get('/feeds/all.rss');
    const maxAge = Number(/max-age=(\d+)/.exec(res.headers['cache-control'] as string)?.[1]);
    expect(maxAge).toBeGreaterThanOrEqual(30);
    expect(maxAge).toBeLessThanOrEqual(600);
  });
});

describe('hostile and empty inputs, in every format', () => {
  const hostileConfig = configSchema.parse({
    publicUrl: 'http://nahr.test',
    websub: { hubs: ['https://hub-one.example/', 'https://hub-two.example/?a=1&b=2'] },
    sources: [{ id: 'evil', name: 'سانا ]]> <b>"&', url: 'https://evil.example/feed' }],
    topics: [{ id: 'empty', title: 'فارغ' }, { id: 'odd', title: 'a<b ]]> "c"', keywords: ['خبر'] }],
  });
  const at = '2026-11-29T10:00:00.000Z';
  const evil: import('../src/model.js').Story = {
    id: 'x1', titleKey: 'k', published: at, updated: at, topics: ['odd'],
    reporters: [{
      sourceId: 'evil', guid: 'g', title: '<script>alert(1)</script> خبر ]]> و ]]> & "ق"', link: 'https://evil.example/أخبار/1?a=1&b=2',
      html: '<p>نص ]]> آخر</p>', categories: [], author: 'كاتب ]]> <i>', seenAt: at,
      image: 'https://evil.example/i.webp', enclosures: [{ url: 'https://evil.example/a.mp3', type: 'audio/mpeg', length: 10 }],
    }],
  };
  let hostile: ReturnType<typeof buildApp>;
  beforeAll(async () => {
    const hostileStore = await openTestStore({ version: 1, stories: [evil], sources: {}, seen: {} });
    hostile = buildApp({ publisher: createPublisher(hostileConfig, hostileStore), config: () => hostileConfig, status: () => storeStatus(hostileConfig, hostileStore) });
  });
  const schema = JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'schema', 'jsonfeed-1.1.schema.json'), 'utf8'));

  it.each(['/feeds/all', '/feeds/topics/empty', '/feeds/topics/odd', '/feeds/sources/evil'])('%s stays valid', async (path) => {
    for (const ext of ['atom', 'rss'] as const) {
      const res = await hostile.inject({ url: `${path}.${ext}` });
      expect(res.statusCode).toBe(200);
      const file = join(dir, `hostile${path.replaceAll('/', '_')}.${ext}`);
      writeFileSync(file, res.body);
      if (ext === 'atom' && haveShared && haveTool('jing')) expect(jing(atomSchema, file)).toBe('');
      if (haveFeedparser()) expect(feedparserBozo(file).bozo, `${path}.${ext}`).toBe(0);
      await new Parser().parseString(res.body);
    }
    const ajv = new Ajv({ strict: false });
    addFormats.default(ajv);
    expect(ajv.validate(schema, JSON.parse((await hostile.inject({ url: `${path}.json` })).body))).toBe(true);
  });
  it('keeps a plain-text title text in RSS, and escapes nothing twice', async () => {
    const rss = (await hostile.inject({ url: '/feeds/all.rss' })).body;
    expect(rss).toContain('&lt;script&gt;alert(1)&lt;/script&gt; خبر ]]&gt; و ]]&gt; &amp; "ق"');
    expect(rss).not.toContain('<script>');
    expect(rss).not.toContain('&amp;gt;');
    expect(rss).toContain('<atom:link href="https://hub-one.example/" rel="hub"/>');
    expect(rss).toContain('<atom:link href="https://hub-two.example/?a=1&amp;b=2" rel="hub"/>');
  });
});

describe('negotiation and strictness found by review', () => {
  it.each([
    ['gzip;q=0.5, br;q=0.1', 'gzip'],
    ['br;q=0.1, gzip;q=0.5', 'gzip'],
    ['x-gzip', 'gzip'],
    ['*', 'br'],
    ['br;q=0, *', 'gzip'],
    ['identity', undefined],
  ])('Accept-Encoding: %s → %s', async (header, expected) => {
    expect((await get('/feeds/all.atom', { 'accept-encoding': header })).headers['content-encoding']).toBe(expected);
  });
  it('refuses an impossible date and serves page 1 only as the feed itself', async () => {
    expect((await get('/feeds/all.atom?since=2026-02-30T00:00:00Z')).statusCode).toBe(400);
    expect((await get('/feeds/all/page/1.atom')).statusCode).toBe(404);
  });
});
