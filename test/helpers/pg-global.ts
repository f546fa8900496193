// vitest globalSetup of the "postgres" project: each run tags its test schemas with its
// start time and drops its own at the end, and at its start the leftovers of runs that
// began more than a day ago (a run killed half way). Two runs on one machine (a CI check
// beside a developer's run) never drop each other's schemas.
import pg from 'pg';
import { TEST_DATABASE_URL, TEST_SCHEMA_PREFIX } from './stores.js';

const STALE_MS = 24 * 3_600_000;

async function dropTestSchemas(which: (tag: string) => boolean): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    const rows = (await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`, [`${TEST_SCHEMA_PREFIX}%`])).rows;
    for (const r of rows) {
      const tag = r.nspname.slice(TEST_SCHEMA_PREFIX.length).split('_')[0]!;
      if (which(tag)) await client.query(`DROP SCHEMA IF EXISTS "${r.nspname}" CASCADE`);
    }
  } finally {
    await client.end();
  }
}

let run = '';

export async function setup(): Promise<void> {
  run = Date.now().toString(36);
  process.env.NAHR_TEST_RUN = run;
  // A tag that is no time (an older naming) or a day old: nobody's any more.
  await dropTestSchemas((tag) => !(parseInt(tag, 36) > Date.now() - STALE_MS));
}

export async function teardown(): Promise<void> {
  await dropTestSchemas((tag) => tag === run);
}
