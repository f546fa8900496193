// Opens the store the config names: lowdb in the data folder (the default), or
// PostgreSQL at store.url / DATABASE_URL.
import type { Config } from '../config/schema.js';
import type { Log } from '../log.js';
import { openLowdbStore, reportMovedAside } from './lowdb-store.js';
import { openPostgresStore } from './postgres-store.js';
import type { Store } from './store.js';

export class StoreConfigError extends Error {
  override readonly name = 'StoreConfigError';
}

/** The PostgreSQL URL a config points at, or an error saying what to set. */
export function postgresUrl(config: Config, env: NodeJS.ProcessEnv = process.env): string {
  const url = config.store.url ?? env.DATABASE_URL;
  if (!url) throw new StoreConfigError('store.kind is postgres but neither store.url (in the config) nor DATABASE_URL (in the environment) is set');
  return url;
}

export async function openStore(config: Config, dataDir: string, opts: { log: Log; refuseUnreadable?: boolean; readOnly?: boolean }): Promise<Store> {
  if (config.store.kind === 'postgres') {
    return openPostgresStore({ url: postgresUrl(config), schema: config.store.schema, log: opts.log, migrate: !opts.readOnly });
  }
  return openLowdbStore(dataDir, { onMovedAside: (i) => reportMovedAside(opts.log, i), refuseUnreadable: opts.refuseUnreadable });
}
