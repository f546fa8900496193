// The scheduler: polls the sources that are due at start, then on every cron tick.
// node-cron's `noOverlap` skips a tick while a cycle still runs; we track the in-flight
// cycle ourselves because `task.stop()` returns before a running cycle ends (PACKAGES.md).
import cron, { type Logger as CronLogger, type ScheduledTask } from 'node-cron';
import type { Config } from '../config/schema.js';
import type { Log } from '../log.js';
import { pollCycle, type PollDeps, type SourceReport } from './poll-cycle.js';

export interface Scheduler {
  /** Resolves when the current cycle (if any) has finished; no new cycle starts after. */
  stop(): Promise<void>;
  /** Run one cycle now unless one is running (then wait for it). */
  runNow(): Promise<SourceReport[] | undefined>;
}

export function startScheduler(config: () => Config, deps: PollDeps & { log: Log }, onCycle?: (r: SourceReport[]) => void): Scheduler {
  let inFlight: Promise<SourceReport[] | undefined> | undefined;
  let stopped = false;

  const runOnce = (): Promise<SourceReport[] | undefined> => {
    if (stopped) return Promise.resolve(undefined);
    if (inFlight) return inFlight;
    inFlight = pollCycle(config(), deps, { onlyDue: true })
      .then((reports) => {
        onCycle?.(reports);
        return reports;
      })
      .catch((err: unknown) => {
        // A cycle never throws for a bad feed; this is a store or program error. Log it
        // and keep the schedule: the next tick tries again.
        deps.log.error({ err: err instanceof Error ? err.message : String(err) }, 'poll cycle failed');
        return undefined;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  // node-cron's default logger prints coloured stacks to stdout; route it to ours.
  const logger: CronLogger = {
    info: () => undefined,
    warn: (msg) => deps.log.warn({}, `scheduler: ${msg}`),
    error: (msg) => deps.log.error({ err: String(msg) }, 'scheduler error'),
    debug: () => undefined,
  };
  const task: ScheduledTask = cron.schedule(config().schedule, () => runOnce(), {
    noOverlap: true,
    name: 'poll',
    logger,
    suppressMissedWarning: true,
  });
  void runOnce(); // due sources at start: all of them on a new store

  return {
    async stop() {
      stopped = true;
      await task.stop();
      await task.destroy();
      await inFlight;
    },
    runNow: runOnce,
  };
}
