// Two projects: "lowdb" runs the whole suite on the embedded store; "postgres" runs every
// test that goes through the Store again on PostgreSQL (NAHR_TEST_STORE=postgres), plus
// the PostgreSQL-only tests (several pollers, leases, migrations). Without a server the
// postgres project is left out, loudly; under CI it must run.
import { connect } from 'node:net';
import { defineConfig } from 'vitest/config';

const DATABASE_URL = process.env.NAHR_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** The test files that run on both stores. */
const ON_BOTH_STORES = [
  'test/poll-cycle.test.ts',
  'test/bad-input.test.ts',
  'test/formats.test.ts',
  'test/static-export.test.ts',
  'test/top-feed.test.ts',
  'test/e2e.test.ts',
  'test/poll-command.test.ts',
  'test/near-duplicates.test.ts',
  'test/operators.test.ts',
  'test/websub.test.ts',
  'test/polite.test.ts',
  'test/opml.test.ts',
];
const POSTGRES_ONLY = 'test/postgres-*.test.ts';

function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: u.hostname, port: Number(u.port || 5432) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export default defineConfig(async () => {
  const postgres = await reachable(DATABASE_URL);
  if (!postgres) {
    const how = `start PostgreSQL on 127.0.0.1:5432 with a database "test" (trust auth), or point NAHR_TEST_DATABASE_URL at one`;
    if (process.env.CI === 'true') throw new Error(`CI: no PostgreSQL at ${DATABASE_URL}: the PostgreSQL tests must run (${how})`);
    process.env.NAHR_PG_SKIPPED = `PostgreSQL tests SKIPPED: no server at ${DATABASE_URL}. To run them, ${how}.`;
    process.stderr.write(`\n*** ${process.env.NAHR_PG_SKIPPED} ***\n\n`);
  }
  const shared = { testTimeout: 30_000, hookTimeout: 30_000, pool: 'forks' as const, setupFiles: ['test/helpers/setup.ts'] };
  return {
    test: {
      projects: [
        { test: { ...shared, name: 'lowdb', include: ['test/**/*.test.ts'], exclude: [POSTGRES_ONLY], ...(postgres ? {} : { globalSetup: ['test/helpers/pg-missing.ts'] }) } },
        ...(postgres
          ? [
              {
                test: {
                  ...shared,
                  name: 'postgres',
                  include: [...ON_BOTH_STORES, POSTGRES_ONLY],
                  env: { NAHR_TEST_STORE: 'postgres', NAHR_TEST_DATABASE_URL: DATABASE_URL },
                  globalSetup: ['test/helpers/pg-global.ts'],
                },
              },
            ]
          : []),
      ],
    },
  };
});
