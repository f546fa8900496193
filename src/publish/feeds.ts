// Which stories each published feed holds, rendered once per change and cached as bytes
// with their validators. `serve` only hands these bytes out.
import { createHash } from 'node:crypto';
import type { Config } from '../config/schema.js';
import type { Story } from '../model.js';
import type { Metrics } from '../metrics.js';
import type { Store } from '../store/store.js';
import { feedUpdated, renderAtom, type SourceInfo } from './atom.js';

export interface Rendered {
  body: Buffer;
  /** Strong validator: a hash of the bytes, so it changes exactly when they do. */
  etag: string;
  /** The newest entry's `updated`, as an HTTP date. */
  lastModified: string;
  contentType: string;
}

export type FeedKey = { kind: 'all' } | { kind: 'topic'; id: string };

/** Newest first by published; ties broken by id so the order never flickers. */
export function byPublishedDesc(a: Story, b: Story): number {
  return a.published < b.published ? 1 : a.published > b.published ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function selectStories(stories: readonly Story[], key: FeedKey, maxEntries: number): Story[] {
  const chosen = key.kind === 'all' ? [...stories] : stories.filter((s) => s.topics.includes(key.id));
  return chosen.sort(byPublishedDesc).slice(0, maxEntries);
}

export function feedPath(key: FeedKey): string {
  return key.kind === 'all' ? '/feeds/all.atom' : `/feeds/topics/${key.id}.atom`;
}

export interface Publisher {
  /** The rendered feed, or undefined for a topic the config does not have. */
  atom(key: FeedKey): Rendered | undefined;
  /** Call after a config reload: every cached render is dropped. */
  setConfig(config: Config): void;
}

export function createPublisher(initial: Config, store: Store, metrics?: Pick<Metrics, 'recordRender'>): Publisher {
  let config = initial;
  let generation = 0;
  const cache = new Map<string, { revision: number; generation: number; rendered: Rendered }>();

  const render = (key: FeedKey): Rendered => {
    const data = store.read();
    const base = config.publicUrl.replace(/\/+$/, '');
    const stories = selectStories(data.stories, key, config.feed.maxEntries);
    const sources = new Map<string, SourceInfo>(
      config.sources.map((s) => [s.id, { id: s.id, name: s.name, url: s.url, lang: s.lang, state: data.sources[s.id] }]),
    );
    const topic = key.kind === 'topic' ? config.topics.find((t) => t.id === key.id) : undefined;
    const xml = renderAtom({
      key: key.kind === 'all' ? 'all' : `topic/${key.id}`,
      title: topic ? `نهر — ${topic.title}` : 'نهر — كل الأخبار',
      subtitle: topic
        ? `أخبار ${topic.title} من المصادر السورية والعربية، الخبر الواحد مرة واحدة`
        : 'أخبار سوريا والمنطقة من مصادر عدة، الخبر الواحد مرة واحدة',
      selfUrl: base + feedPath(key),
      homeUrl: `${base}/`,
      stories,
      sources,
      topicTitles: new Map(config.topics.map((t) => [t.id, t.title])),
    });
    const body = Buffer.from(xml, 'utf8');
    return {
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      lastModified: new Date(feedUpdated(stories)).toUTCString(),
      contentType: 'application/atom+xml; charset=utf-8',
    };
  };

  return {
    atom(key) {
      if (key.kind === 'topic' && !config.topics.some((t) => t.id === key.id)) return undefined;
      const id = key.kind === 'all' ? 'all' : `topic/${key.id}`;
      const hit = cache.get(id);
      if (hit && hit.revision === store.revision && hit.generation === generation) return hit.rendered;
      const rendered = render(key);
      metrics?.recordRender(id);
      cache.set(id, { revision: store.revision, generation, rendered });
      return rendered;
    },
    setConfig(next) {
      config = next;
      generation++;
      cache.clear();
    },
  };
}
