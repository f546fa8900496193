// The one function that wires a refresh: every trigger (scheduler, `nahr poll`, tests)
// calls pollCycle. Read it top to bottom to follow an item from URL to stored story:
// fetch → not modified? → decode → parse → normalize → fold → classify → store.
// Dependencies come in as an argument, so tests run it with fakes.
import { createHash } from 'node:crypto';
import pLimit from 'p-limit';
import { classifyStory, compileTopics, topicRulesFingerprint, type TopicRules } from '../classify/topics.js';
import type { Config, SourceConfig } from '../config/schema.js';
import { foldItems } from '../dedupe/fold.js';
import { FeedError } from '../errors.js';
import { decodeFeed } from '../fetch/charset.js';
import type { FetchFeed } from '../fetch/fetch.js';
import type { Log } from '../log.js';
import type { Item, SourceState, Story } from '../model.js';
import { normalizeItem } from '../normalize/item.js';
import { cleanLink } from '../normalize/links.js';
import { plainText } from '../normalize/text.js';
import { createTitleKeyFolder } from '../normalize/title-key.js';
import { parseFeed } from '../parse/parse.js';
import { NAHR_VERSION } from '../version.js';
import type { Store, StoreData } from '../store/store.js';
import { isDue, nextDueAfter } from './schedule.js';

export interface PollDeps {
  store: Store;
  fetch: FetchFeed;
  now: () => number;
  log: Log;
}

export interface PollOptions {
  /** Only sources whose nextDue has passed (the scheduler); else every enabled source. */
  onlyDue: boolean;
}

export interface SourceReport {
  sourceId: string;
  outcome: 'ok' | 'not-modified' | 'failed';
  /** Items that started a story. */
  newStories: number;
  /** Items that joined another outlet's story. */
  folded: number;
  /** Items already stored whose content changed. */
  updated: number;
  /** Items in the feed that nahr already had (unchanged, or dropped by retention). */
  known: number;
  /** Entries that could not be normalized. */
  skipped: number;
  error?: { code: string; message: string };
}

type Fetched =
  | { source: SourceConfig; kind: 'not-modified' }
  | { source: SourceConfig; kind: 'failed'; error: FeedError; status?: number }
  | {
      source: SourceConfig;
      kind: 'ok';
      items: Item[];
      skipped: number;
      status: number;
      etag?: string;
      lastModified?: string;
      feedTitle?: string;
      feedLink?: string;
    };

/** Hash of an item's identity, for the store's memory of items already ingested. */
export function seenKey(sourceId: string, guid: string): string {
  return createHash('sha1').update(`${sourceId}\n${guid}`).digest('hex').slice(0, 24);
}

export async function pollCycle(config: Config, deps: PollDeps, opts: PollOptions): Promise<SourceReport[]> {
  const { store, log } = deps;
  const startedAt = deps.now();
  const before = store.read();
  const sources = config.sources.filter(
    (s) => s.enabled && (!opts.onlyDue || isDue(before.sources[s.id], startedAt)),
  );
  if (sources.length === 0) return [];
  const titleKey = createTitleKeyFolder(config.sources.map((s) => s.name));

  // 1. I/O: fetch, decode, parse and normalize every source, at most `concurrency` at once.
  // A source's failure is a value here, never an exception: it cannot stop the others.
  const limit = pLimit(config.fetch.concurrency);
  const fetched = await Promise.all(
    sources.map((source) =>
      limit(async (): Promise<Fetched> => {
        const state = before.sources[source.id];
        try {
          const res = await deps.fetch({
            url: source.url,
            etag: state?.etag,
            lastModified: state?.lastModified,
            timeoutMs: config.fetch.timeoutSeconds * 1000,
            maxBytes: config.fetch.maxBytes,
            userAgent: config.fetch.userAgent ?? defaultUserAgent(config.publicUrl),
          });
          if (res.kind === 'not-modified') return { source, kind: 'not-modified' };
          const { text } = decodeFeed(res.bytes, res.contentType);
          const feed = await parseFeed(text);
          const now = deps.now();
          const items: Item[] = [];
          let skipped = 0;
          for (const raw of feed.items) {
            const n = normalizeItem(raw, { sourceId: source.id, feedUrl: res.url, now, titleKey });
            if (n.ok) items.push(n.item);
            else {
              skipped++;
              log.debug({ source_id: source.id, reason: n.reason }, 'entry skipped');
            }
          }
          return {
            source,
            kind: 'ok',
            items,
            skipped,
            status: res.status,
            etag: res.etag,
            lastModified: res.lastModified,
            feedTitle: plainText(feed.title) || undefined,
            feedLink: cleanLink(feed.link, res.url),
          };
        } catch (err) {
          const error =
            err instanceof FeedError ? err : new FeedError('parse', `unexpected error: ${(err as Error)?.message ?? err}`, undefined, { cause: err });
          return { source, kind: 'failed', error, status: error.status };
        }
      }),
    ),
  );

  // 2. Pure: fold and classify. All new items of the cycle are folded together in the
  // order they were reported (then config order, then feed order), so the earliest report
  // of a story is its first reporter whichever server answered first.
  const now = deps.now();
  const nowIso = new Date(now).toISOString();
  const rules = compileTopics(config);
  const nextDue = nextDueAfter(config.schedule, now);
  const seen = { ...before.seen };
  const states: Record<string, SourceState> = { ...before.sources };
  const reports = new Map<string, SourceReport>();
  const storedGuids = new Set<string>();
  for (const s of before.stories) for (const r of s.reporters) storedGuids.add(`${r.sourceId}\n${r.guid}`);
  const fresh: Array<{ item: Item; order: number }> = [];

  for (const f of fetched) {
    const prev: SourceState = states[f.source.id] ?? { consecutiveFailures: 0 };
    const base: SourceState = { ...prev, lastAttempt: nowIso, nextDue };
    const report: SourceReport = { sourceId: f.source.id, outcome: 'ok', newStories: 0, folded: 0, updated: 0, known: 0, skipped: 0 };
    reports.set(f.source.id, report);
    if (f.kind === 'failed') {
      states[f.source.id] = {
        ...base,
        lastStatus: f.status,
        consecutiveFailures: prev.consecutiveFailures + 1,
        lastError: f.error.message,
      };
      report.outcome = 'failed';
      report.error = { code: f.error.code, message: f.error.message };
      log.warn({ source_id: f.source.id, url: f.source.url, code: f.error.code, err: f.error.message }, 'poll failed');
    } else if (f.kind === 'not-modified') {
      states[f.source.id] = { ...base, lastStatus: 304, lastSuccess: nowIso, consecutiveFailures: 0, lastError: undefined };
      report.outcome = 'not-modified';
    } else {
      for (const item of f.items) {
        // Items ingested once but no longer stored (retention dropped them) stay out.
        const key = seenKey(item.sourceId, item.guid);
        if (seen[key] && !storedGuids.has(`${item.sourceId}\n${item.guid}`)) report.known++;
        else fresh.push({ item, order: fresh.length });
        seen[key] = nowIso;
      }
      report.skipped = f.skipped;
      states[f.source.id] = {
        ...base,
        etag: f.etag,
        lastModified: f.lastModified,
        lastStatus: f.status,
        lastSuccess: nowIso,
        consecutiveFailures: 0,
        lastError: undefined,
        feedTitle: f.feedTitle ?? prev.feedTitle,
        feedLink: f.feedLink ?? prev.feedLink,
      };
    }
  }

  const time = (i: Item) => i.published ?? nowIso;
  fresh.sort((a, b) => (time(a.item) < time(b.item) ? -1 : time(a.item) > time(b.item) ? 1 : a.order - b.order));
  const items = fresh.map((f) => f.item);
  const folded = foldItems(before.stories, items, { windowHours: config.dedupe.windowHours, now });
  folded.outcomes.forEach((o, i) => {
    const report = reports.get(items[i]!.sourceId)!;
    if (o === 'new') report.newStories++;
    else if (o === 'folded') report.folded++;
    else if (o === 'updated') report.updated++;
    else report.known++;
  });
  for (const r of reports.values()) {
    if (r.outcome === 'ok') log.info({ source_id: r.sourceId, new: r.newStories, folded: r.folded, updated: r.updated }, 'polled');
  }
  let stories: Story[] = folded.stories;
  const touched = folded.touched;

  // New and changed stories are filed; all of them when the topic rules were edited.
  const fingerprint = topicRulesFingerprint(config);
  const refileAll = before.topicRules !== fingerprint;
  stories = fileTopics(stories, rules, nowIso, { only: refileAll ? undefined : touched, created: folded.created });
  const next = applyRetention({ version: 1, stories, sources: states, seen, topicRules: fingerprint }, config.retention.days, now);
  await store.write(next);
  return fetched.map((f) => reports.get(f.source.id)!);
}

/** Drop stories older than the retention, and forget seen items long gone from their feed. */
export function applyRetention(data: StoreData, days: number, now: number): StoreData {
  const cutoff = new Date(now - days * 86_400_000).toISOString();
  const seen: Record<string, string> = {};
  for (const [k, t] of Object.entries(data.seen)) if (t >= cutoff) seen[k] = t;
  return { ...data, stories: data.stories.filter((s) => s.published >= cutoff), seen };
}

/**
 * Topics for `only` the given stories (all when undefined). A stored story that joins or
 * leaves a topic has changed for that topic's readers: its `updated` moves to now.
 */
export function fileTopics(
  stories: Story[],
  rules: TopicRules,
  nowIso: string,
  scope: { only?: ReadonlySet<string>; created?: ReadonlySet<string> } = {},
): Story[] {
  return stories.map((s) => {
    if (scope.only && !scope.only.has(s.id)) return s;
    const topics = classifyStory(s, rules);
    if (topics.join('\n') === s.topics.join('\n')) return s;
    const bump = !scope.created?.has(s.id) && nowIso > s.updated;
    return { ...s, topics, updated: bump ? nowIso : s.updated };
  });
}

/** Re-file every story when the topic rules differ from those it was filed with. */
export function refileIfRulesChanged(data: StoreData, config: Config, now: number): StoreData | undefined {
  const fingerprint = topicRulesFingerprint(config);
  if (data.topicRules === fingerprint) return undefined;
  return { ...data, topicRules: fingerprint, stories: fileTopics(data.stories, compileTopics(config), new Date(now).toISOString()) };
}

export function defaultUserAgent(publicUrl: string): string {
  return `nahr/${NAHR_VERSION} (Arabic news aggregator; +${publicUrl})`;
}
