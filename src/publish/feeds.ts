// Which stories each published feed holds, rendered once per change and cached as bytes
// with their validators. `serve` (and `build`) only hand these bytes out.
import { createHash } from 'node:crypto';
import type { Config } from '../config/schema.js';
import type { Story } from '../model.js';
import type { Metrics } from '../metrics.js';
import type { Store, StoreData } from '../store/store.js';
import { renderAtom } from './atom.js';
import { entryDoc, escapeHtml, feedUpdated, TAG_PREFIX, type EntryDoc, type FeedDoc, type Format, type SourceInfo } from './document.js';
import { renderJsonFeed } from './json-feed.js';
import { applyQuery, queryKey, querySearch, type FeedQuery } from './query.js';
import { renderRss } from './rss.js';

export interface Rendered {
  body: Buffer;
  /** Strong validator: a hash of the bytes, so it changes exactly when they do. */
  etag: string;
  /** The newest entry's change, as an HTTP date. */
  lastModified: string;
  contentType: string;
  /** Compressed bodies, made on first request and kept with the render. */
  encoded: Map<string, Buffer>;
}

export type FeedKey = { kind: 'all' } | { kind: 'top' } | { kind: 'topic'; id: string } | { kind: 'source'; id: string };

export const CONTENT_TYPES: Record<Format, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** Newest first by published; ties broken by id so the order never flickers. */
export function byPublishedDesc(a: Story, b: Story): number {
  return a.published < b.published ? 1 : a.published > b.published ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** How many distinct outlets reported a story. */
export const outletCount = (s: Story): number => new Set(s.reporters.map((r) => r.sourceId)).size;

/** The top feed's reach: stories of the last 24 hours. */
export const TOP_HOURS = 24;

/**
 * All stories of a feed, newest first (before paging and limits). The top feed: the
 * stories of the last 24 h that two or more outlets reported, most outlets first.
 */
export function feedStories(stories: readonly Story[], key: FeedKey, now = Date.now()): Story[] {
  if (key.kind === 'top') {
    const since = new Date(now - TOP_HOURS * 3_600_000).toISOString();
    return stories
      .filter((s) => s.published >= since)
      .map((s) => ({ s, n: outletCount(s) }))
      .filter((x) => x.n >= 2)
      .sort((a, b) => b.n - a.n || byPublishedDesc(a.s, b.s))
      .map((x) => x.s);
  }
  const chosen =
    key.kind === 'all'
      ? [...stories]
      : key.kind === 'topic'
        ? stories.filter((s) => s.topics.includes(key.id))
        : stories.filter((s) => s.reporters.some((r) => r.sourceId === key.id));
  return chosen.sort(byPublishedDesc);
}

/** "/feeds/all", "/feeds/topics/daraa", "/feeds/sources/sana": the path without format. */
export function feedBase(key: FeedKey): string {
  return key.kind === 'all' || key.kind === 'top' ? `/feeds/${key.kind}` : `/feeds/${key.kind === 'topic' ? 'topics' : 'sources'}/${key.id}`;
}

/** Path of a page: page 1 is the feed itself, older pages are archive documents. */
export function pagePath(key: FeedKey, format: Format, page: number): string {
  return page <= 1 ? `${feedBase(key)}.${format}` : `${feedBase(key)}/page/${page}.${format}`;
}

export interface Publisher {
  /** The rendered document, or undefined for a topic, source or page that does not exist. */
  render(key: FeedKey, format: Format, query?: FeedQuery, page?: number): Rendered | undefined;
  /** Call after a config reload: every cached render is dropped. */
  setConfig(config: Config): void;
  /** Every (key, page) that exists now, for the static export. */
  pages(): Array<{ key: FeedKey; page: number }>;
}

const MAX_CACHED = 500;

export function createPublisher(initial: Config, store: Store, metrics?: Pick<Metrics, 'recordRender'>): Publisher {
  let config = initial;
  let generation = 0;
  const cache = new Map<string, { revision: number; generation: number; slot: string; fingerprint: string; rendered: Rendered }>();

  const exists = (key: FeedKey) =>
    key.kind === 'all' ||
    key.kind === 'top' ||
    (key.kind === 'topic' ? config.topics.some((t) => t.id === key.id) : config.sources.some((s) => s.id === key.id));

  // A feed's stories, newest first, once per store revision: its three formats and every
  // page and query share the one filter-and-sort instead of each doing it again.
  // The top feed also changes with the clock (stories age out of its 24 h): its cached
  // selection and renders are per 10-minute slot.
  const SLOT_MS = 600_000;
  const slot = (key: FeedKey) => (key.kind === 'top' ? String(Math.floor(Date.now() / SLOT_MS)) : '');
  const sorted = new Map<string, { revision: number; slot: string; data: StoreData; stories: Story[] }>();
  const storiesOf = (key: FeedKey): { data: StoreData; stories: Story[] } => {
    const id = `${key.kind}:${'id' in key ? key.id : ''}`;
    const hit = sorted.get(id);
    if (hit && hit.revision === store.revision && hit.data === store.read() && hit.slot === slot(key)) return hit;
    const data = store.read();
    const entry = { revision: store.revision, slot: slot(key), data, stories: feedStories(data.stories, key, Date.now()) };
    sorted.set(id, entry);
    return entry;
  };

  /** The stories of one page, and how many pages there are. */
  const select = (key: FeedKey, query: FeedQuery, page: number) => {
    const { data, stories: all } = storiesOf(key);
    const filtered = query.since || query.sources || query.q ? applyQuery(all, query) : all;
    const size = query.limit ?? config.feed.maxEntries;
    const pages = Math.max(1, Math.ceil(filtered.length / size));
    return { data, pages, stories: page > pages ? undefined : filtered.slice((page - 1) * size, page * size) };
  };

  /** What a page's bytes depend on: a poll that touched none of it leaves its render. */
  const fingerprintOf = (sel: ReturnType<typeof select>): string => {
    const h = createHash('sha1');
    h.update(String(sel.pages));
    for (const s of sel.stories ?? []) {
      h.update(`${s.id}|${s.updated}|${s.topics.join(',')}|${s.reporters.length}\n`);
      for (const r of s.reporters) {
        const st = sel.data.sources[r.sourceId];
        h.update(`${r.sourceId}|${st?.feedLink ?? ''}|${st?.feedTitle ?? ''}\n`);
      }
    }
    return h.digest('base64');
  };

  const describe = (key: FeedKey, query: FeedQuery, page: number, sel: ReturnType<typeof select>): FeedDoc | undefined => {
    const { data, pages, stories } = sel;
    if (!stories) return undefined;
    const base = config.publicUrl.replace(/\/+$/, '');
    const sources = new Map<string, SourceInfo>(
      config.sources.map((s) => [s.id, { id: s.id, name: s.name, url: s.url, lang: s.lang, state: data.sources[s.id] }]),
    );
    const topicTitles = new Map(config.topics.map((t) => [t.id, t.title]));
    const topic = key.kind === 'topic' ? config.topics.find((t) => t.id === key.id) : undefined;
    const source = key.kind === 'source' ? config.sources.find((s) => s.id === key.id) : undefined;
    const top = key.kind === 'top';
    const name = topic?.title ?? source?.name ?? (top ? 'ما تتناقله المصادر' : undefined);
    // Paging links only on the unfiltered feed: a filtered view is a query, not an archive.
    const paged = !query.since && !query.sources && !query.q && query.limit === undefined;
    const search = querySearch(query);
    const urls = (p: number, q = '') => ({ atom: base + pagePath(key, 'atom', p) + q, rss: base + pagePath(key, 'rss', p) + q, json: base + pagePath(key, 'json', p) + q });
    const self = urls(page, search);
    return {
      id: `${TAG_PREFIX}:feed/${'id' in key ? `${key.kind}/${key.id}` : key.kind}${page > 1 ? `/page/${page}` : ''}`,
      title: name ? `نهر — ${name}` : 'نهر — كل الأخبار',
      subtitle: top
        ? `أخبار آخر ${TOP_HOURS} ساعة التي نقلتها أكثر من جهة، مرتبة بعدد المصادر`
        : topic
        ? `أخبار ${topic.title} من المصادر السورية والعربية، الخبر الواحد مرة واحدة`
        : source
          ? `أخبار ${source.name} كما نشرها، منظفة`
          : 'أخبار سوريا والمنطقة من مصادر عدة، الخبر الواحد مرة واحدة',
      // The top feed also changes when a story ages out of its 24 h: its updated (and
      // Last-Modified) is at least the start of the 10-minute slot it was built in, so it
      // never goes back and If-Modified-Since never answers 304 for a changed body.
      updated: top ? maxIso(feedUpdated(stories), new Date(Math.floor(Date.now() / SLOT_MS) * SLOT_MS).toISOString()) : feedUpdated(stories),
      homeUrl: `${base}/`,
      self,
      ...(paged && page < pages ? { next: urls(page + 1) } : {}),
      ...(paged && page > 1 ? { previous: urls(page - 1) } : {}),
      hubs: config.websub.hubs,
      entries: stories.map((s) => (top ? topEntry(entryDoc(s, sources, topicTitles), s, sources) : entryDoc(s, sources, topicTitles, source?.id))),
    };
  };

  const renderers: Record<Format, (d: FeedDoc) => string> = { atom: renderAtom, rss: renderRss, json: renderJsonFeed };

  return {
    render(key, format, query = {}, page = 1) {
      if (!exists(key) || !Number.isInteger(page) || page < 1) return undefined;
      const id = `${format} ${key.kind}:${'id' in key ? key.id : ''} ${page} ${queryKey(query)}`;
      const hit = cache.get(id);
      if (hit) {
        // Least recently used leaves first: a hit moves to the end.
        cache.delete(id);
        cache.set(id, hit);
      }
      if (hit && hit.revision === store.revision && hit.generation === generation && hit.slot === slot(key)) return hit.rendered;
      const sel = select(key, query, page);
      const fingerprint = fingerprintOf(sel);
      if (hit && hit.generation === generation && hit.fingerprint === fingerprint && sel.stories) {
        hit.revision = store.revision; // the store changed (or the clock moved), this page did not: no render
        hit.slot = slot(key);
        return hit.rendered;
      }
      const doc = describe(key, query, page, sel);
      if (!doc) return undefined;
      const body = Buffer.from(renderers[format](doc), 'utf8');
      metrics?.recordRender(`${format}:${'id' in key ? `${key.kind}/${key.id}` : key.kind}`);
      const rendered: Rendered = {
        body,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
        lastModified: new Date(doc.updated).toUTCString(),
        contentType: CONTENT_TYPES[format],
        encoded: new Map(),
      };
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
      cache.set(id, { revision: store.revision, generation, slot: slot(key), fingerprint, rendered });
      return rendered;
    },
    setConfig(next) {
      config = next;
      generation++;
      cache.clear();
      sorted.clear();
    },
    pages() {
      const keys: FeedKey[] = [{ kind: 'all' }, { kind: 'top' }, ...config.topics.map((t) => ({ kind: 'topic' as const, id: t.id })), ...config.sources.map((s) => ({ kind: 'source' as const, id: s.id }))];
      return keys.flatMap((key) => {
        const count = Math.max(1, Math.ceil(storiesOf(key).stories.length / config.feed.maxEntries));
        return Array.from({ length: count }, (_, i) => ({ key, page: i + 1 }));
      });
    },
  };
}

/** An entry of the top feed says how many outlets reported it, and which. */
function topEntry(entry: EntryDoc, story: Story, sources: ReadonlyMap<string, SourceInfo>): EntryDoc {
  const n = outletCount(story);
  const names = [...new Set(story.reporters.map((r) => sources.get(r.sourceId)?.name ?? r.sourceId))];
  const count = n === 2 ? 'مصدران' : n <= 10 ? `${n} مصادر` : `${n} مصدرًا`;
  return {
    ...entry,
    title: `${entry.title} (${count})`,
    html: `<p dir="rtl">نقلته ${count}: ${names.map(escapeHtml).join('، ')}</p>${entry.html}`,
  };
}

function maxIso(a: string, b: string): string {
  return a >= b ? a : b;
}
