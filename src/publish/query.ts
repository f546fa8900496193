// The query parameters every feed takes, checked strictly: a reader with a typo gets a
// 400 with a one-line reason, never a silently unfiltered feed or a 500.
import type { Config } from '../config/schema.js';
import { foldWords } from '../normalize/arabic.js';
import type { StoryFilter } from '../store/select.js';

export interface FeedQuery extends StoryFilter {
  /** 1–500, overrides feed.maxEntries. */
  limit?: number;
}

export type QueryResult = { ok: true; query: FeedQuery } | { ok: false; reason: string };

const KNOWN = new Set(['limit', 'since', 'source', 'q']);

export function parseFeedQuery(params: Record<string, unknown>, config: Config): QueryResult {
  const query: FeedQuery = {};
  for (const [key, raw] of Object.entries(params)) {
    if (!KNOWN.has(key)) return { ok: false, reason: `unknown parameter "${key}" (known: limit, since, source, q)` };
    if (typeof raw !== 'string') return { ok: false, reason: `parameter "${key}" given more than once` };
    const value = raw.trim();
    if (key === 'limit') {
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 500) return { ok: false, reason: 'limit must be a whole number from 1 to 500' };
      query.limit = Number(value);
    } else if (key === 'since') {
      const t = Date.parse(value);
      const [y, m, d] = (value.match(/^(\d{4})-(\d{2})-(\d{2})/) ?? []).slice(1).map(Number);
      // Date.parse rolls "2026-02-30" over to March: check the calendar date itself.
      const real = y !== undefined && m! >= 1 && m! <= 12 && d! >= 1 && d! <= new Date(Date.UTC(y, m!, 0)).getUTCDate();
      if (!real || Number.isNaN(t)) return { ok: false, reason: 'since must be an ISO 8601 time, e.g. 2026-11-29T00:00:00Z' };
      query.since = new Date(t).toISOString();
    } else if (key === 'source') {
      const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = ids.find((id) => !config.sources.some((s) => s.id === id));
      if (ids.length === 0 || unknown !== undefined) return { ok: false, reason: `unknown source "${unknown ?? ''}" in source=` };
      query.sources = ids;
    } else if (key === 'q') {
      if (!foldWords(value)) return { ok: false, reason: 'q must contain a word' };
      if (value.length > 200) return { ok: false, reason: 'q is longer than 200 characters' };
      query.q = value;
    }
  }
  return { ok: true, query };
}

/** The canonical text of a query, for cache keys (same filters, same key). */
export function queryKey(q: FeedQuery): string {
  return JSON.stringify([q.limit ?? null, q.since ?? null, q.sources ? [...q.sources].sort() : null, q.q ?? null]);
}

/** The query as a canonical URL search string ("" when there is none), for self links. */
export function querySearch(q: FeedQuery): string {
  const params = new URLSearchParams();
  if (q.limit !== undefined) params.set('limit', String(q.limit));
  if (q.since) params.set('since', q.since);
  if (q.sources) params.set('source', [...q.sources].sort().join(','));
  if (q.q) params.set('q', q.q);
  const text = params.toString();
  return text ? `?${text}` : '';
}
