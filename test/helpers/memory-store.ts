import { memoryStore as inMemory, type MemoryStore } from '../../src/store/memory.js';
import { emptyData, type StoreData } from '../../src/store/store.js';

/** A Store kept in memory, for poll-cycle tests with fakes. Each write is cloned, as a
 * round trip through a file or a database would. */
export function memoryStore(initial: StoreData = emptyData()): MemoryStore & { writes: number } {
  let writes = 0;
  const store = inMemory({
    kind: 'snapshot',
    data: initial,
    persist: async () => {
      writes++;
    },
    close: async () => undefined,
  });
  return Object.assign(store, {
    get writes() {
      return writes;
    },
  });
}
