// What a config edit does to the stored state. Pure; `serve` applies it in the scheduler's
// queue, then runs a cycle, so the edit takes effect at once:
// - a source that is new, or whose URL or fetch settings changed, is due now (an operator
//   who fixed a failing URL should not wait out the old URL's backoff);
// - a new schedule re-times the healthy sources from their last poll;
// - topics are re-evaluated for every stored story when the topic rules changed.
import type { Config, SourceConfig } from '../config/schema.js';
import type { SourceState } from '../model.js';
import type { Log } from '../log.js';
import type { Store } from '../store/store.js';
import { refileIfRulesChanged } from './poll-cycle.js';
import { nextDueAfter } from './schedule.js';

const fetchSettings = (s: SourceConfig) =>
  JSON.stringify([s.url, s.interval, s.timeoutSeconds, s.userAgent, s.headers, s.enabled, s.timezone]);

/** The source states after a config edit (pure). */
export function sourcesAfterConfigChange(states: Readonly<Record<string, SourceState>>, prev: Config, next: Config, now: number): Record<string, SourceState> {
  const before = new Map(prev.sources.map((s) => [s.id, s]));
  const sources: Record<string, SourceState> = { ...states };
  for (const s of next.sources) {
    const old = before.get(s.id);
    const state = sources[s.id];
    if (!state) continue; // never polled: due already
    if (!old || fetchSettings(old) !== fetchSettings(s)) {
      const urlChanged = !old || old.url !== s.url;
      sources[s.id] = { ...state, nextDue: undefined, ...(urlChanged ? { retryAfterUntil: undefined, etag: undefined, lastModified: undefined } : {}) };
    } else if (prev.schedule !== next.schedule && state.consecutiveFailures === 0 && !state.retryAfterUntil && !s.interval) {
      sources[s.id] = { ...state, nextDue: nextDueAfter(next.schedule, Date.parse(state.lastAttempt ?? new Date(now).toISOString())) };
    }
  }
  return sources;
}

/** Store what a config edit changes: source states, then topics if the rules changed
 * (true when stories were re-filed). */
export async function applyConfigChange(store: Store, prev: Config, next: Config, now: number, log?: Log): Promise<boolean> {
  await store.update({}, (data) => ({ data: { ...data, sources: sourcesAfterConfigChange(data.sources, prev, next, now) }, result: undefined }));
  return refileIfRulesChanged(store, next, now, log);
}
