// The config schema: the single source of truth for keys, types and defaults. The README's
// config reference is written from it; unknown keys are errors (a typo like "keyword:"
// must not silently do nothing).
import cron from 'node-cron';
import { z } from 'zod';
import { parseDuration } from './duration.js';

const id = z
  .string({ error: 'expected an id (text)' })
  .regex(/^[a-z0-9-]+$/, { error: 'expected an id of lowercase a-z, 0-9 and "-"' });
const text = z.string({ error: 'expected text' }).trim().min(1, { error: 'must not be empty' });
const HTTP_URL_ERROR = 'not a URL (expected http:// or https://)';
const httpUrl = z
  .url({ protocol: /^https?$/, error: HTTP_URL_ERROR })
  .refine((u) => !/[\u0000-\u001F\u007F]/.test(u), { error: 'a URL must not contain control characters' });

/** Why `url` cannot be a source's URL, or undefined when it can (the schema's own check). */
export function httpUrlProblem(url: string): string | undefined {
  return httpUrl.safeParse(url).success ? undefined : HTTP_URL_ERROR;
}
const phrases = z.array(text, { error: 'expected a list of phrases' }).default([]);

const duration = z
  .string({ error: 'expected a duration such as "15m", "6h" or "1d"' })
  .refine((d) => (parseDuration(d) ?? 0) >= 60_000, { error: 'expected a duration of at least 1 minute, such as "15m", "6h" or "1d"' });

const timezone = z.string({ error: 'expected a time zone such as "Asia/Damascus"' }).refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'not a known time zone (an IANA name such as "Asia/Damascus")' },
);

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export const sourceSchema = z.strictObject({
  id,
  name: text,
  url: httpUrl,
  topics: z.array(id, { error: 'expected a list of topic ids' }).default([]),
  enabled: z.boolean({ error: 'expected true or false' }).default(true),
  lang: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { error: 'expected a language tag such as "ar" or "en"' })
    .default('ar'),
  /** Overrides the global schedule for this source: polled when this long has passed. */
  interval: duration.optional(),
  timeoutSeconds: z.number({ error: 'expected a number of seconds' }).positive({ error: 'must be > 0' }).optional(),
  /** For dates the feed writes without a zone. */
  timezone: timezone.default('Asia/Damascus'),
  userAgent: text.optional(),
  headers: z
    .record(
      z.string().regex(headerName, { error: 'not a valid HTTP header name' }),
      z.string({ error: 'expected the header value as text' }),
      { error: 'expected a map of header names to values' },
    )
    .default({}),
});

export const topicSchema = z.strictObject({
  id,
  title: text,
  keywords: phrases,
  exclude: phrases,
  categories: phrases,
});

const positive = (what: string) => z.number({ error: `expected a number of ${what}` }).positive({ error: 'must be > 0' });

export const configSchema = z
  .strictObject({
    publicUrl: httpUrl.default('http://localhost:8080'),
    schedule: z
      .string({ error: 'expected a cron expression' })
      .refine((s) => cron.validate(s), { error: 'not a valid cron expression (e.g. "*/10 * * * *")' })
      .default('*/10 * * * *'),
    dedupe: z
      .strictObject({
        windowHours: positive('hours').default(72),
        fuzzy: z
          .strictObject({
            enabled: z.boolean({ error: 'expected true or false' }).default(true),
            windowHours: positive('hours').default(24),
            threshold: z.number({ error: 'expected a number between 0 and 1' }).min(0.3, { error: 'must be at least 0.3 (lower folds unrelated stories)' }).max(1, { error: 'must be at most 1' }).default(0.65),
          })
          .prefault({}),
      })
      .prefault({}),
    retention: z.strictObject({ days: positive('days').default(30) }).prefault({}),
    store: z
      .strictObject({
        kind: z.enum(['lowdb', 'postgres'], { error: 'expected lowdb or postgres' }).default('lowdb'),
        // postgres: the connection URL; else DATABASE_URL from the environment.
        url: z
          .string({ error: 'expected a postgres:// URL' })
          .regex(/^postgres(ql)?:\/\//, { error: 'expected a postgres:// URL' })
          .optional(),
        // postgres: the schema nahr's tables live in (several deployments, one database).
        schema: z
          .string({ error: 'expected a schema name' })
          .regex(/^[a-z_][a-z0-9_]{0,62}$/, { error: 'expected a lower-case SQL name (letters, digits, _)' })
          .default('nahr'),
        // How long a poller's claim on a source holds if the poller dies mid-cycle.
        leaseSeconds: positive('seconds').default(300),
      })
      .prefault({}),
    feed: z
      .strictObject({
        maxEntries: z.number().int({ error: 'expected a whole number' }).min(1).max(1000).default(100),
      })
      .prefault({}),
    fetch: z
      .strictObject({
        concurrency: z.number().int().min(1).max(64).default(8),
        perHost: z.number().int().min(1).max(16).default(2),
        timeoutSeconds: positive('seconds').default(20),
        maxBytes: z.number().int().min(1024).default(15 * 1024 * 1024),
        // Default: "nahr/<version> (+<publicUrl>)", so a site's admin can see who polls.
        userAgent: text.optional(),
      })
      .prefault({}),
    backoff: z.strictObject({ maxHours: positive('hours').default(24) }).prefault({}),
    websub: z.strictObject({ hubs: z.array(httpUrl, { error: 'expected a list of hub URLs' }).default([]) }).prefault({}),
    sources: z.array(sourceSchema, { error: 'expected a list of sources' }).default([]),
    topics: z.array(topicSchema, { error: 'expected a list of topics' }).default([]),
  });

export interface CrossProblem {
  path: Array<string | number>;
  message: string;
}

/**
 * Checks across entries (duplicate ids, topic references), run on the raw data so they
 * are reported together with every type error, not only once the rest is valid.
 */
export function crossReferenceProblems(raw: unknown): CrossProblem[] {
  const problems: CrossProblem[] = [];
  const data = (raw && typeof raw === 'object' ? raw : {}) as { sources?: unknown; topics?: unknown };
  const list = (v: unknown): Array<Record<string, unknown>> =>
    Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' ? (x as Record<string, unknown>) : {})) : [];
  const sources = list(data.sources);
  const topics = list(data.topics);
  const firstIndex = (kind: 'sources' | 'topics', entries: Array<Record<string, unknown>>) => {
    const seen = new Map<string, number>();
    entries.forEach((e, i) => {
      if (typeof e.id !== 'string') return;
      const before = seen.get(e.id);
      if (before !== undefined) {
        problems.push({ path: [kind, i, 'id'], message: `duplicate id "${e.id}" (also ${kind}[${before}])` });
      } else seen.set(e.id, i);
    });
    return seen;
  };
  firstIndex('sources', sources);
  const topicIds = firstIndex('topics', topics);
  sources.forEach((s, i) => {
    if (!Array.isArray(s.topics)) return;
    s.topics.forEach((t, j) => {
      if (typeof t === 'string' && !topicIds.has(t)) {
        problems.push({ path: ['sources', i, 'topics', j], message: `unknown topic "${t}" (not listed under topics:)` });
      }
    });
  });
  return problems;
}

export type Config = z.infer<typeof configSchema>;
export type SourceConfig = z.infer<typeof sourceSchema>;
export type TopicConfig = z.infer<typeof topicSchema>;
