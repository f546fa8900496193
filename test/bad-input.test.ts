// Every kind of bad input a real news site serves, against a local server, in one poll
// cycle with the real fetcher and the real lowdb store. None may crash the cycle, hang it
// past its timeouts, touch other sources' results, or remove stories already stored.
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema, type Config } from '../src/config/schema.js';
import { createFetcher } from '../src/fetch/fetch.js';
import { silentLog } from '../src/log.js';
import type { Story } from '../src/model.js';
import { MAX_TITLE_GRAPHEMES } from '../src/normalize/item.js';
import { buildStatus } from '../src/serve/status.js';
import { storyStats } from '../src/store/memory.js';
import { openTestStore, type TestStore } from './helpers/stores.js';
import type { StoreData } from '../src/store/store.js';
import { pollCycle, type SourceReport } from '../src/worker/poll-cycle.js';
import { loopbackLookup } from './helpers/lookup.js';
import { fixtures } from './helpers/paths.js';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';

const rss = (items: string, decl = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${decl}<rss version="2.0"><channel><title>t</title><link>https://site.example/</link>${items}</channel></rss>`;
const item = (guid: string, title: string, extra = '') =>
  `<item><guid>${guid}</guid><title>${title}</title><link>https://site.example/${guid}</link><pubDate>Sun, 29 Nov 2026 08:00:00 GMT</pubDate>${extra}</item>`;
/** windows-1256 bytes of Arabic text (the letters used below). */
const cp1256: Record<string, number> = { ا: 0xc7, ف: 0xdd, ت: 0xca, ح: 0xcd, م: 0xe3, ع: 0xda, ر: 0xd1, ض: 0xd6, ل: 0xe1, ك: 0xdf, ب: 0xc8, ي: 0xed, ق: 0xde, د: 0xcf, ش: 0xd4, ص: 0xd5, ى: 0xec, ن: 0xe4, و: 0xe6, ة: 0xc9, ' ': 0x20 };
const encode1256Strict = (s: string) => {
  for (const c of s) if (cp1256[c] === undefined) throw new Error(`no windows-1256 byte for ${c} in this test table`);
  return encode1256(s);
};
const encode1256 = (s: string) => Buffer.from([...s].map((c) => cp1256[c] ?? c.charCodeAt(0)));

let mode: 'good' | 'bad' = 'good';
let server: FixtureServer;
let store: TestStore;
/** The store after the second cycle. */
let snap: StoreData;
let config: Config;
let before: Story[];
let reports: SourceReport[];
let cycleMs: number;
const sent = (res: ServerResponse, body: string | Buffer, type = 'application/rss+xml') => res.writeHead(200, { 'content-type': type }).end(body);

// In "good" mode every route serves a small valid feed, so each source has stories stored
// before it turns bad.
const goodFeed = (id: string) => rss(item(`${id}-good`, `خبر سابق من المصدر ${id}`));

const badRoutes: Record<string, (res: ServerResponse) => void> = {
  hang: () => undefined,
  trickle: (res) => {
    res.writeHead(200, { 'content-type': 'application/xml' });
    const t = setInterval(() => res.write(' '), 100);
    res.on('close', () => clearInterval(t));
  },
  'not-found': (res) => res.writeHead(404).end('<h1>404</h1>'),
  gone: (res) => res.writeHead(410).end(),
  'server-error': (res) => res.writeHead(500).end('boom'),
  'rate-limited': (res) => res.writeHead(429, { 'retry-after': '3600' }).end(),
  'html-200': (res) => sent(res, '<!DOCTYPE html><html><body>Just a moment… (Cloudflare)</body></html>', 'text/html'),
  'html-after-comment': (res) => sent(res, '<!-- cache: HIT --><div class="wall"><p>Please log in<br></div></p>', 'text/html; charset=utf-8'),
  'moved-to-html': (res) => res.writeHead(301, { location: '/landing' }).end(),
  empty: (res) => sent(res, ''),
  truncated: (res) => sent(res, rss(item('t1', 'خبر')).slice(0, 120)),
  'over-cap': (res) => sent(res, rss(item('big', 'كبير', `<description>${'x'.repeat(300_000)}</description>`))),
  'gzip-bomb': (res) => res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/xml' }).end(gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20))),
  'billion-laughs': (res) =>
    sent(res, `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
      <rss version="2.0"><channel><title>&d;</title><item><guid>l1</guid><title>&d;</title></item></channel></rss>`),
};

beforeAll(async () => {
  server = await startFixtureServer();
  const secretRequests: string[] = [];
  server.route('/secret', (req, res) => {
    secretRequests.push(req.url ?? '');
    res.end('SECRET-CONTENT');
  });
  (globalThis as { secretRequests?: string[] }).secretRequests = secretRequests;

  const dynamic = (id: string, bad: (res: ServerResponse) => void) =>
    server.route(`/${id}`, (_req, res) => (mode === 'good' ? sent(res, goodFeed(id)) : bad(res)));
  for (const [id, bad] of Object.entries(badRoutes)) dynamic(id, bad);

  // Bad in what it says, not in how it is served: these must be read, not rejected.
  dynamic('entities', (res) => sent(res, rss(item('e1', 'أخبار & تقارير&nbsp;اليوم', '<description>سعر &euro; و &copy; حقوق</description>'))));
  dynamic('xxe', (res) =>
    sent(res, `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY ext SYSTEM "${server.url('/secret')}"><!ENTITY pw SYSTEM "file:///etc/passwd">]>
      <rss version="2.0"><channel><title>x</title><item><guid>x1</guid><title>&ext;&pw;</title></item></channel></rss>`),
  );
  dynamic('wrong-charset', (res) =>
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(Buffer.concat([Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><guid>w1</guid><title>'), encode1256Strict('افتتاح معرض'), Buffer.from('</title></item></channel></rss>')])),
  );
  dynamic('undeclared-1256', (res) =>
    res.writeHead(200, { 'content-type': 'application/xml' }).end(Buffer.concat([Buffer.from('<rss version="2.0"><channel><title>t</title><item><guid>u1</guid><title>'), encode1256Strict('قصف على ريف حمص'), Buffer.from('</title></item></channel></rss>')])),
  );
  dynamic('dates', (res) =>
    sent(res, rss([
      `<item><guid>d-invalid</guid><title>تاريخ غير صالح</title><pubDate>not a date</pubDate></item>`,
      `<item><guid>d-missing</guid><title>بلا تاريخ</title></item>`,
      `<item><guid>d-epoch</guid><title>تاريخ 1970</title><pubDate>Thu, 01 Jan 1970 00:00:00 GMT</pubDate></item>`,
      `<item><guid>d-future</guid><title>تاريخ في المستقبل</title><pubDate>Tue, 01 Jun 2027 06:00:00 GMT</pubDate></item>`,
      `<item><guid>d-levant</guid><title>شهر شامي</title><pubDate>الأحد، 29 تشرين الثاني 2026 10:00:00</pubDate></item>`,
      `<item><guid>d-egypt</guid><title>شهر مصري</title><pubDate>٢٩ نوفمبر ٢٠٢٦ ٠٩:٣٠ ص</pubDate></item>`,
      `<item><guid>d-nozone</guid><title>بلا منطقة زمنية</title><pubDate>2026-11-29T11:00:00</pubDate></item>`,
    ].join(''))),
  );
  dynamic('atom-dates', (res) =>
    sent(res, `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><updated>2026-11-29T00:00:00Z</updated>
      <entry><id>a-nozone</id><title>أتوم بلا منطقة</title><updated>2026-11-29T10:00:00</updated></entry>
      <entry><id>a-arabic</id><title>أتوم بتاريخ عربي</title><published>٢٩ تشرين الثاني ٢٠٢٦ ٠٩:٠٠</published><updated>٢٩ تشرين الثاني ٢٠٢٦ ٠٩:٠٠</updated></entry>
    </feed>`, 'application/atom+xml'),
  );
  dynamic('untitled', (res) =>
    sent(res, rss([
      `<item><guid>n1</guid><description>&lt;p&gt;وصل وفد حكومي إلى مدينة حلب صباح اليوم لتفقد أعمال الترميم في الأسواق القديمة والاطلاع على سير العمل فيها وفي المواقع الأثرية المجاورة&lt;/p&gt;</description></item>`,
      `<item><guid>n2</guid><title>خبر بلا رابط</title></item>`,
      `<item><guid>n3</guid><title>${'عنوان طويل جدا '.repeat(400)}</title></item>`,
      `<item><guid>n4</guid><title>عنوان\u0001 فيه\u0008 محارف تحكم\u000B</title><description>نص\u0002 بمحارف تحكم</description></item>`,
    ].join(''))),
  );

  store = await openTestStore();
  const fetch = createFetcher({ lookup: loopbackLookup(['no-such-host.invalid']) });
  const closed = await startFixtureServer();
  const refusedUrl = closed.url('/feed.xml');
  await closed.close();
  const ids = [...Object.keys(badRoutes), 'entities', 'xxe', 'wrong-charset', 'undeclared-1256', 'dates', 'atom-dates', 'untitled'];
  config = configSchema.parse({
    retention: { days: 36500 },
    fetch: { timeoutSeconds: 1, maxBytes: 256 * 1024 },
    sources: [
      { id: 'good', name: 'سانا', url: server.url('/good') },
      ...ids.map((id) => ({ id, name: id, url: server.url(`/${id}`) })),
      { id: 'refused', name: 'refused', url: refusedUrl },
      { id: 'dns', name: 'dns', url: 'http://no-such-host.invalid/feed.xml' },
    ],
  });
  server.route('/landing', (_req, res) => sent(res, '<!doctype html><html><body>Welcome</body></html>', 'text/html'));
  server.route('/good', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(readFileSync(join(fixtures, 'sana-rss2.xml'))));

  const deps = { store, fetch, now: () => Date.parse('2026-11-29T12:00:00Z'), log: silentLog };
  // Cycle 1: everyone healthy; refused and dns fail from the start.
  await pollCycle(config, deps, { onlyDue: false });
  before = (await store.dump()).stories;
  // Cycle 2: every source turns bad at once.
  mode = 'bad';
  const started = Date.now();
  reports = await pollCycle(config, { ...deps, now: () => Date.parse('2026-11-29T12:05:00Z') }, { onlyDue: false });
  cycleMs = Date.now() - started;
  snap = await store.dump();
}, 60_000);

afterAll(async () => {
  await store?.close();
  await server?.close();
});

const report = (id: string) => reports.find((r) => r.sourceId === id)!;
const storiesOf = (id: string) => snap.stories.filter((s) => s.reporters.some((r) => r.sourceId === id));
const titleOf = (guid: string) => snap.stories.flatMap((s) => s.reporters).find((r) => r.guid === guid)?.title;
const storyOf = (guid: string) => snap.stories.find((s) => s.reporters.some((r) => r.guid === guid));

describe('a poll cycle where everything goes wrong', () => {
  it('finishes, within its timeouts', () => {
    expect(reports).toHaveLength(config.sources.length);
    expect(cycleMs).toBeLessThan(15_000);
  });

  it.each([
    ['refused', 'network', 'connection refused'],
    ['dns', 'network', 'host not found (DNS)'],
    ['hang', 'timeout', 'no complete answer within 1 s'],
    ['trickle', 'timeout', 'no complete answer within 1 s'],
    ['not-found', 'http', 'feed not found (HTTP 404): check the URL'],
    ['gone', 'http', 'feed gone for good (HTTP 410): remove it or find its new URL'],
    ['server-error', 'http', 'server error (HTTP 500)'],
    ['html-200', 'not-a-feed', 'the URL returned an HTML page, not a feed'],
    ['html-after-comment', 'not-a-feed', 'the URL returned an HTML page, not a feed'],
    ['moved-to-html', 'not-a-feed', 'the URL returned an HTML page, not a feed'],
    ['empty', 'empty', 'the response body is empty'],
    ['over-cap', 'too-large', 'the feed is larger than 256 KiB'],
    ['gzip-bomb', 'too-large', 'the feed is larger than 256 KiB'],
  ])('%s: a clear error (%s)', (id, code, message) => {
    expect(report(id)).toMatchObject({ outcome: 'failed', error: { code, message } });
    const st = snap.sources[id]!;
    expect(st.lastError).toBe(message);
    expect(st.consecutiveFailures).toBeGreaterThanOrEqual(1);
  });

  it('truncated XML: a parse error that says so', () => {
    expect(report('truncated')).toMatchObject({ outcome: 'failed', error: { code: 'parse' } });
    expect(report('truncated').error!.message).toMatch(/^malformed feed XML: /);
  });

  it('billion laughs: rejected, never expanded', () => {
    expect(report('billion-laughs')).toMatchObject({ outcome: 'failed', error: { code: 'parse', message: 'the feed declares nested entities (DOCTYPE), which nahr never expands' } });
    expect(JSON.stringify(snap).includes('aaaaaaaaaaaaaaaaaaaa')).toBe(false);
  });

  it('XXE: the external entity is neither fetched nor read (its reference stays text)', () => {
    expect(report('xxe').outcome).toBe('ok');
    expect(titleOf('x1')).toBe('&ext;&pw;');
    expect((globalThis as { secretRequests?: string[] }).secretRequests).toEqual([]);
    const stored = JSON.stringify(snap);
    expect(stored).not.toContain('SECRET-CONTENT');
    expect(stored).not.toContain('root:x:0:0');
  });

  it('429: backs off as asked without counting as a failure', () => {
    expect(report('rate-limited')).toMatchObject({ outcome: 'rate-limited', retryAfterUntil: '2026-11-29T13:05:00.000Z' });
    expect(snap.sources['rate-limited']).toMatchObject({ consecutiveFailures: 0, retryAfterUntil: '2026-11-29T13:05:00.000Z' });
  });

  it('removes no story already stored, from any source', () => {
    const now = new Map(snap.stories.map((s) => [s.id, s]));
    for (const s of before) expect(now.get(s.id)?.reporters.length).toBeGreaterThanOrEqual(s.reporters.length);
    for (const id of Object.keys(badRoutes)) expect(storiesOf(id).length).toBeGreaterThanOrEqual(1);
  });

  it('leaves the healthy source alone', () => {
    expect(report('good').outcome).toBe('ok');
    expect(snap.sources.good).toMatchObject({ consecutiveFailures: 0, lastStatus: 200 });
    expect(storiesOf('good')).toHaveLength(6);
  });

  it('shows each failing source and its error on the status data', () => {
    const status = buildStatus(config, snap, storyStats(snap.stories, '2026-11-28T12:06:00.000Z'), Date.parse('2026-11-29T12:06:00Z'));
    const byId = new Map(status.sources.map((s) => [s.id, s]));
    expect(byId.get('gone')).toMatchObject({ state: 'failing', lastError: 'feed gone for good (HTTP 410): remove it or find its new URL' });
    expect(byId.get('rate-limited')?.state).toBe('backing-off');
    expect(byId.get('good')?.state).toBe('ok');
    expect(byId.get('moved-to-html')?.movedTo).toBe(server.url('/landing')); // the move is shown although the new page fails
    expect(status.totals.failing).toBeGreaterThanOrEqual(12);
  });
});

describe('bad in what it says: read, repaired, defaulted', () => {
  it('repairs a bare "&" and HTML entities', () => {
    expect(report('entities').outcome).toBe('ok');
    expect(titleOf('e1')).toBe('أخبار & تقارير اليوم');
  });
  it('reads windows-1256 sent as "charset=utf-8" and with no charset at all', () => {
    expect(titleOf('w1')).toBe('افتتاح معرض');
    expect(titleOf('u1')).toBe('قصف على ريف حمص');
  });
  it('falls back to the first-seen time for invalid, missing, 1970 and future dates', () => {
    const seen = '2026-11-29T12:05:00.000Z';
    for (const guid of ['d-invalid', 'd-missing', 'd-epoch', 'd-future']) expect(storyOf(guid)?.published, guid).toBe(seen);
  });
  it('reads Arabic month names, Arabic-Indic digits, and zone-less times in Asia/Damascus', () => {
    expect(storyOf('d-levant')?.published).toBe('2026-11-29T07:00:00.000Z');
    expect(storyOf('d-egypt')?.published).toBe('2026-11-29T06:30:00.000Z');
    expect(storyOf('d-nozone')?.published).toBe('2026-11-29T08:00:00.000Z');
  });
  it('does the same in Atom (zone-less <updated>, Arabic <published>)', () => {
    expect(storyOf('a-nozone')?.published).toBe('2026-11-29T07:00:00.000Z');
    expect(storyOf('a-arabic')?.published).toBe('2026-11-29T06:00:00.000Z');
  });
  it('titles an untitled item with its trimmed summary, and never folds it', () => {
    const t = titleOf('n1')!;
    expect(t.startsWith('وصل وفد حكومي إلى مدينة حلب')).toBe(true);
    expect(t.endsWith('…')).toBe(true);
    expect(storyOf('n1')?.titleKey).toBe('');
  });
  it('keeps an item without a link', () => {
    expect(storyOf('n2')?.reporters[0]?.link).toBeUndefined();
  });
  it('truncates an absurdly long title on a grapheme boundary', () => {
    const t = titleOf('n3')!;
    expect([...new Intl.Segmenter('ar', { granularity: 'grapheme' }).segment(t)].length).toBeLessThanOrEqual(MAX_TITLE_GRAPHEMES + 1);
    expect(t.endsWith('…')).toBe(true);
  });
  it('strips control characters', () => {
    expect(titleOf('n4')).toBe('عنوان فيه محارف تحكم');
    expect(JSON.stringify(storyOf('n4'))).not.toMatch(/\\u000[0-8b]/i);
  });
});

describe('after a 429', () => {
  it('a manual poll still waits out the Retry-After window, without a request', async () => {
    const requestsBefore = server.requests.filter((r) => r.path === '/rate-limited').length;
    const again = await pollCycle(config, { store, fetch: createFetcher(), now: () => Date.parse('2026-11-29T12:30:00Z'), log: silentLog }, { onlyDue: false });
    expect(again.find((r) => r.sourceId === 'rate-limited')).toMatchObject({ outcome: 'waiting', retryAfterUntil: '2026-11-29T13:05:00.000Z' });
    expect(server.requests.filter((r) => r.path === '/rate-limited').length).toBe(requestsBefore);
  }, 30_000);
});
