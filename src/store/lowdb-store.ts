// The embedded store: one JSON file (data/nahr.json) written by lowdb, whose steno
// writer writes a temp file and renames it over the old one, so a crash mid-write leaves
// the previous file whole. `new Low(new JSONFile())`, not JSONFilePreset: the preset
// swaps in an in-memory adapter when NODE_ENV=test, and tests would test nothing.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { acquireLock } from './lock.js';
import { emptyData, type Store, type StoreData } from './store.js';

export class StoreCorruptError extends Error {
  override readonly name = 'StoreCorruptError';
}

export async function openLowdbStore(dir: string): Promise<Store> {
  mkdirSync(dir, { recursive: true });
  const lock = acquireLock(dir);
  const file = join(dir, 'nahr.json');
  const db = new Low<StoreData>(new JSONFile<StoreData>(file), emptyData());
  try {
    await db.read();
  } catch (err) {
    lock.release();
    throw new StoreCorruptError(
      `the store ${file} cannot be read (${(err as Error).message}); nahr will not overwrite it. ` +
        `Move it aside to start empty, or restore it from a backup.`,
    );
  }
  const data = db.data;
  if (!data || data.version !== 1 || !Array.isArray(data.stories)) {
    lock.release();
    throw new StoreCorruptError(`the store ${file} is not a nahr store (version 1); move it aside.`);
  }
  data.sources ??= {};
  data.seen ??= {};
  let revision = 0;
  let writing: Promise<void> = Promise.resolve();
  return {
    read: () => db.data,
    get revision() {
      return revision;
    },
    async write(next) {
      db.data = next;
      revision++;
      // Writes are serialized: lowdb's steno coalesces, but we want each to finish in order.
      const done = writing.catch(() => undefined).then(() => db.write());
      writing = done;
      await done;
    },
    async close() {
      await writing.catch(() => undefined);
      lock.release();
    },
  };
}
