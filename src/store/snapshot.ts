// A read-only look at a data dir, without its lock: the store file is only ever replaced
// whole (written beside and renamed), so reading it gives a consistent snapshot even
// while `serve` runs. Used by `nahr build`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreCorruptError } from './lowdb-store.js';
import { memoryStore, type MemoryStore } from './memory.js';
import { emptyData, type StoreData } from './store.js';

export async function readSnapshot(dir: string): Promise<MemoryStore> {
  const file = join(dir, 'nahr.json');
  let data: StoreData;
  try {
    data = JSON.parse(await readFile(file, 'utf8')) as StoreData;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') data = emptyData();
    else throw new StoreCorruptError(`the store ${file} cannot be read (${(err as Error).message})`);
  }
  if (data.version !== 1 || !Array.isArray(data.stories)) throw new StoreCorruptError(`the store ${file} is not a nahr store (version 1)`);
  return memoryStore({
    kind: 'snapshot',
    data,
    persist: async () => {
      throw new Error('a snapshot is read-only');
    },
    close: async () => undefined,
  });
}
