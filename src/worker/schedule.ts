// When a source is due. The global cron schedule ticks; a source is due when its
// `nextDue` has passed (or it was never polled). Pure functions of the source's state.
import cron from 'node-cron';
import type { Config, SourceConfig } from '../config/schema.js';
import { parseDuration } from '../config/duration.js';
import type { SourceState } from '../model.js';

// A tick fires a few ms after its minute; a source whose nextDue is that minute must count
// as due then, so nextDue sits this much before the tick.
const TICK_GRACE_MS = 30_000;
const FIRST_BACKOFF_MS = 10 * 60_000;
/** After a 429 without Retry-After. */
const RATE_LIMIT_WAIT_MS = 30 * 60_000;
/** Some servers answer 304 to everything: fetch once without validators after this long. */
export const UNCONDITIONAL_AFTER_MS = 12 * 3_600_000;

/** The next time the cron schedule fires after `now`, in ms (minute resolution; a
 * seconds field, which node-cron allows, is treated as firing at second 0). Steps minute
 * by minute with node-cron's own matcher, so it works for any clock, real or fake. */
const tickCache = new Map<string, number>();

export function nextTick(schedule: string, now: number, timezone?: string): number {
  // One cycle asks this for every source with the same minute: compute it once.
  const key = `${schedule}\n${timezone ?? ''}\n${Math.floor(now / 60_000)}`;
  const cached = tickCache.get(key);
  if (cached !== undefined) return cached;
  const next = computeNextTick(schedule, now, timezone);
  if (tickCache.size > 256) tickCache.clear();
  tickCache.set(key, next);
  return next;
}

function computeNextTick(schedule: string, now: number, timezone?: string): number {
  const task = cron.createTask(schedule, () => undefined, timezone ? { timezone } : {});
  try {
    const start = Math.floor(now / 60_000) * 60_000 + 60_000;
    for (let t = start, n = 0; n < 366 * 1440; t += 60_000, n++) {
      if (task.match(new Date(t))) return t;
    }
    return start + 86_400_000; // a schedule that never fires within a year: daily
  } finally {
    task.destroy();
  }
}

/** When a source polled at `now` is due again: the first tick at least the grace away,
 * so a poll just before a tick is not repeated at that tick. */
export function nextDueAfter(schedule: string, now: number): string {
  return new Date(nextTick(schedule, now + TICK_GRACE_MS) - TICK_GRACE_MS).toISOString();
}

export function isDue(state: SourceState | undefined, now: number): boolean {
  return !state?.nextDue || Date.parse(state.nextDue) <= now;
}

/** Inside a Retry-After window the site asked for: no request at all, not even by hand. */
export function inRetryAfterWindow(state: SourceState | undefined, now: number): boolean {
  return !!state?.retryAfterUntil && Date.parse(state.retryAfterUntil) > now;
}

/** 10 min, 20 min, 40 min … after the 1st, 2nd, 3rd failure in a row, capped. */
export function backoffMs(consecutiveFailures: number, maxHours: number): number {
  const n = Math.max(1, consecutiveFailures);
  return Math.min(FIRST_BACKOFF_MS * 2 ** Math.min(n - 1, 20), maxHours * 3_600_000);
}

export type PollOutcome =
  | { kind: 'ok' }
  | { kind: 'failed'; consecutiveFailures: number; retryAfterMs?: number }
  | { kind: 'rate-limited'; retryAfterMs?: number };

/**
 * The next due time after a poll. A success waits for the source's `interval`, else the
 * next schedule tick; a failure backs off (never sooner than the next tick); a rate limit
 * waits as long as the site asked (capped at backoff.maxHours: a hostile Retry-After
 * must not silence a source for a year).
 */
export function nextDueFor(source: SourceConfig, config: Config, outcome: PollOutcome, now: number): string {
  // The source's own interval paces its successes only: a weekly feed that fails is
  // retried on the backoff, not a week later.
  const interval = source.interval && outcome.kind === 'ok' ? parseDuration(source.interval) : undefined;
  const regular = interval ? new Date(now + interval - TICK_GRACE_MS).toISOString() : nextDueAfter(config.schedule, now);
  const cap = config.backoff.maxHours * 3_600_000;
  let wait = 0;
  if (outcome.kind === 'failed') wait = Math.max(backoffMs(outcome.consecutiveFailures, config.backoff.maxHours), outcome.retryAfterMs ?? 0);
  if (outcome.kind === 'rate-limited') wait = outcome.retryAfterMs ?? RATE_LIMIT_WAIT_MS;
  const waited = new Date(now + Math.min(wait, cap)).toISOString();
  return waited > regular ? waited : regular;
}
