// `nahr migrate-store --from lowdb --to postgres`: move a store whole (stories, source
// states, seen items, splits, topic fingerprint) into an empty one, then check it by counts.
// Also the way back (--from postgres --to lowdb). Stop `serve` first: the lowdb side is
// opened with its lock.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import type { Log } from '../log.js';
import type { Story } from '../model.js';
import { openLowdbStore } from '../store/lowdb-store.js';
import { openPostgresStore } from '../store/postgres-store.js';
import { postgresUrl } from '../store/open.js';
import type { Store } from '../store/store.js';

export type StoreKind = 'lowdb' | 'postgres';

export class MigrateError extends Error {
  override readonly name = 'MigrateError';
}

export interface Counts {
  stories: number;
  reporters: number;
  sources: number;
  seen: number;
  splits: number;
}

/** The side moved from must exist (a mistyped schema is an error, not an empty store). */
async function open(kind: StoreKind, config: Config, dataDir: string, log: Log, side: 'from' | 'to'): Promise<Store> {
  if (kind === 'lowdb') {
    if (side === 'from' && !existsSync(join(dataDir, 'nahr.json'))) throw new MigrateError(`no lowdb store in ${dataDir} (nothing to move)`);
    return openLowdbStore(dataDir, { refuseUnreadable: true });
  }
  return openPostgresStore({ url: postgresUrl(config), schema: config.store.schema, log, migrate: side === 'to' });
}

export async function countsOf(store: Store): Promise<Counts> {
  const stats = await store.stats(new Date(0).toISOString());
  const meta = await store.meta();
  let reporters = 0;
  for (const n of stats.perSource.values()) reporters += n.stored;
  return { stories: stats.stories, reporters, sources: Object.keys(meta.sources).length, seen: Object.keys(meta.seen).length, splits: meta.splits?.length ?? 0 };
}

export async function runMigrateStore(cmd: { configFile: string; dataDir: string; from: StoreKind; to: StoreKind; log: Log; out: (line: string) => void }): Promise<Counts> {
  if (cmd.from === cmd.to) throw new MigrateError(`--from and --to are both ${cmd.from}`);
  const config = await loadConfig(cmd.configFile);
  const from = await open(cmd.from, config, cmd.dataDir, cmd.log, 'from');
  try {
    const to = await open(cmd.to, config, cmd.dataDir, cmd.log, 'to');
    try {
      const target = await countsOf(to);
      if (target.stories || target.sources || target.seen) {
        throw new MigrateError(`the ${cmd.to} store is not empty (${target.stories} stories, ${target.sources} sources): nothing was moved`);
      }
      const meta = await from.meta();
      const stories: Story[] = [];
      for await (const batch of from.eachStory(5000)) stories.push(...batch);
      // One update: the whole store lands in one transaction (postgres) or one file write.
      await to.update({ ids: [] }, (view) => ({ data: { ...view, ...meta, version: 1, stories }, result: undefined }));
      const [want, got] = [await countsOf(from), await countsOf(to)];
      const rows = (Object.keys(want) as Array<keyof Counts>).map((k) => `  ${k.padEnd(9)} ${String(want[k]).padStart(9)} ${String(got[k]).padStart(9)}${want[k] === got[k] ? '' : '   MISMATCH'}`);
      cmd.out(`migrate-store: ${cmd.from} → ${cmd.to}`);
      cmd.out(`  ${''.padEnd(9)} ${cmd.from.padStart(9)} ${cmd.to.padStart(9)}`);
      for (const r of rows) cmd.out(r);
      const bad = (Object.keys(want) as Array<keyof Counts>).filter((k) => want[k] !== got[k]);
      if (bad.length) throw new MigrateError(`counts differ after the move (${bad.join(', ')}): check the ${cmd.to} store before using it`);
      cmd.out(`moved ${got.stories} stories; set store.kind: ${cmd.to} in ${cmd.configFile} to use it`);
      return got;
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
  }
}
