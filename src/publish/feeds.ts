// Which stories each published feed holds, rendered once per change and cached as bytes
// with their validators. `serve` (and `build`) only hand these bytes out.
import { createHash } from 'node:crypto';
import type { Config } from '../config/schema.js';
import type { Story } from '../model.js';
import type { Metrics } from '../metrics.js';
import { outletCount, TOP_HOURS } from '../store/select.js';
import type { FeedSelector, FeedPage, Store } from '../store/store.js';
import { renderAtom } from './atom.js';
import { entryDoc, escapeHtml, feedUpdated, TAG_PREFIX, type EntryDoc, type FeedDoc, type Format, type SourceInfo } from './document.js';
import { renderJsonFeed } from './json-feed.js';
import { queryKey, querySearch, type FeedQuery } from './query.js';
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

export type FeedKey = FeedSelector;
// What each feed holds is the store's to say (store/select.ts); re-exported for the
// publishing side.
export { byPublishedDesc, feedStories, outletCount, TOP_HOURS } from '../store/select.js';

export const CONTENT_TYPES: Record<Format, string> = {
  atom: 'application/atom+xml; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

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
  render(key: FeedKey, format: Format, query?: FeedQuery, page?: number): Promise<Rendered | undefined>;
  /** The newest stories of a feed (the river pages). */
  latest(key: FeedKey, limit: number): Promise<Story[]>;
  /** Call after a config reload: every cached render is dropped. */
  setConfig(config: Config): void;
  /** Every (key, page) that exists now, for the static export. */
  pages(): Promise<Array<{ key: FeedKey; page: number }>>;
}

const MAX_CACHED = 500;

type Selection = FeedPage & { page: number };

export function createPublisher(initial: Config, store: Store, metrics?: Pick<Metrics, 'recordRender'>): Publisher {
  let config = initial;
  let generation = 0;
  const cache = new Map<string, { revision: number; generation: number; slot: string; fingerprint: string; rendered: Rendered }>();

  const exists = (key: FeedKey) =>
    key.kind === 'all' ||
    key.kind === 'top' ||
    (key.kind === 'topic' ? config.topics.some((t) => t.id === key.id) : config.sources.some((s) => s.id === key.id));

  // The top feed also changes with the clock (stories age out of its 24 h): its renders
  // are cached per 10-minute slot.
  const SLOT_MS = 600_000;
  const slot = (key: FeedKey) => (key.kind === 'top' ? String(Math.floor(Date.now() / SLOT_MS)) : '');

  /** The stories of one page, or undefined past the last page. */
  const select = async (key: FeedKey, query: FeedQuery, page: number): Promise<Selection | undefined> => {
    const size = query.limit ?? config.feed.maxEntries;
    const sel = await store.feedPage(key, query, (page - 1) * size, size, Date.now());
    if (page > 1 && sel.stories.length === 0) return undefined;
    return { ...sel, page };
  };

  /** What a page's bytes depend on: a poll that touched none of it leaves its render. */
  const fingerprintOf = (sel: Selection): string => {
    const h = createHash('sha1');
    h.update(String(sel.more));
    for (const s of sel.stories) {
      h.update(`${s.id}|${s.updated}|${s.topics.join(',')}|${s.reporters.length}\n`);
      for (const r of s.reporters) {
        const st = sel.sources[r.sourceId];
        h.update(`${r.sourceId}|${st?.feedLink ?? ''}|${st?.feedTitle ?? ''}\n`);
      }
    }
    return h.digest('base64');
  };

  const describe = (key: FeedKey, query: FeedQuery, sel: Selection): FeedDoc => {
    const { sources: states, more, stories, page } = sel;
    const base = config.publicUrl.replace(/\/+$/, '');
    const sources = new Map<string, SourceInfo>(
      config.sources.map((s) => [s.id, { id: s.id, name: s.name, url: s.url, lang: s.lang, state: states[s.id] }]),
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
      ...(paged && more ? { next: urls(page + 1) } : {}),
      ...(paged && page > 1 ? { previous: urls(page - 1) } : {}),
      hubs: config.websub.hubs,
      entries: stories.map((s) => (top ? topEntry(entryDoc(s, sources, topicTitles), s, sources) : entryDoc(s, sources, topicTitles, source?.id))),
    };
  };

  const renderers: Record<Format, (d: FeedDoc) => string> = { atom: renderAtom, rss: renderRss, json: renderJsonFeed };

  return {
    async render(key, format, query = {}, page = 1) {
      if (!exists(key) || !Number.isInteger(page) || page < 1) return undefined;
      const id = `${format} ${key.kind}:${'id' in key ? key.id : ''} ${page} ${queryKey(query)}`;
      const hit = cache.get(id);
      let revision: number;
      try {
        revision = await store.revision();
      } catch (err) {
        // The database is out of reach for a moment: a front end keeps handing out what it
        // last rendered (stale beats an error for a feed reader); with nothing, it fails.
        if (hit) return hit.rendered;
        throw err;
      }
      if (hit) {
        // Least recently used leaves first: a hit moves to the end.
        cache.delete(id);
        cache.set(id, hit);
      }
      if (hit && hit.revision === revision && hit.generation === generation && hit.slot === slot(key)) return hit.rendered;
      const gen = generation;
      const sel = await select(key, query, page);
      if (!sel) return undefined;
      const fingerprint = fingerprintOf(sel);
      if (hit && hit.generation === gen && hit.fingerprint === fingerprint) {
        hit.revision = revision; // the store changed (or the clock moved), this page did not: no render
        hit.slot = slot(key);
        return hit.rendered;
      }
      const doc = describe(key, query, sel);
      const body = Buffer.from(renderers[format](doc), 'utf8');
      metrics?.recordRender(`${format}:${'id' in key ? `${key.kind}/${key.id}` : key.kind}`);
      const rendered: Rendered = {
        body,
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
        lastModified: new Date(doc.updated).toUTCString(),
        contentType: CONTENT_TYPES[format],
        encoded: new Map(),
      };
      // A config reload while this render waited on the store: serve it, cache nothing.
      if (gen !== generation) return rendered;
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
      cache.set(id, { revision, generation, slot: slot(key), fingerprint, rendered });
      return rendered;
    },
    async latest(key, limit) {
      return (await store.feedPage(key, {}, 0, limit, Date.now())).stories;
    },
    setConfig(next) {
      config = next;
      generation++;
      cache.clear();
    },
    async pages() {
      const keys: FeedKey[] = [{ kind: 'all' }, { kind: 'top' }, ...config.topics.map((t) => ({ kind: 'topic' as const, id: t.id })), ...config.sources.map((s) => ({ kind: 'source' as const, id: s.id }))];
      const out: Array<{ key: FeedKey; page: number }> = [];
      const size = config.feed.maxEntries;
      for (const key of keys) {
        let page = 1;
        for (;;) {
          out.push({ key, page });
          const { more } = await store.feedPage(key, {}, (page - 1) * size, size, Date.now());
          if (!more) break;
          page++;
        }
      }
      return out;
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
