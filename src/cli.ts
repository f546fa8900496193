// nahr's command line: argument parsing only; each command lives in src/commands/.
//   nahr serve [--config FILE] [--data DIR] [--port N] [--host H]
//   nahr poll [--config FILE] [--data DIR] [--due]
//   nahr check-config [--config FILE]
//   nahr explain STORY-ID / nahr split STORY-ID SOURCE-ID
//   nahr migrate-store --from lowdb --to postgres
import { parseArgs } from 'node:util';
import { loadConfig } from './config/load.js';
import { ConfigError, StoreLockedError } from './errors.js';
import { createLog } from './log.js';
import { runPoll } from './commands/poll.js';
import { runServe, ServeRoleError } from './commands/serve.js';
import { MigrateError, runMigrateStore, type StoreKind } from './commands/migrate-store.js';
import { StoreConfigError } from './store/open.js';
import { StoreSchemaError } from './store/postgres-store.js';
import { runImportOpml } from './commands/import-opml.js';
import { runBuild } from './commands/build.js';
import { runExplain, runSplit, StoryCommandError } from './commands/stories.js';
import { StoreCorruptError } from './store/lowdb-store.js';

const USAGE = `usage: nahr <command> [options]
  serve         poll on the schedule and serve the feeds over HTTP
                [--config FILE] [--data DIR] [--port N] [--host ADDR] [--static-out DIR]
                [--role all|poller|web]   (poller, web: several processes on store.kind postgres)
  poll          poll once, store, print one line per source
                [--config FILE] [--data DIR] [--due]
  check-config  validate the config and print every problem with its line
                [--config FILE]
  import-opml   add the feeds of an OPML file as sources (comments and order kept)
                FILE [--config FILE] [--topic ID]
  build         write every feed, the index page and the OPML as static files
                --out DIR [--config FILE] [--data DIR]
  explain       who reported a story and why each report was folded into it
                STORY-ID [--config FILE] [--data DIR]
  split         undo a wrong fold: the source's report becomes a story of its own, for good
                STORY-ID SOURCE-ID [--config FILE] [--data DIR]   (stop serve first)
  migrate-store move the whole store into an empty one and check it by counts
                --from lowdb --to postgres [--config FILE] [--data DIR]   (stop serve first)
defaults: --config config/feeds.yaml, --data data, --port $PORT or 8080, --host $HOST or 0.0.0.0`;

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    (command ? out : err)(USAGE);
    return command ? 0 : 2;
  }
  let values: { config?: string; data?: string; port?: string; host?: string; due?: boolean; topic?: string; out?: string; 'static-out'?: string; role?: string; from?: string; to?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: command === 'import-opml' || command === 'explain' || command === 'split',
      options: {
        config: { type: 'string' },
        data: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        due: { type: 'boolean' },
        topic: { type: 'string' },
        out: { type: 'string' },
        'static-out': { type: 'string' },
        role: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
      },
    }));
  } catch (e) {
    err(`nahr ${command}: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  // Each command takes only its own options: "--out" given to explain is a mistake to say.
  const OPTIONS: Record<string, string[]> = {
    serve: ['config', 'data', 'port', 'host', 'static-out', 'role'],
    'migrate-store': ['config', 'data', 'from', 'to'],
    poll: ['config', 'data', 'due'],
    'check-config': ['config'],
    'import-opml': ['config', 'topic'],
    build: ['config', 'data', 'out'],
    explain: ['config', 'data'],
    split: ['config', 'data'],
  };
  const stray = OPTIONS[command] ? Object.keys(values).filter((k) => !OPTIONS[command]!.includes(k)) : [];
  if (stray.length) {
    err(`nahr ${command}: ${stray.map((k) => `--${k}`).join(', ')} is not an option of ${command}\n\n${USAGE}`);
    return 2;
  }
  const configFile = values.config ?? 'config/feeds.yaml';
  const dataDir = values.data ?? 'data';
  const log = createLog();

  try {
    switch (command) {
      case 'check-config': {
        const config = await loadConfig(configFile);
        out(`${configFile}: OK (${config.sources.length} sources, ${config.topics.length} topics)`);
        return 0;
      }
      case 'poll': {
        // Ctrl-C or SIGTERM: in-flight fetches finish, the store is written, exit 0.
        const stop = new AbortController();
        const onSignal = (signal: string) => {
          log.info({ signal }, 'stopping after the fetches in flight');
          stop.abort();
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        await runPoll({ configFile, dataDir, onlyDue: values.due ?? false, log, out, tty: process.stdout.isTTY ? process.stdout : undefined, signal: stop.signal });
        return 0;
      }
      case 'import-opml': {
        if (positionals.length !== 1) {
          err(`nahr import-opml: give one OPML file\n\n${USAGE}`);
          return 2;
        }
        await runImportOpml({ opmlFile: positionals[0]!, configFile, topic: values.topic, out });
        return 0;
      }
      case 'explain': {
        if (positionals.length !== 1) {
          err(`nahr explain: give one story id\n\n${USAGE}`);
          return 2;
        }
        await runExplain({ configFile, dataDir, storyId: positionals[0]!, out, log });
        return 0;
      }
      case 'split': {
        if (positionals.length !== 2) {
          err(`nahr split: give a story id and a source id\n\n${USAGE}`);
          return 2;
        }
        await runSplit({ configFile, dataDir, storyId: positionals[0]!, sourceId: positionals[1]!, out, log });
        return 0;
      }
      case 'build': {
        if (!values.out) {
          err(`nahr build: --out DIR is required\n\n${USAGE}`);
          return 2;
        }
        await runBuild({ configFile, dataDir, outDir: values.out, out, log });
        return 0;
      }
      case 'serve': {
        const rawPort = values.port ?? (process.env.PORT || undefined) ?? '8080';
        const port = /^\d+$/.test(rawPort) ? Number(rawPort) : NaN;
        if (!Number.isInteger(port) || port > 65535) {
          err(`nahr serve: --port must be a port number (0-65535), got "${rawPort}"`);
          return 2;
        }
        const role = values.role ?? 'all';
        if (role !== 'all' && role !== 'poller' && role !== 'web') {
          err(`nahr serve: --role must be all, poller or web, got "${role}"`);
          return 2;
        }
        const running = await runServe({ configFile, dataDir, port, host: values.host ?? process.env.HOST ?? '0.0.0.0', log, staticOut: values['static-out'], role });
        err(running.url ? `nahr: serving on ${running.url} (feeds at /feeds/all.atom)${role === 'web' ? ', rendering from the shared store' : ''}` : 'nahr: polling into the shared store (no HTTP in --role poller)');
        await new Promise<void>((resolve) => {
          const stop = (signal: string) => {
            log.info({ signal }, 'shutting down');
            running.close().then(resolve, (e) => {
              log.error({ err: String(e) }, 'shutdown failed');
              resolve();
            });
          };
          process.once('SIGTERM', () => stop('SIGTERM'));
          process.once('SIGINT', () => stop('SIGINT'));
        });
        return 0;
      }
      case 'migrate-store': {
        const kinds = ['lowdb', 'postgres'];
        if (!values.from || !values.to || !kinds.includes(values.from) || !kinds.includes(values.to)) {
          err(`nahr migrate-store: give --from and --to, each lowdb or postgres\n\n${USAGE}`);
          return 2;
        }
        await runMigrateStore({ configFile, dataDir, from: values.from as StoreKind, to: values.to as StoreKind, log, out });
        return 0;
      }
      default:
        err(`nahr: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (e) {
    if (e instanceof ConfigError) {
      // check-config's findings are its output; for other commands they are an error.
      (command === 'check-config' ? out : err)(e.message);
      return 1;
    }
    if (e instanceof StoryCommandError || e instanceof MigrateError || e instanceof ServeRoleError || e instanceof StoreConfigError) {
      err(`nahr ${command}: ${e.message}`);
      return 1;
    }
    if (e instanceof StoreLockedError || e instanceof StoreCorruptError || e instanceof StoreSchemaError || isConnectionError(e)) {
      if (isConnectionError(e)) {
        err(`nahr ${command}: cannot reach the PostgreSQL server (${(e as Error).message}); check store.url or DATABASE_URL`);
        return 3;
      }
      err(`nahr ${command}: ${(e as Error).message}`);
      return 3;
    }
    if (command === 'import-opml' && e instanceof Error) {
      err(`nahr import-opml: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? `file not found: ${(e as NodeJS.ErrnoException).path}` : e.message}`);
      return 1;
    }
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      err(`nahr ${command}: the port is already in use (${(e as Error).message}); choose another with --port`);
      return 3;
    }
    throw e;
  }
}

/** The database did not answer (refused, unknown host, bad credentials). */
function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === '28P01' || code === '28000' || code === '3D000';
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    err(`nahr: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 70;
  },
);
