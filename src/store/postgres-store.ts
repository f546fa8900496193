// The shared store: PostgreSQL, for many pollers and web front ends on one database.
// - Schema: versioned SQL files in ./migrations, applied in order at start, once, under an
//   advisory lock (two processes starting together do not both migrate).
// - Polling: a poller claims its sources with a lease (UPDATE … FOR UPDATE SKIP LOCKED):
//   no two pollers fetch one source at once; a dead poller's lease runs out.
// - Folding: every `update` runs in one transaction holding one advisory lock, so the
//   stories a fold reads cannot change under it: a story is found or created once, never
//   twice for one key, whichever poller sees the item first.
// - Reading: feeds are paged in SQL on indexed columns; only the page's stories load.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { foldedReporterText } from '../classify/topics.js';
import type { Log } from '../log.js';
import type { SourceState, Story } from '../model.js';
import { foldWords } from '../normalize/arabic.js';
import { matchesText, outletCount, TOP_HOURS, type StoryFilter } from './select.js';
import type { FeedPage, FeedSelector, Split, Store, StoreData, StoreStats, ViewScope } from './store.js';

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Rows per INSERT … unnest(): keeps each statement's parameters a few MB. */
const BATCH = 2000;

export interface PostgresOptions {
  url: string;
  /** The schema nahr's tables live in (created when missing). */
  schema: string;
  log: Log;
  /** Apply pending migrations (not for read-only commands). */
  migrate?: boolean;
  poolSize?: number;
}

export class StoreSchemaError extends Error {
  override readonly name = 'StoreSchemaError';
}

/** The migrations shipped: "001_init.sql" → version 1, in order. */
export function migrationFiles(): Array<{ version: number; name: string; sql: string }> {
  return readdirSync(MIGRATIONS)
    .filter((f) => /^\d+_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.split('_')[0]), name: f, sql: readFileSync(join(MIGRATIONS, f), 'utf8') }));
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
/** A stable 32-bit key for pg_advisory_lock, per schema and purpose. */
const lockKey = (schema: string, what: string) => `hashtext(${pgString(`nahr:${schema}:${what}`)})`;
const pgString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Apply every migration not yet applied; returns the versions applied now. */
export async function migrate(pool: pg.Pool, schema: string): Promise<number[]> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onLost = (err: Error) => (lost = err); // see update(): a lost connection must not end the process
  client.on('error', onLost);
  const applied: number[] = [];
  try {
    await client.query(`SELECT pg_advisory_lock(${lockKey(schema, 'migrate')})`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${ident(schema)}.schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ version: number }>(`SELECT version FROM ${ident(schema)}.schema_migrations`)).rows.map((r) => r.version));
    const known = migrationFiles();
    const newest = Math.max(0, ...known.map((m) => m.version));
    const ahead = [...done].filter((v) => v > newest);
    if (ahead.length) throw new StoreSchemaError(`the database schema "${schema}" is at migration ${Math.max(...ahead)}, newer than this nahr knows (${newest}): upgrade nahr`);
    for (const m of known) {
      if (done.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(`SET LOCAL search_path TO ${ident(schema)}`);
        await client.query(m.sql);
        await client.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, [m.version, m.name]);
        await client.query('COMMIT');
        applied.push(m.version);
      } catch (err) {
        await client.query('ROLLBACK');
        throw new StoreSchemaError(`migration ${m.name} failed: ${(err as Error).message}`);
      }
    }
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${lockKey(schema, 'migrate')})`).catch(() => undefined);
    client.off('error', onLost);
    client.release(lost);
  }
  return applied;
}

/** The text a ?q= phrase must contain (its folded words, a leading article dropped):
 * a sound SQL prefilter for the phrase match done in code. */
function searchCore(q: string): string | undefined {
  const words = foldWords(q).split(' ').filter(Boolean);
  if (words.length === 0) return undefined;
  const first = words[0]!;
  if (first.startsWith('ال') && first.length > 3) words[0] = first.slice(2);
  return words.join(' ');
}
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const searchText = (s: Story) => pgText(s.reporters.map((r) => foldedReporterText(r)).join('\n'));

/** PostgreSQL text cannot hold U+0000 (a feed can smuggle one in as &#0;): the indexed
 * columns and their lookups carry U+FFFD instead; the story's JSON keeps the original. */
const pgText = (s: string) => (s.includes('\u0000') ? s.replaceAll('\u0000', '\uFFFD') : s);

type Row = { data: Story };

export async function openPostgresStore(opts: PostgresOptions): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 10,
    // Pages are small indexed reads: parallel workers cost more to start (tens of ms) than
    // they save, and made the p99 render four times the p50.
    // A session stuck inside a transaction (its host frozen or cut off) would hold the
    // update lock for every poller: the server ends it after a minute; a write waits at
    // most a minute for the lock (the cycle fails, its claims are released, the next tick
    // tries again); no statement runs longer than two minutes.
    options: `-c search_path=${opts.schema} -c max_parallel_workers_per_gather=0 -c idle_in_transaction_session_timeout=60000 -c lock_timeout=60000 -c statement_timeout=120000`,
    application_name: 'nahr',
    keepAlive: true,
    connectionTimeoutMillis: 10_000,
  });
  // An idle client's error (the server restarted) must not crash the process.
  pool.on('error', (err) => opts.log.warn({ err: err.message }, 'postgres: idle connection lost'));
  try {
    if (opts.migrate !== false) {
      const applied = await migrate(pool, opts.schema);
      if (applied.length) opts.log.info({ schema: opts.schema, migrations: applied }, 'postgres: migrations applied');
    } else {
      const ok = await pool.query(`SELECT to_regclass(${pgString(`${opts.schema}.store_state`)}) AS t`);
      if (!ok.rows[0]?.t) throw new StoreSchemaError(`no nahr store in schema "${opts.schema}" of the database (run nahr serve or poll once to create it)`);
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }

  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const held = new Map<string, number>(); // claimed source id → lease ms
  let renewTimer: NodeJS.Timeout | undefined;
  const renew = async () => {
    if (held.size === 0) return;
    const ms = Math.max(...held.values());
    await pool
      // Rows an update of ours has locked are skipped (it releases them anyway): renewing
      // never waits on, or deadlocks with, our own write.
      .query(
        `UPDATE sources SET lease_until = now() + $2 * interval '1 millisecond'
         WHERE id IN (SELECT id FROM sources WHERE id = ANY($1) AND lease_owner = $3 ORDER BY id FOR UPDATE SKIP LOCKED)`,
        [[...held.keys()], ms, owner],
      )
      .catch((err: Error) => opts.log.warn({ err: err.message }, 'postgres: renewing source leases failed'));
  };
  const scheduleRenew = (ms: number) => {
    if (renewTimer) return;
    // A cycle longer than its lease keeps it: renewed at a third of its length.
    renewTimer = setInterval(() => void renew(), Math.max(200, Math.floor(ms / 3)));
    renewTimer.unref();
  };
  const forget = (ids: readonly string[]) => {
    for (const id of ids) held.delete(id);
    if (held.size === 0 && renewTimer) {
      clearInterval(renewTimer);
      renewTimer = undefined;
    }
  };

  let statsMemo: { rev: number; since: string; result: StoreStats } | undefined;
  // Concurrent requests share one revision query.
  // Every feed request asks for the revision. A front end under load asks the database at
  // most every 250 ms, concurrent requests sharing one query: another process's write shows
  // that much later (a 304 for a quarter second more), this process's own at once.
  const REVISION_TTL_MS = 250;
  let known: { rev: number; at: number } | undefined;
  let revisionQuery: Promise<number> | undefined;
  const revision = async (): Promise<number> => {
    if (known && Date.now() - known.at < REVISION_TTL_MS) return known.rev;
    return (revisionQuery ??= pool
      .query<{ revision: string }>('SELECT revision FROM store_state')
      .then((r) => {
        known = { rev: Number(r.rows[0]!.revision), at: Date.now() };
        return known.rev;
      })
      .finally(() => (revisionQuery = undefined)));
  };

  const sourceStates = async (q: pg.Pool | pg.PoolClient = pool): Promise<Record<string, SourceState>> => {
    const out: Record<string, SourceState> = {};
    for (const r of (await q.query<{ id: string; state: SourceState }>('SELECT id, state FROM sources WHERE state IS NOT NULL')).rows) out[r.id] = r.state;
    return out;
  };
  const splitsOf = async (q: pg.Pool | pg.PoolClient = pool): Promise<Split[] | undefined> => {
    const rows = (await q.query<Split>('SELECT story_id AS "storyId", source_id AS "sourceId", guid, at FROM splits ORDER BY at, story_id, source_id, guid')).rows;
    return rows.length ? rows.map((r) => ({ storyId: r.storyId, sourceId: r.sourceId, guid: JSON.parse(r.guid) as string, at: r.at })) : undefined;
  };
  const topicRulesOf = async (q: pg.Pool | pg.PoolClient = pool) => (await q.query<{ topic_rules: string | null }>('SELECT topic_rules FROM store_state')).rows[0]?.topic_rules ?? undefined;

  // The recent stories, as of a store revision: a poller's fold reads the stories of the
  // last few days cycle after cycle, so they are kept here and only what any process
  // wrote since (rev > that revision) is read again. Read and brought up to date only
  // under the update lock, where the revision cannot move. Ranges older than a week
  // (a new feed's archive) are read directly, not kept.
  let recent: { from: string; rev: number; byId: Map<string, Story> } | undefined;
  const RECENT_DAYS = 7;

  async function recentStories(client: pg.PoolClient, from: string, floor: string, revision: number): Promise<Map<string, Story>> {
    if (!recent) {
      const byId = new Map<string, Story>();
      for (const r of (await client.query<Row>('SELECT data FROM stories WHERE published >= $1', [from])).rows) byId.set(r.data.id, r.data);
      recent = { from, rev: revision, byId };
      return byId;
    }
    if (revision !== recent.rev) {
      for (const r of (await client.query<Row>('SELECT data FROM stories WHERE rev > $1 AND published >= $2', [recent.rev, recent.from])).rows) recent.byId.set(r.data.id, r.data);
      recent.rev = revision;
    }
    if (from < recent.from) {
      // Only the slice not held yet (the rows written since were read just above).
      for (const r of (await client.query<Row>('SELECT data FROM stories WHERE published >= $1 AND published < $2', [from, recent.from])).rows) recent.byId.set(r.data.id, r.data);
      recent.from = from;
    }
    if (recent.from < floor) {
      // Kept for a week at most: older stories leave as time moves on.
      for (const [id, st] of recent.byId) if (st.published < floor) recent.byId.delete(id);
      recent.from = floor;
    }
    return recent.byId;
  }

  /** The stories a scope names, each once. */
  async function loadStories(client: pg.PoolClient, scope: ViewScope, revision: number): Promise<Story[]> {
    if (scope.all) return (await client.query<Row>('SELECT data FROM stories ORDER BY published, id')).rows.map((r) => r.data);
    const byId = new Map<string, Story>();
    const add = (rows: Row[]) => {
      for (const r of rows) byId.set(r.data.id, r.data);
    };
    const floor = new Date(Date.now() - RECENT_DAYS * 86_400_000).toISOString();
    const ranges = scope.ranges ?? [];
    const near = ranges.filter(([from]) => from >= floor);
    if (near.length) {
      const cached = await recentStories(client, near.reduce((m, [from]) => (from < m ? from : m), near[0]![0]), floor, revision);
      for (const st of cached.values()) if (near.some(([from, to]) => st.published >= from && st.published <= to)) byId.set(st.id, st);
    }
    for (const [from, to] of ranges.filter(([f]) => f < floor)) add((await client.query<Row>('SELECT data FROM stories WHERE published >= $1 AND published <= $2', [from, to])).rows);
    if (scope.identities?.length) {
      const sources: string[] = [];
      const guids: string[] = [];
      for (const id of scope.identities) {
        const cut = id.indexOf('\n');
        sources.push(pgText(id.slice(0, cut)));
        guids.push(pgText(id.slice(cut + 1)));
      }
      add(
        (
          await client.query<Row>(
            `SELECT s.data FROM stories s WHERE s.id IN (
               SELECT r.story_id FROM reporters r JOIN unnest($1::text[], $2::text[]) AS i(source_id, guid) ON r.source_id = i.source_id AND r.guid = i.guid)`,
            [sources, guids],
          )
        ).rows,
      );
    }
    if (scope.ids?.length) add((await client.query<Row>('SELECT data FROM stories WHERE id = ANY($1)', [scope.ids])).rows);
    // In published order, as the lowdb store keeps them: the fold's ties then break alike.
    return [...byId.values()].sort((a, b) => (a.published < b.published ? -1 : a.published > b.published ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async function loadView(client: pg.PoolClient, scope: ViewScope, revision: number): Promise<StoreData> {
    const seen: Record<string, string> = {};
    const keys = scope.seenKeys;
    if (keys?.length) for (const r of (await client.query<{ key: string; at: string }>('SELECT key, at FROM seen WHERE key = ANY($1)', [keys])).rows) seen[r.key] = r.at;
    const [stories, sources, splits, topicRules] = [await loadStories(client, scope, revision), await sourceStates(client), await splitsOf(client), await topicRulesOf(client)];
    return { version: 1, stories, sources, seen, ...(topicRules ? { topicRules } : {}), ...(splits ? { splits } : {}) };
  }

  /** After a commit: the recent stories as this update left them, at its revision. */
  function keepRecent(view: StoreData, next: StoreData, rev: number, retainFrom: string | undefined): void {
    if (!recent) return;
    const kept = new Set(next.stories.map((st) => st.id));
    const deleted = view.stories.filter((st) => !kept.has(st.id));
    if (retainFrom) for (const [id, st] of recent.byId) if (st.published < retainFrom) recent.byId.delete(id);
    if (recent.rev !== rev - 1) {
      // Not read in this update: the rows it wrote carry a newer rev and the next update
      // reads them; rows it deleted would not show, so then it is read again whole.
      if (deleted.length) recent = undefined;
      return;
    }
    for (const st of deleted) recent.byId.delete(st.id);
    for (const st of next.stories) if (st.published >= recent.from && !(retainFrom && st.published < retainFrom)) recent.byId.set(st.id, st);
    recent.rev = rev;
  }

  async function inBatches<T>(rows: readonly T[], fn: (batch: readonly T[]) => Promise<unknown>): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) await fn(rows.slice(i, i + BATCH));
  }

  /** Write what differs between the view and the next data. */
  async function writeDiff(client: pg.PoolClient, view: StoreData, next: StoreData, rev: number, retainFrom: string | undefined, keepState: ReadonlySet<string>): Promise<void> {
    const before = new Map(view.stories.map((s) => [s.id, s]));
    const upserts = next.stories.filter((s) => before.get(s.id) !== s);
    const nextIds = new Set(next.stories.map((s) => s.id));
    const deleted = view.stories.filter((s) => !nextIds.has(s.id)).map((s) => s.id);
    if (deleted.length) await client.query('DELETE FROM stories WHERE id = ANY($1)', [deleted]);
    await inBatches(upserts, async (batch) => {
      const ids = batch.map((s) => s.id);
      await client.query(
        `INSERT INTO stories (id, title_key, published, updated, outlets, search, rev, data)
         SELECT id, title_key, published, updated, outlets, search, $7, data FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $8::json[])
           AS u(id, title_key, published, updated, outlets, search, data)
         ON CONFLICT (id) DO UPDATE SET title_key = EXCLUDED.title_key, published = EXCLUDED.published, updated = EXCLUDED.updated,
           outlets = EXCLUDED.outlets, search = EXCLUDED.search, rev = EXCLUDED.rev, data = EXCLUDED.data`,
        [ids, batch.map((s) => pgText(s.titleKey)), batch.map((s) => s.published), batch.map((s) => s.updated), batch.map(outletCount), batch.map(searchText), rev, batch.map((s) => JSON.stringify(s))],
      );
      await client.query('DELETE FROM reporters WHERE story_id = ANY($1)', [ids]);
      const rep = batch.flatMap((s) => s.reporters.map((r) => [r.sourceId, pgText(r.guid), s.id, s.published, r.seenAt] as const));
      await client.query(
        'INSERT INTO reporters (source_id, guid, story_id, published, seen_at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])',
        [0, 1, 2, 3, 4].map((k) => rep.map((row) => row[k])),
      );
      await client.query('DELETE FROM story_topics WHERE story_id = ANY($1)', [ids]);
      const top = batch.flatMap((s) => s.topics.map((t) => [t, s.id, s.published] as const));
      if (top.length) await client.query('INSERT INTO story_topics (topic, story_id, published) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])', [0, 1, 2].map((k) => top.map((row) => row[k])));
    });

    const changedSources = Object.entries(next.sources).filter(([id, st]) => view.sources[id] !== st && !keepState.has(id));
    await inBatches(changedSources, (batch) =>
      client.query(
        `INSERT INTO sources (id, state, next_due) SELECT * FROM unnest($1::text[], $2::json[], $3::text[])
         ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, next_due = EXCLUDED.next_due`,
        [batch.map(([id]) => id), batch.map(([, st]) => JSON.stringify(st)), batch.map(([, st]) => st.nextDue ?? null)],
      ),
    );

    if (next.seen !== view.seen) {
      const changedSeen = Object.entries(next.seen).filter(([k, at]) => view.seen[k] !== at);
      await inBatches(changedSeen, (batch) =>
        client.query(`INSERT INTO seen (key, at) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (key) DO UPDATE SET at = EXCLUDED.at`, [batch.map(([k]) => k), batch.map(([, at]) => at)]),
      );
      const gone = Object.keys(view.seen).filter((k) => !(k in next.seen));
      if (gone.length) await client.query('DELETE FROM seen WHERE key = ANY($1)', [gone]);
    }

    if (next.splits !== view.splits) {
      const key = (x: Split) => `${x.storyId}\n${x.sourceId}\n${x.guid}`;
      const had = new Set((view.splits ?? []).map(key));
      const added = (next.splits ?? []).filter((x) => !had.has(key(x)) && nextIds.has(x.storyId));
      if (added.length) {
        await client.query('INSERT INTO splits (story_id, source_id, guid, at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT DO NOTHING', [
          added.map((x) => x.storyId),
          added.map((x) => x.sourceId),
          added.map((x) => JSON.stringify(x.guid)), // as a JSON string: exact, U+0000 and all
          added.map((x) => x.at),
        ]);
      }
    }
    if (next.topicRules !== view.topicRules) await client.query('UPDATE store_state SET topic_rules = $1', [next.topicRules ?? null]);
    if (retainFrom) {
      await client.query('DELETE FROM stories WHERE published < $1', [retainFrom]);
      await client.query('DELETE FROM seen WHERE at < $1', [retainFrom]);
    }
  }

  /** Rows of a feed in its order, from `offset`, with its SQL filters (q only prefilters). */
  function feedSql(key: FeedSelector, query: StoryFilter, now: number): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const p = (v: unknown) => `$${params.push(v)}`;
    const where: string[] = [];
    let from = 'stories s';
    let order = 's.published DESC, s.id';
    if (key.kind === 'top') {
      where.push(`s.published >= ${p(new Date(now - TOP_HOURS * 3_600_000).toISOString())}`, 's.outlets >= 2');
      order = 's.outlets DESC, s.published DESC, s.id';
    } else if (key.kind === 'topic') {
      from = 'story_topics t JOIN stories s ON s.id = t.story_id';
      where.push(`t.topic = ${p(key.id)}`);
      order = 't.published DESC, t.story_id';
    } else if (key.kind === 'source') {
      from = 'reporters r JOIN stories s ON s.id = r.story_id';
      where.push(`r.source_id = ${p(key.id)}`);
      order = 'r.published DESC, r.story_id';
    }
    // The since filter on the column the feed is ordered by (the same time, copied), so
    // the feed's own index serves both.
    if (query.since) where.push(`${key.kind === 'topic' ? 't' : key.kind === 'source' ? 'r' : 's'}.published >= ${p(query.since)}`);
    if (query.sources) where.push(`EXISTS (SELECT 1 FROM reporters f WHERE f.story_id = s.id AND f.source_id = ANY(${p(query.sources)}))`);
    const core = query.q ? searchCore(query.q) : undefined;
    if (core) where.push(`s.search LIKE ${p(`%${likeEscape(core)}%`)}`);
    return { sql: `SELECT s.data FROM ${from}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order}`, params };
  }

  const store: Store = {
    kind: 'postgres',
    revision,
    async head() {
      const [sources, topicRules, splits] = [await sourceStates(), await topicRulesOf(), await splitsOf()];
      return { sources, ...(topicRules ? { topicRules } : {}), ...(splits ? { splits } : {}) };
    },
    async seenOf(keys) {
      const out: Record<string, string> = {};
      if (keys.length) for (const r of (await pool.query<{ key: string; at: string }>('SELECT key, at FROM seen WHERE key = ANY($1)', [keys])).rows) out[r.key] = r.at;
      return out;
    },
    async claim(ids, { now, onlyDue, leaseMs, limit }) {
      if (ids.length === 0) return new Map();
      await pool.query('INSERT INTO sources (id) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING', [ids]);
      const rows = (
        await pool.query<{ id: string; state: SourceState | null }>(
          `UPDATE sources SET lease_owner = $4, lease_until = now() + $5 * interval '1 millisecond'
           WHERE id IN (
             SELECT id FROM sources
             WHERE id = ANY($1) AND (lease_until IS NULL OR lease_until < now() OR lease_owner = $4)
               AND (NOT $2 OR next_due IS NULL OR next_due <= $3)
             ORDER BY array_position($1::text[], id)
             LIMIT $6
             FOR UPDATE SKIP LOCKED)
           RETURNING id, state`,
          [ids, onlyDue, new Date(now).toISOString(), owner, leaseMs, limit ?? null],
        )
      ).rows;
      for (const r of rows) held.set(r.id, leaseMs);
      if (rows.length) scheduleRenew(leaseMs);
      return new Map(rows.map((r) => [r.id, r.state ?? undefined]));
    },
    async release(ids) {
      forget(ids);
      if (ids.length) await pool.query('UPDATE sources SET lease_owner = NULL, lease_until = NULL WHERE id = ANY($1) AND lease_owner = $2', [ids, owner]);
    },
    async update(scope, fn, updateOpts) {
      const client = await pool.connect();
      // A connection lost while checked out is an 'error' event on the client: without a
      // listener it would end the process. The query in flight fails instead.
      let lost: Error | undefined;
      const onLost = (err: Error) => (lost = err);
      client.on('error', onLost);
      try {
        await client.query('BEGIN');
        // One writer at a time: what the fold reads stays true until it commits.
        await client.query(`SELECT pg_advisory_xact_lock(${lockKey(opts.schema, 'update')})`);
        const before = Number((await client.query<{ revision: string }>('SELECT revision FROM store_state')).rows[0]!.revision);
        const view = await loadView(client, scope, before);
        const out = fn(view);
        const rev = Number((await client.query<{ revision: string }>('UPDATE store_state SET revision = revision + 1 RETURNING revision')).rows[0]!.revision);
        // A claim this poller no longer holds (its lease ran out during a stall and another
        // poller took the source): that poller's state of the source stands, not ours.
        const lostClaims = new Set<string>();
        if (updateOpts?.release?.length) {
          const rows = (await client.query<{ id: string }>('SELECT id FROM sources WHERE id = ANY($1) AND lease_owner IS DISTINCT FROM $2', [updateOpts.release, owner])).rows;
          for (const r of rows) lostClaims.add(r.id);
          if (lostClaims.size) opts.log.warn({ sources: [...lostClaims] }, 'postgres: leases lost during the cycle (longer than store.leaseSeconds?): their states left to the poller that took them');
        }
        await writeDiff(client, view, out.data, rev, out.retainFrom, lostClaims);
        if (updateOpts?.release?.length) {
          await client.query('UPDATE sources SET lease_owner = NULL, lease_until = NULL WHERE id = ANY($1) AND lease_owner = $2', [updateOpts.release, owner]);
        }
        await client.query('COMMIT');
        known = { rev, at: Date.now() };
        if (updateOpts?.release) forget(updateOpts.release);
        keepRecent(view, out.data, rev, out.retainFrom);
        return out.result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        recent = undefined; // what it holds may be ahead of the database now
        throw err;
      } finally {
        client.off('error', onLost);
        client.release(lost); // a lost connection is destroyed, not pooled again
      }
    },
    async feedPage(key, query, offset, limit, now): Promise<FeedPage> {
      const { sql, params } = feedSql(key, query, now);
      if (!query.q) {
        const [rows, sources] = await Promise.all([pool.query<Row>(`${sql} LIMIT ${limit + 1} OFFSET ${offset}`, params).then((r) => r.rows), sourceStates()]);
        return { stories: rows.slice(0, limit).map((r) => r.data), more: rows.length > limit, sources };
      }
      const sourcesP = sourceStates();
      sourcesP.catch(() => undefined); // awaited below; a failure before that is not unhandled
      // ?q=: the SQL prefilter finds candidates; the phrase match in code decides.
      const matched: Story[] = [];
      const CHUNK = 500;
      for (let at = 0; matched.length <= offset + limit; at += CHUNK) {
        const rows = (await pool.query<Row>(`${sql} LIMIT ${CHUNK} OFFSET ${at}`, params)).rows;
        for (const r of rows) if (matchesText(r.data, query.q)) matched.push(r.data);
        if (rows.length < CHUNK) break;
      }
      return { stories: matched.slice(offset, offset + limit), more: matched.length > offset + limit, sources: await sourcesP };
    },
    async story(id) {
      return (await pool.query<Row>('SELECT data FROM stories WHERE id = $1', [id])).rows[0]?.data;
    },
    async stats(since): Promise<StoreStats> {
      // /status asks on every request; the counts change only with the revision (and the
      // 24-hour line, which may lag by up to a minute).
      const rev = await revision();
      if (statsMemo && statsMemo.rev === rev && Math.abs(Date.parse(since) - Date.parse(statsMemo.since)) < 60_000) return statsMemo.result;
      const total = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM stories')).rows[0]!.n);
      const perSource: StoreStats['perSource'] = new Map();
      const rows = (
        await pool.query<{ source_id: string; stored: string; recent: string }>(
          'SELECT source_id, count(*) AS stored, count(*) FILTER (WHERE seen_at >= $1) AS recent FROM reporters GROUP BY source_id',
          [since],
        )
      ).rows;
      for (const r of rows) perSource.set(r.source_id, { stored: Number(r.stored), recent: Number(r.recent) });
      statsMemo = { rev, since, result: { stories: total, perSource } };
      return statsMemo.result;
    },
    async *eachStory(batchSize = 1000) {
      let after = '';
      for (;;) {
        const rows = (await pool.query<Row & { id: string }>('SELECT id, data FROM stories WHERE id > $1 ORDER BY id LIMIT $2', [after, batchSize])).rows;
        if (rows.length === 0) return;
        yield rows.map((r) => r.data);
        after = rows[rows.length - 1]!.id;
      }
    },
    async meta() {
      const seen: Record<string, string> = {};
      for (const r of (await pool.query<{ key: string; at: string }>('SELECT key, at FROM seen')).rows) seen[r.key] = r.at;
      const [sources, topicRules, splits] = [await sourceStates(), await topicRulesOf(), await splitsOf()];
      return { version: 1 as const, sources, seen, ...(topicRules ? { topicRules } : {}), ...(splits ? { splits } : {}) };
    },
    async close() {
      const ids = [...held.keys()];
      if (ids.length) await store.release(ids).catch(() => undefined);
      forget(ids);
      await pool.end();
    },
  };
  return store;
}
