import { emptyData, type Store, type StoreData } from '../../src/store/store.js';

/** A Store kept in memory, for poll-cycle tests with fakes. */
export function memoryStore(initial: StoreData = emptyData()): Store & { writes: number } {
  let data = initial;
  let revision = 0;
  return {
    read: () => data,
    async write(next) {
      data = structuredClone(next);
      revision++;
    },
    get revision() {
      return revision;
    },
    get writes() {
      return revision;
    },
    async close() {},
  };
}
