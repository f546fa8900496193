// What /status.json tells an operator: every configured source by id, its state and why.
import type { Config } from '../config/schema.js';
import type { SourceState } from '../model.js';
import type { Store, StoreHealth, StoreStats } from '../store/store.js';
import { inRetryAfterWindow, nextTick } from '../worker/schedule.js';

export type SourceHealth = 'ok' | 'failing' | 'backing-off' | 'disabled' | 'pending';

export interface SourceStatus {
  id: string;
  name: string;
  url: string;
  state: SourceHealth;
  lastAttempt?: string;
  lastSuccess?: string;
  lastStatus?: number;
  consecutiveFailures: number;
  lastError?: string;
  lastErrorCode?: string;
  nextDue?: string;
  /** When the scheduler will actually poll it: the first schedule tick at or after nextDue. */
  nextPoll?: string;
  retryAfterUntil?: string;
  /** The configured URL redirects permanently here: update `url` in the config. */
  movedTo?: string;
  /** Items from this source first seen in the last 24 hours. */
  itemsLast24h: number;
  storiesStored: number;
}

export interface Status {
  generatedAt: string;
  /** Trouble with the store itself: a failed write (the disk is full), a file moved aside. */
  store?: StoreHealth;
  totals: Record<SourceHealth, number> & { sources: number; stories: number };
  sources: SourceStatus[];
}

export function sourceHealth(enabled: boolean, failures: number, polled: boolean, rateLimited: boolean): SourceHealth {
  if (!enabled) return 'disabled';
  if (failures > 0) return 'failing';
  if (rateLimited) return 'backing-off';
  return polled ? 'ok' : 'pending';
}

function nextPollTime(schedule: string, nextDue: string | undefined, now: number): string {
  const from = Math.max(now, nextDue ? Date.parse(nextDue) : now);
  return new Date(nextTick(schedule, from - 1)).toISOString();
}

/** `stats` counts reports first seen since 24 hours before `now`. */
export function buildStatus(config: Config, data: { sources: Record<string, SourceState> }, stats: StoreStats, now: number, health?: StoreHealth): Status {
  const sources = config.sources.map((s): SourceStatus => {
    const st = data.sources[s.id];
    return {
      id: s.id,
      name: s.name,
      url: s.url,
      state: sourceHealth(s.enabled, st?.consecutiveFailures ?? 0, !!st?.lastAttempt, inRetryAfterWindow(st, now)),
      lastAttempt: st?.lastAttempt,
      lastSuccess: st?.lastSuccess,
      lastStatus: st?.lastStatus,
      consecutiveFailures: st?.consecutiveFailures ?? 0,
      lastError: st?.lastError,
      lastErrorCode: st?.lastErrorCode,
      nextDue: s.enabled ? st?.nextDue : undefined,
      nextPoll: s.enabled ? nextPollTime(config.schedule, st?.nextDue, now) : undefined,
      retryAfterUntil: st?.retryAfterUntil,
      movedTo: st?.permanentRedirect,
      itemsLast24h: stats.perSource.get(s.id)?.recent ?? 0,
      storiesStored: stats.perSource.get(s.id)?.stored ?? 0,
    };
  });
  const totals = { sources: sources.length, stories: stats.stories, ok: 0, failing: 0, 'backing-off': 0, disabled: 0, pending: 0 };
  for (const s of sources) totals[s.state]++;
  const store = health && (health.lastWriteError || health.movedAside) ? { ...health } : undefined;
  return { generatedAt: new Date(now).toISOString(), ...(store ? { store } : {}), totals, sources };
}

/** The status of what a store holds now. */
export async function storeStatus(config: Config, store: Store, now = Date.now()): Promise<Status> {
  return buildStatus(config, await store.head(), await store.stats(new Date(now - 86_400_000).toISOString()), now, store.health);
}
