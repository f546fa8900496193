// The embedded store: one JSON file (data/nahr.json) written by lowdb, whose steno
// writer writes a temp file and renames it over the old one, so a crash mid-write leaves
// the previous file whole. `new Low(new JSONFile())`, not JSONFilePreset: the preset
// swaps in an in-memory adapter when NODE_ENV=test, and tests would test nothing.
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Low, type Adapter } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { acquireLock } from './lock.js';
import { memoryStore, type MemoryStore } from './memory.js';
import { emptyData, type StoreData, type StoreHealth } from './store.js';

export class StoreCorruptError extends Error {
  override readonly name = 'StoreCorruptError';
}

export interface OpenOptions {
  /** The file adapter (tests pass one that fails like a full disk). */
  adapter?: (file: string) => Adapter<StoreData>;
  /** Told, loudly, when an unreadable store file was moved aside. */
  onMovedAside?: (info: { file: string; movedTo: string; reason: string }) => void;
  /** Refuse an unreadable store instead of moving it aside (a one-off command that edits
   * the store must not quietly start a new one). */
  refuseUnreadable?: boolean;
}

/** "nahr.json.corrupt-20261129T120000Z": where an unreadable store file is kept. */
function asideName(file: string): string {
  return `${file}.corrupt-${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
}

export async function openLowdbStore(dir: string, options: OpenOptions = {}): Promise<MemoryStore> {
  mkdirSync(dir, { recursive: true });
  const lock = acquireLock(dir);
  const file = join(dir, 'nahr.json');
  const adapter = options.adapter?.(file) ?? new JSONFile<StoreData>(file);
  const db = new Low<StoreData>(adapter, emptyData());
  const health: StoreHealth = {};
  let unreadable: string | undefined;
  try {
    await db.read();
    const d = db.data;
    if (!d || d.version !== 1 || !Array.isArray(d.stories)) unreadable = 'not a nahr store (version 1)';
  } catch (err) {
    unreadable = (err as Error).message;
  }
  if (unreadable !== undefined && options.refuseUnreadable) {
    lock.release();
    throw new StoreCorruptError(`the store ${file} cannot be read (${unreadable}); left as it is (nahr serve or poll would move it aside and start empty)`);
  }
  if (unreadable !== undefined) {
    // Never overwrite what we cannot read: keep it beside, under a dated name, start empty.
    const movedTo = asideName(file);
    try {
      renameSync(file, movedTo);
    } catch (err) {
      lock.release();
      throw new StoreCorruptError(`the store ${file} cannot be read (${unreadable}) and cannot be moved aside (${(err as Error).message})`);
    }
    health.movedAside = movedTo;
    options.onMovedAside?.({ file, movedTo, reason: unreadable });
    db.data = emptyData();
  }
  const data = db.data;
  data.sources ??= {};
  data.seen ??= {};
  return memoryStore({
    kind: 'lowdb',
    data,
    health,
    // A failed write (disk full) leaves the previous file whole; the next write retries.
    persist: async (next) => {
      db.data = next;
      try {
        await db.write();
        delete health.lastWriteError;
      } catch (err) {
        health.lastWriteError = { at: new Date().toISOString(), message: `store write failed: ${(err as Error).message}` };
        throw err;
      }
    },
    close: async () => lock.release(),
  });
}

/** Said loudly: on the log and, whatever the log level, on stderr. */
export function reportMovedAside(log: { error(obj: object, msg?: string): void }, info: { file: string; movedTo: string; reason: string }): void {
  log.error({ file: info.file, moved_to: info.movedTo, reason: info.reason }, 'the store could not be read: moved aside, starting empty');
  process.stderr.write(`nahr: WARNING: the store ${info.file} could not be read (${info.reason}); it was moved aside to ${info.movedTo} and nahr starts with an empty store.\n`);
}
