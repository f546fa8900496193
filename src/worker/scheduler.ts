// The scheduler: polls the sources that are due at start, then on every cron tick.
// Every change to the store from this process goes through one queue (`exclusive`), so a
// poll cycle and a config reload's re-filing never overwrite each other. node-cron's
// `task.stop()` returns before a running cycle ends (PACKAGES.md): we track it ourselves.
import cron, { type Logger as CronLogger, type ScheduledTask } from 'node-cron';
import type { Config } from '../config/schema.js';
import type { Log } from '../log.js';
import { pollCycle, type PollDeps, type SourceReport } from './poll-cycle.js';

export interface Scheduler {
  /** Resolves when the queued work has finished; nothing new starts after. */
  stop(): Promise<void>;
  /** Run one cycle now unless one is already running or queued (then wait for it). */
  runNow(): Promise<SourceReport[] | undefined>;
  /** Run `fn` when no cycle or other store change is running. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Follow a new cron expression (after a config reload). */
  reschedule(expression: string): void;
}

export function startScheduler(config: () => Config, deps: PollDeps & { log: Log }, onCycle?: (r: SourceReport[]) => void): Scheduler {
  let queue: Promise<unknown> = Promise.resolve();
  const stopping = new AbortController();
  let pending: Promise<SourceReport[] | undefined> | undefined;
  let stopped = false;

  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.catch(() => undefined).then(fn);
    queue = run;
    return run;
  };

  const runOnce = (): Promise<SourceReport[] | undefined> => {
    if (stopped) return Promise.resolve(undefined);
    if (pending) return pending;
    pending = exclusive(async () => {
      pending = undefined; // from here on, a new request queues another cycle
      if (stopped) return undefined;
      try {
        const reports = await pollCycle(config(), { ...deps, signal: stopping.signal }, { onlyDue: true });
        onCycle?.(reports);
        return reports;
      } catch (err) {
        // A cycle never throws for a bad feed; this is a store or program error. Log it
        // and keep the schedule: the next tick tries again.
        deps.log.error({ err: err instanceof Error ? err.message : String(err) }, 'poll cycle failed');
        return undefined;
      }
    });
    return pending;
  };

  // node-cron's default logger prints coloured stacks to stdout; route it to ours.
  const logger: CronLogger = {
    info: () => undefined,
    warn: (msg) => deps.log.warn({}, `scheduler: ${msg}`),
    error: (msg) => deps.log.error({ err: String(msg) }, 'scheduler error'),
    debug: () => undefined,
  };
  const schedule = (expression: string): ScheduledTask =>
    cron.schedule(expression, () => runOnce(), { noOverlap: true, name: 'poll', logger, suppressMissedWarning: true });
  let task = schedule(config().schedule);
  let expression = config().schedule;
  void runOnce(); // due sources at start: all of them on a new store

  return {
    async stop() {
      stopped = true;
      stopping.abort(); // sources not yet started wait for the next run

      await task.stop();
      await task.destroy();
      await queue.catch(() => undefined);
    },
    runNow: runOnce,
    exclusive,
    reschedule(next) {
      if (next === expression || stopped) return;
      void task.destroy();
      task = schedule(next);
      expression = next;
    },
  };
}
