// A store held whole in memory: the read side and `update` of the lowdb store (which
// persists the whole value after each update) and of read-only snapshots. Single
// process: updates run one at a time in a queue; claims need no lease.
import type { SourceState, Story } from '../model.js';
import { isDue } from '../worker/schedule.js';
import { applyFilter, feedStories } from './select.js';
import type { FeedSelector, Store, StoreData, StoreHealth, StoreStats, UpdateResult } from './store.js';

export interface MemoryStore extends Store {
  /** The current data. Treat as immutable: `update` (or `write`) replaces it. */
  read(): StoreData;
  /** Replace the data whole (and persist it). */
  write(data: StoreData): Promise<void>;
}

/** Drop stories published, and seen entries last seen, before `from` (ISO). */
export function retain(data: StoreData, from: string): StoreData {
  const seen: Record<string, string> = {};
  for (const [k, t] of Object.entries(data.seen)) if (t >= from) seen[k] = t;
  const stories = data.stories.filter((s) => s.published >= from);
  if (stories.length === data.stories.length) return { ...data, seen };
  const kept = new Set(stories.map((s) => s.id));
  const splits = data.splits?.filter((x) => kept.has(x.storyId));
  return { ...data, stories, seen, ...(splits ? { splits } : {}) };
}

/** Stories stored, and per source its reports and those first seen at or after `since`. */
export function storyStats(stories: readonly Story[], since: string): StoreStats {
  const perSource: StoreStats['perSource'] = new Map();
  for (const story of stories) {
    for (const r of story.reporters) {
      let n = perSource.get(r.sourceId);
      if (!n) perSource.set(r.sourceId, (n = { stored: 0, recent: 0 }));
      n.stored++;
      if (r.seenAt >= since) n.recent++;
    }
  }
  return { stories: stories.length, perSource };
}

export function memoryStore(opts: {
  kind: 'lowdb' | 'snapshot';
  data: StoreData;
  persist: (data: StoreData) => Promise<void>;
  health?: StoreHealth;
  close: () => Promise<void>;
}): MemoryStore {
  let data = opts.data;
  let revision = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.catch(() => undefined).then(fn);
    queue = run;
    return run;
  };
  const write = (next: StoreData): Promise<void> => {
    data = next;
    revision++;
    return opts.persist(next);
  };

  // A feed's stories, sorted once per revision (and, for the top feed, per 10 minutes):
  // its formats, pages and filters share one filter-and-sort.
  const SLOT_MS = 600_000;
  const sorted = new Map<string, { data: StoreData; slot: number; stories: Story[] }>();
  const storiesOf = (key: FeedSelector, now: number): Story[] => {
    const id = `${key.kind}:${'id' in key ? key.id : ''}`;
    const slot = key.kind === 'top' ? Math.floor(now / SLOT_MS) : 0;
    const hit = sorted.get(id);
    if (hit && hit.data === data && hit.slot === slot) return hit.stories;
    const stories = feedStories(data.stories, key, now);
    sorted.set(id, { data, slot, stories });
    return stories;
  };

  return {
    kind: opts.kind,
    health: opts.health,
    read: () => data,
    write: (next) => serial(() => write(next)),
    revision: async () => revision,
    head: async () => ({ sources: data.sources, ...(data.topicRules ? { topicRules: data.topicRules } : {}), ...(data.splits ? { splits: data.splits } : {}) }),
    async seenOf(keys) {
      const out: Record<string, string> = {};
      for (const k of keys) if (data.seen[k]) out[k] = data.seen[k];
      return out;
    },
    async claim(ids, { now, onlyDue }) {
      const out = new Map<string, SourceState | undefined>();
      for (const id of ids) if (!onlyDue || isDue(data.sources[id], now)) out.set(id, data.sources[id]);
      return out;
    },
    release: async () => undefined,
    update<T>(_scope: unknown, fn: (view: StoreData) => UpdateResult<T>): Promise<T> {
      return serial(async () => {
        const out = fn(data);
        await write(out.retainFrom ? retain(out.data, out.retainFrom) : out.data);
        return out.result;
      });
    },
    async feedPage(key, query, offset, limit, now) {
      const all = storiesOf(key, now);
      const filtered = query.since || query.sources || query.q ? applyFilter(all, query) : all;
      return { stories: filtered.slice(offset, offset + limit), more: filtered.length > offset + limit, sources: data.sources };
    },
    story: async (id) => data.stories.find((s) => s.id === id),
    stats: async (since) => storyStats(data.stories, since),
    async *eachStory(batchSize = 1000) {
      const stories = data.stories;
      for (let i = 0; i < stories.length; i += batchSize) yield stories.slice(i, i + batchSize);
    },
    async meta() {
      const { stories: _stories, ...rest } = data;
      return rest;
    },
    close: async () => {
      await queue.catch(() => undefined);
      await opts.close();
    },
  };
}
