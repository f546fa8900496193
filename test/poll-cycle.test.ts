import { describe, expect, it } from 'vitest';
import { configSchema, type Config } from '../src/config/schema.js';
import { FeedError } from '../src/errors.js';
import type { FetchFeed, FetchRequest, FetchResult } from '../src/fetch/fetch.js';
import { silentLog } from '../src/log.js';
import { feedUpdated } from '../src/publish/document.js';
import { pollCycle } from '../src/worker/poll-cycle.js';
import { backgroundItems } from './helpers/eval.js';
import { openTestStore, type TestStore } from './helpers/stores.js';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const rss = (items: Array<{ guid: string; title: string; date?: string; html?: string }>) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>https://site.example/</link>${items
    .map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>https://site.example/${i.guid}</link>${i.date ? `<pubDate>${i.date}</pubDate>` : ''}${i.html ? `<description><![CDATA[${i.html}]]></description>` : ''}</item>`)
    .join('')}</channel></rss>`;

function config(extra: object = {}): Config {
  return configSchema.parse({
    sources: [
      { id: 'a', name: 'أ', url: 'https://a.example/feed' },
      { id: 'b', name: 'ب', url: 'https://b.example/feed' },
      { id: 'c', name: 'ج', url: 'https://c.example/feed' },
    ],
    topics: [{ id: 'daraa', title: 'درعا', keywords: ['درعا'] }],
    ...extra,
  });
}

/** A fake fetch: url → body text, a FeedError to throw, or 'not-modified'. */
function fakeFetch(routes: Record<string, string | FeedError | 'not-modified'>, calls: FetchRequest[] = []): FetchFeed {
  return async (req): Promise<FetchResult> => {
    calls.push(req);
    const r = routes[req.url];
    if (r === undefined) throw new FeedError('http', 'HTTP 404 Not Found', 404);
    if (r instanceof FeedError) throw r;
    if (r === 'not-modified') return { kind: 'not-modified', status: 304 };
    return { kind: 'ok', status: 200, url: req.url, bytes: new TextEncoder().encode(r), etag: `"${r.length}"` };
  };
}

const deps = (store: TestStore, fetch: FetchFeed, now = NOW) => ({ store, fetch, now: () => now, log: silentLog });
const dated = 'Sun, 29 Nov 2026 08:00:00 GMT';

describe('pollCycle', () => {
  it('folds across sources, files topics, and stores once', async () => {
    const store = await openTestStore();
    const fetch = fakeFetch({
      'https://a.example/feed': rss([{ guid: 'a1', title: 'افتتاح مشفى جديد في درعا', date: dated }]),
      'https://b.example/feed': rss([{ guid: 'b1', title: 'افتتاح مشفى جديد فى درعا - أ', date: dated }]),
      'https://c.example/feed': rss([{ guid: 'c1', title: 'خبر آخر', date: dated }]),
    });
    const reports = await pollCycle(config(), deps(store, fetch), { onlyDue: false });
    expect(reports.map((r) => [r.sourceId, r.outcome, r.newStories, r.folded])).toEqual([
      ['a', 'ok', 1, 0],
      ['b', 'ok', 0, 1],
      ['c', 'ok', 1, 0],
    ]);
    expect(store.writes).toBe(1);
    const stories = (await store.dump()).stories;
    expect(stories).toHaveLength(2);
    expect(stories.find((s) => s.reporters.length === 2)?.topics).toEqual(['daraa']);
  });

  it('folds re-worded headlines by their summaries\' first sentences among a window of summaries', async () => {
    const store = await openTestStore();
    const date = new Date(NOW - 3_600_000).toUTCString();
    const others = backgroundItems(true, NOW, ['انقطاع المياه عن أحياء واسعة في حلب', 'توقف محطة سليمان الحلبي عن ضخ المياه']).slice(0, 150);
    const fetch = fakeFetch({
      'https://a.example/feed': rss([
        ...others.map((x, n) => ({ guid: `o${n}`, title: x.title, date, html: x.html })),
        { guid: 'a1', title: 'انقطاع المياه عن أحياء واسعة في حلب', date, html: '<p>توقفت محطة سليمان الحلبي عن ضخ المياه إلى الأحياء الشرقية في حلب صباح الأحد إثر عطل في خط التوتر العالي المغذي للمحطة. وقالت المؤسسة…</p>' },
      ]),
      'https://b.example/feed': rss([
        { guid: 'b1', title: 'توقف محطة سليمان الحلبي عن ضخ المياه', date, html: '<p>أعلنت مؤسسة المياه في حلب خروج المحطة عن الخدمة الأحد بسبب عطل في خط التوتر العالي، ما قطع المياه عن الأحياء الشرقية. وأضافت…</p>' },
      ]),
      'https://c.example/feed': rss([]),
    });
    const reports = await pollCycle(config(), deps(store, fetch), { onlyDue: false });
    expect(reports.find((r) => r.sourceId === 'b')?.folded).toBe(1);
    const water = (await store.dump()).stories.find((s) => s.reporters.some((r) => r.guid === 'b1'))!;
    expect(water.reporters.map((r) => r.guid)).toEqual(['a1', 'b1']);
    expect(water.reporters[1]!.joined).toMatchObject({ by: 'similar', lead: true });
  });

  it('one broken source never stops the others nor removes stored stories', async () => {
    const store = await openTestStore();
    const good = rss([{ guid: 'a1', title: 'خبر', date: dated }]);
    await pollCycle(config(), deps(store, fakeFetch({ 'https://a.example/feed': good, 'https://b.example/feed': rss([{ guid: 'b1', title: 'خبر ب', date: dated }]) })), { onlyDue: false });
    expect((await store.dump()).stories).toHaveLength(2);
    const reports = await pollCycle(
      config(),
      deps(store, fakeFetch({ 'https://a.example/feed': good, 'https://b.example/feed': new FeedError('timeout', 'no complete answer within 20 s'), 'https://c.example/feed': '<html><body>oops</body></html>' })),
      { onlyDue: false },
    );
    expect(reports.map((r) => r.outcome)).toEqual(['ok', 'failed', 'failed']);
    expect(reports[1]!.error).toEqual({ code: 'timeout', message: 'no complete answer within 20 s' });
    expect(reports[2]!.error?.code).toBe('not-a-feed');
    expect((await store.dump()).stories).toHaveLength(2);
    expect((await store.dump()).sources.b).toMatchObject({ consecutiveFailures: 1, lastError: 'no complete answer within 20 s' });
    expect((await store.dump()).sources.a).toMatchObject({ consecutiveFailures: 0, lastStatus: 200 });
  });

  it('sends the stored validators and treats 304 as success without changes', async () => {
    const store = await openTestStore();
    const calls: FetchRequest[] = [];
    const body = rss([{ guid: 'a1', title: 'خبر', date: dated }]);
    await pollCycle(config(), deps(store, fakeFetch({ 'https://a.example/feed': body })), { onlyDue: false });
    const reports = await pollCycle(config(), deps(store, fakeFetch({ 'https://a.example/feed': 'not-modified' }, calls)), { onlyDue: false });
    expect(calls.find((c) => c.url === 'https://a.example/feed')?.etag).toBe(`"${body.length}"`);
    expect(reports[0]!.outcome).toBe('not-modified');
    expect((await store.dump()).stories).toHaveLength(1);
  });

  it('does not re-add an item retention dropped while it lingers in its feed', async () => {
    const store = await openTestStore();
    const old = rss([{ guid: 'a1', title: 'خبر قديم', date: 'Sun, 01 Nov 2026 08:00:00 GMT' }]);
    const cfg = config({ retention: { days: 30 } });
    await pollCycle(cfg, deps(store, fakeFetch({ 'https://a.example/feed': old }), Date.parse('2026-11-10T00:00:00Z')), { onlyDue: false });
    expect((await store.dump()).stories).toHaveLength(1);
    const reports = await pollCycle(cfg, deps(store, fakeFetch({ 'https://a.example/feed': old }), Date.parse('2026-12-05T00:00:00Z')), { onlyDue: false });
    expect((await store.dump()).stories).toHaveLength(0);
    expect(reports[0]).toMatchObject({ newStories: 0, known: 1 });
  });

  it('with onlyDue polls only sources whose time has come; skips disabled ones', async () => {
    const store = await openTestStore();
    const calls: FetchRequest[] = [];
    const routes = { 'https://a.example/feed': rss([]), 'https://b.example/feed': rss([]), 'https://c.example/feed': rss([]) };
    const cfg = configSchema.parse({ ...config(), sources: config().sources.map((s) => (s.id === 'c' ? { ...s, enabled: false } : s)) });
    await pollCycle(cfg, deps(store, fakeFetch(routes, calls)), { onlyDue: true });
    expect(calls.map((c) => c.url)).toEqual(['https://a.example/feed', 'https://b.example/feed']);
    calls.length = 0;
    await pollCycle(cfg, deps(store, fakeFetch(routes, calls), NOW + 60_000), { onlyDue: true });
    expect(calls).toEqual([]); // not due again within the schedule's 10 minutes
    await pollCycle(cfg, deps(store, fakeFetch(routes, calls), NOW + 60_000), { onlyDue: false });
    expect(calls).toHaveLength(2); // a manual refresh polls every enabled source
  });

  it('re-files stored stories when the topic rules change, without refetching them', async () => {
    const store = await openTestStore();
    const body = rss([{ guid: 'a1', title: 'افتتاح مشفى في حمص', date: dated }]);
    await pollCycle(config(), deps(store, fakeFetch({ 'https://a.example/feed': body })), { onlyDue: false });
    expect((await store.dump()).stories[0]!.topics).toEqual([]);
    const edited = configSchema.parse({ ...config(), topics: [...config().topics, { id: 'homs', title: 'حمص', keywords: ['حمص'] }] });
    await pollCycle(edited, deps(store, fakeFetch({ 'https://a.example/feed': 'not-modified' })), { onlyDue: false });
    expect((await store.dump()).stories[0]!.topics).toEqual(['homs']);
  });

  it('makes the earliest report the first reporter, whatever the config order', async () => {
    const routes = {
      'https://a.example/feed': rss([{ guid: 'a1', title: 'انفجار في حمص', date: 'Sun, 29 Nov 2026 11:00:00 GMT' }]),
      'https://b.example/feed': rss([{ guid: 'b1', title: 'انفجار في حمص', date: 'Sun, 29 Nov 2026 06:00:00 GMT' }]),
      'https://c.example/feed': rss([{ guid: 'c1', title: 'انفجار فى حمص', date: 'Sun, 29 Nov 2026 09:00:00 GMT' }]),
    };
    const results = [];
    for (const order of [['a', 'b', 'c'], ['c', 'a', 'b'], ['b', 'c', 'a']]) {
      const store = await openTestStore();
      const cfg = configSchema.parse({ ...config(), sources: order.map((id) => config().sources.find((s) => s.id === id)!) });
      await pollCycle(cfg, deps(store, fakeFetch(routes)), { onlyDue: false });
      const [story] = (await store.dump()).stories;
      results.push({ id: story!.id, published: story!.published, reporters: story!.reporters.map((r) => r.sourceId) });
    }
    expect(results[0]).toEqual({ id: expect.any(String), published: '2026-11-29T06:00:00.000Z', reporters: ['b', 'c', 'a'] });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it('moves the feed\'s Last-Modified when a story with an older date arrives', async () => {
    const store = await openTestStore();
    await pollCycle(config(), deps(store, fakeFetch({ 'https://a.example/feed': rss([{ guid: 'a1', title: 'خبر أول', date: 'Sun, 29 Nov 2026 10:00:00 GMT' }]) })), { onlyDue: false });
    const first = feedUpdated((await store.dump()).stories);
    const later = NOW + 3_600_000;
    await pollCycle(config(), deps(store, fakeFetch({ 'https://b.example/feed': rss([{ guid: 'b1', title: 'خبر ثان', date: 'Sun, 29 Nov 2026 09:00:00 GMT' }]) }), later), { onlyDue: false });
    const second = feedUpdated((await store.dump()).stories);
    expect(second > first).toBe(true);
    expect(second).toBe(new Date(later).toISOString());
  });

  it('bumps updated of a stored story that joins a topic after an edit', async () => {
    const store = await openTestStore();
    await pollCycle(config(), deps(store, fakeFetch({ 'https://a.example/feed': rss([{ guid: 'a1', title: 'افتتاح مشفى في حمص', date: dated }]) })), { onlyDue: false });
    const before = (await store.dump()).stories[0]!.updated;
    const edited = configSchema.parse({ ...config(), topics: [{ id: 'homs', title: 'حمص', keywords: ['حمص'] }] });
    await pollCycle(edited, deps(store, fakeFetch({}), NOW + 60_000), { onlyDue: false });
    expect((await store.dump()).stories[0]!.updated).toBe(new Date(NOW + 60_000).toISOString());
    expect(before).toBe('2026-11-29T08:00:00.000Z');
  });

  it('never folds a new item into a story retention drops in the same write (the item would be lost)', async () => {
    const store = await openTestStore();
    const cfg = config({ retention: { days: 2 } });
    const at = (h: number) => new Date(NOW + h * 3_600_000).toUTCString();
    // A story first reported 37 h before NOW (retention: 48 h).
    await pollCycle(cfg, deps(store, fakeFetch({ 'https://a.example/feed': rss([{ guid: 'a1', title: 'افتتاح جسر جديد في حماة', date: at(-37) }]) })), { onlyDue: false });
    // Still kept 10 h later (47 h old).
    await pollCycle(cfg, deps(store, fakeFetch({ 'https://b.example/feed': rss([{ guid: 'b1', title: 'خبر آخر', date: at(9) }]) }), NOW + 10 * 3_600_000), { onlyDue: false });
    expect((await store.dump()).stories.map((s) => s.reporters[0]!.guid)).toEqual(['a1', 'b1']);
    // At +12 h the write that stores c's item drops it (49 h old). c reports the same
    // headline, within the key's 72 h: it must not join the story being dropped (it would
    // be dropped with it, and never come back: it is seen); it starts a story of its own.
    await pollCycle(cfg, deps(store, fakeFetch({ 'https://c.example/feed': rss([{ guid: 'c1', title: 'افتتاح جسر جديد في حماة', date: at(11) }]) }), NOW + 12 * 3_600_000), { onlyDue: false });
    const stories = (await store.dump()).stories;
    expect(stories.map((s) => s.reporters.map((r) => r.guid))).toEqual([['b1'], ['c1']]);
  });

  it('uses the first-seen time for a future-dated item', async () => {
    const store = await openTestStore();
    await pollCycle(config(), deps(store, fakeFetch({ 'https://a.example/feed': rss([{ guid: 'f', title: 'مستقبل', date: 'Tue, 01 Jun 2027 06:00:00 GMT' }]) })), { onlyDue: false });
    expect((await store.dump()).stories[0]!.published).toBe(new Date(NOW).toISOString());
  });
});
