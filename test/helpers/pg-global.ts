// vitest globalSetup of the "postgres" project: test schemas left by an earlier run are
// dropped before, and this run's after.
import pg from 'pg';
import { TEST_DATABASE_URL, TEST_SCHEMA_PREFIX } from './stores.js';

async function dropTestSchemas(): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const rows = (await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [`${TEST_SCHEMA_PREFIX}%`])).rows;
    for (const r of rows) await client.query(`DROP SCHEMA IF EXISTS "${r.nspname}" CASCADE`);
  } finally {
    await client.end();
  }
}

export async function setup(): Promise<void> {
  await dropTestSchemas();
}

export async function teardown(): Promise<void> {
  await dropTestSchemas();
}
