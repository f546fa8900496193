// `nahr serve`: the scheduler and the HTTP server in one process, on one store.
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { fetchFeed, type FetchFeed } from '../fetch/fetch.js';
import type { Log } from '../log.js';
import { createPublisher } from '../publish/feeds.js';
import { buildApp } from '../serve/app.js';
import { buildStatus } from '../serve/status.js';
import { POLL_JITTER_MS } from './poll.js';
import { openLowdbStore } from '../store/lowdb-store.js';
import { refileIfRulesChanged } from '../worker/poll-cycle.js';
import { startScheduler } from '../worker/scheduler.js';

export interface ServeCommand {
  configFile: string;
  dataDir: string;
  port: number;
  host: string;
  log: Log;
  fetch?: FetchFeed;
}

export interface Running {
  url: string;
  /** Stop scheduling, let the in-flight cycle finish and its write land, close. */
  close(): Promise<void>;
}

export async function runServe(cmd: ServeCommand): Promise<Running> {
  const config: Config = await loadConfig(cmd.configFile);
  const store = await openLowdbStore(cmd.dataDir);
  // Stories polled by `nahr poll` or an earlier run are served at once, re-filed first if
  // the topics were edited since they were stored.
  const refiled = refileIfRulesChanged(store.read(), config, Date.now());
  if (refiled) await store.write(refiled);

  const publisher = createPublisher(config, store);
  const app = buildApp({ publisher, config: () => config, status: () => buildStatus(config, store.read(), Date.now()) });
  let url: string;
  try {
    url = await app.listen({ port: cmd.port, host: cmd.host });
  } catch (err) {
    await store.close();
    throw err;
  }
  cmd.log.info({ url, config: cmd.configFile, data: cmd.dataDir, sources: config.sources.length }, 'serving');
  const scheduler = startScheduler(() => config, { store, fetch: cmd.fetch ?? fetchFeed, now: Date.now, log: cmd.log, jitterMs: POLL_JITTER_MS });

  let closing: Promise<void> | undefined;
  return {
    url,
    close: () =>
      (closing ??= (async () => {
        await scheduler.stop();
        await app.close();
        await store.close();
      })()),
  };
}
