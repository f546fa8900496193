// When a source is due. The global cron schedule ticks; a source is due when its
// `nextDue` has passed (or it was never polled). After a poll, nextDue is the next tick.
import cron from 'node-cron';
import type { SourceState } from '../model.js';

// A tick fires a few ms after its minute; a source whose nextDue is that minute must count
// as due then, so nextDue sits this much before the tick.
const TICK_GRACE_MS = 30_000;

/** The next time the cron schedule fires after `now`, in ms. */
export function nextTick(schedule: string, now: number, timezone?: string): number {
  const task = cron.createTask(schedule, () => undefined, timezone ? { timezone } : {});
  try {
    // getNextRuns counts from the real clock; step past `now` when the caller's clock differs.
    const runs = task.getNextRuns(50).map((d) => d.getTime());
    const next = runs.find((t) => t > now);
    if (next !== undefined) return next;
    const step = runs.length > 1 ? runs[1]! - runs[0]! : 600_000;
    return now + step;
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
