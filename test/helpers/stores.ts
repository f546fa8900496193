// The store the suite runs against: lowdb by default, PostgreSQL when NAHR_TEST_STORE is
// "postgres" (the "postgres" project of vitest.config.ts runs the store-touching tests
// so). Each test store is its own: a temp folder, or a schema of its own in the test
// database, dropped at the end of the run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLowdbStore } from '../../src/store/lowdb-store.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { emptyData, type Store, type StoreData } from '../../src/store/store.js';
import { openForReading } from '../../src/commands/stories.js';
import { loadConfig } from '../../src/config/load.js';
import { silentLog } from '../../src/log.js';

export const TEST_STORE: 'lowdb' | 'postgres' = process.env.NAHR_TEST_STORE === 'postgres' ? 'postgres' : 'lowdb';
export const TEST_DATABASE_URL = process.env.NAHR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Test schemas start with this, then the run's tag: a run drops its own schemas at its
 * end (and leftovers of runs a day old at its start), never those of a run beside it. */
export const TEST_SCHEMA_PREFIX = 'nahr_test_';
/** The run's tag, its start time in base 36: set by the postgres project's globalSetup
 * (test/helpers/pg-global.ts) and inherited by its workers. */
export const TEST_RUN = process.env.NAHR_TEST_RUN ?? Date.now().toString(36);

let schemas = 0;
export const newSchema = () => `${TEST_SCHEMA_PREFIX}${TEST_RUN}_${process.pid}_${schemas++}`;

export interface TestStore extends Store {
  /** Everything stored, read through the Store interface. */
  dump(): Promise<StoreData>;
  /** Replace everything stored with `data`. */
  replace(data: StoreData): Promise<void>;
  /** Updates made through this handle. */
  readonly writes: number;
}

/** Everything a store holds, read through its interface. */
export async function dumpStore(store: Store): Promise<StoreData> {
  const meta = await store.meta();
  const stories = [];
  for await (const batch of store.eachStory()) stories.push(...batch);
  // In the order the lowdb store keeps them: by first report.
  stories.sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : a.id < b.id ? -1 : 1));
  return { ...meta, version: 1, stories };
}

const opened: Store[] = [];

/** Close every store a test file opened (test/helpers/setup.ts runs it after each file). */
export async function closeTestStores(): Promise<void> {
  for (const s of opened.splice(0)) await s.close().catch(() => undefined);
}

export function withHelpers(store: Store): TestStore {
  opened.push(store);
  let writes = 0;
  const update: Store['update'] = (scope, fn, opts) => {
    writes++;
    return store.update(scope, fn, opts);
  };
  const helpers = Object.assign(Object.create(null) as object, store, {
    update,
    dump: () => dumpStore(store),
    replace: (data: StoreData) => store.update({ all: true }, () => ({ data, result: undefined })),
  });
  return Object.defineProperty(helpers, 'writes', { get: () => writes }) as TestStore;
}

/** A fresh store of the kind under test, holding `initial`. */
export async function openTestStore(initial?: StoreData, opts: { schema?: string } = {}): Promise<TestStore> {
  const store =
    TEST_STORE === 'postgres'
      ? await openPostgresStore({ url: TEST_DATABASE_URL, schema: opts.schema ?? newSchema(), log: silentLog, poolSize: 4 })
      : await openLowdbStore(mkdtempSync(join(tmpdir(), 'nahr-store-')));
  if (initial) await store.update({ ids: [] }, () => ({ data: { ...emptyData(), ...initial, sources: { ...initial.sources } }, result: undefined }));
  return withHelpers(store);
}

/** The store section of a config file for the kind under test ("" for lowdb, the default). */
export function storeYaml(schema = newSchema()): string {
  if (TEST_STORE === 'lowdb') return '';
  return `store:\n  kind: postgres\n  url: ${TEST_DATABASE_URL}\n  schema: ${schema}\n`;
}

/** Everything the store of a config file holds (lowdb: read without its lock). */
export async function readStored(configFile: string, dataDir: string): Promise<StoreData> {
  const store = await openForReading(await loadConfig(configFile), dataDir, silentLog);
  try {
    return await dumpStore(store);
  } finally {
    await store.close();
  }
}
