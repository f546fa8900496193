// `nahr serve`: the scheduler and the HTTP server in one process, on one store, with the
// config file watched for live edits.
import { readFile } from 'node:fs/promises';
import { loadConfig, parseConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { watchConfig } from '../config/watch.js';
import { fetchFeed, type FetchFeed } from '../fetch/fetch.js';
import type { Log } from '../log.js';
import { createMetrics } from '../metrics.js';
import { createPublisher } from '../publish/feeds.js';
import { exportStatic } from '../publish/static-export.js';
import { changedFeeds, feedUrls, notifyHubs, type HubPost } from '../publish/websub.js';
import { buildApp } from '../serve/app.js';
import { storeStatus } from '../serve/status.js';
import { openStore } from '../store/open.js';
import { refileIfRulesChanged, type StoredChanges } from '../worker/poll-cycle.js';
import { applyConfigChange } from '../worker/reload.js';
import { startScheduler } from '../worker/scheduler.js';
import { POLL_JITTER_MS } from './poll.js';

export interface ServeCommand {
  configFile: string;
  dataDir: string;
  port: number;
  host: string;
  log: Log;
  fetch?: FetchFeed;
  postToHub?: HubPost;
  /** Keep a static copy of the site in this folder, updated after every poll. */
  staticOut?: string;
  /** all (default): poll and serve; poller: poll only; web: serve only, from the shared
   * store. poller and web need store.kind postgres. */
  role?: ServeRole;
}

export type ServeRole = 'all' | 'poller' | 'web';

export class ServeRoleError extends Error {
  override readonly name = 'ServeRoleError';
}

export interface Running {
  /** Where the HTTP server listens (not for a poller). */
  url?: string;
  /** Stop watching and scheduling, let the running cycle finish and its write land, close. */
  close(): Promise<void>;
}

async function readConfig(file: string): Promise<{ config: Config; text: string }> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return { config: await loadConfig(file), text: '' }; // its error names the file
  return { config: parseConfig(text, file), text };
}

export async function runServe(cmd: ServeCommand): Promise<Running> {
  const { log } = cmd;
  const role = cmd.role ?? 'all';
  const initial = await readConfig(cmd.configFile);
  let config = initial.config;
  if (role !== 'all' && config.store.kind !== 'postgres') {
    throw new ServeRoleError(`--role ${role} shares the store with other processes: it needs store.kind: postgres (lowdb is one process's file)`);
  }
  if (role === 'web' && cmd.staticOut) throw new ServeRoleError('--static-out is written after each poll: give it to a poller (--role poller or all), not to --role web');
  const polls = role !== 'web';
  const serves = role !== 'poller';
  const store = await openStore(config, cmd.dataDir, { log });
  const metrics = createMetrics();
  const publisher = createPublisher(config, store, metrics);
  let app: ReturnType<typeof buildApp> | undefined;
  let url: string | undefined;
  try {
    // Stories polled by `nahr poll` or an earlier run are served at once, re-filed first if
    // the topics were edited since they were stored.
    if (polls) await refileIfRulesChanged(store, config, Date.now());
    if (serves) {
      app = buildApp({
        publisher,
        config: () => config,
        status: () => storeStatus(config, store),
        metrics,
      });
      url = await app.listen({ port: cmd.port, host: cmd.host });
    }
  } catch (err) {
    await store.close();
    throw err;
  }
  log.info({ url, role, config: cmd.configFile, store: config.store.kind, data: config.store.kind === 'lowdb' ? cmd.dataDir : undefined, sources: config.sources.length }, role === 'poller' ? 'polling' : 'serving');
  // After each cycle: the static copy is brought up to date, then the hubs hear which
  // feeds changed (nothing when nothing did).
  let exporting: Promise<unknown> = Promise.resolve();
  const exportSite = () => {
    if (!cmd.staticOut || !polls) return exporting;
    const dir = cmd.staticOut;
    exporting = exporting
      .catch(() => undefined)
      .then(() => exportStatic(publisher, config, dir))
      .catch((err: unknown) => log.error({ err: String(err), dir }, 'static export failed'));
    return exporting;
  };
  void exportSite();
  const onStored = (changes: StoredChanges) => {
    const changed = changedFeeds(changes.before, changes.after);
    if (changed.length === 0) return;
    void exportSite().then(() => notifyHubs(config.websub.hubs, feedUrls(config.publicUrl, changed), log, cmd.postToHub));
  };
  const scheduler = polls
    ? startScheduler(() => config, { store, fetch: cmd.fetch ?? fetchFeed, now: Date.now, log, jitterMs: POLL_JITTER_MS, metrics, onStored })
    : undefined;

  const watcher = watchConfig(cmd.configFile, initial.text, {
    onChange(next) {
      const prev = config;
      const before = new Set(prev.sources.map((s) => s.id));
      const after = new Set(next.sources.map((s) => s.id));
      config = next;
      publisher.setConfig(next);
      scheduler?.reschedule(next.schedule);
      log.info(
        {
          config: cmd.configFile,
          added: [...after].filter((id) => !before.has(id)),
          removed: [...before].filter((id) => !after.has(id)),
          sources: next.sources.length,
          topics: next.topics.length,
        },
        'config reloaded',
      );
      if (!scheduler) return; // a web front end only renders; pollers store the change
      // Changed sources made due, topics re-evaluated, then a cycle polls what is due.
      void scheduler
        .exclusive(() => applyConfigChange(store, prev, next, Date.now(), log))
        .then(async (refiled) => {
          await exportSite(); // new topics, renamed sources, another publicUrl
          // Re-filed under new topics: every topic feed may have changed.
          if (refiled) void notifyHubs(config.websub.hubs, feedUrls(config.publicUrl, [{ kind: 'all' }, { kind: 'top' }, ...config.topics.map((t) => ({ kind: 'topic' as const, id: t.id }))]), log, cmd.postToHub);
        })
        .then(() => scheduler.runNow())
        .catch((err: unknown) => log.error({ err: String(err) }, 'applying the reloaded config failed'));
    },
    onInvalid(error) {
      log.warn({ config: cmd.configFile, problems: error.problems }, 'config edit rejected: the last good config keeps running');
    },
  });

  let closing: Promise<void> | undefined;
  return {
    url,
    close: () =>
      (closing ??= (async () => {
        watcher.close();
        await scheduler?.stop();
        await exporting.catch(() => undefined);
        await app?.close();
        await store.close();
      })()),
  };
}
