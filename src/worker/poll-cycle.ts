// The one function that wires a refresh: every trigger (scheduler, `nahr poll`, tests)
// calls pollCycle. Read it top to bottom to follow an item from URL to stored story:
// fetch → not modified? → decode → parse → normalize → fold → classify → store.
// Dependencies come in as an argument, so tests run it with fakes.
import { createHash } from 'node:crypto';
import pLimit, { type LimitFunction } from 'p-limit';
import { classifyStory, compileTopics, topicRulesFingerprint, type TopicRules } from '../classify/topics.js';
import type { Config, SourceConfig } from '../config/schema.js';
import { foldItems, splitKey } from '../dedupe/fold.js';
import { headlineFeatures, leadSentence, type Features } from '../dedupe/similar.js';
import type { FetchFeed } from '../fetch/fetch.js';
import type { Log } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { Item, SourceState, Story } from '../model.js';
import { createTitleKeyFolder, type TitleKeyFolder } from '../normalize/title-key.js';
import type { Store } from '../store/store.js';
import { readSource, type SourceRead } from './read-source.js';
import { inRetryAfterWindow, isDue } from './schedule.js';
import { isRateLimit, nextSourceState } from './source-state.js';


export interface PollDeps {
  store: Store;
  fetch: FetchFeed;
  now: () => number;
  log: Log;
  /** Each fetch starts after a random delay up to this (default 0): a hundred sources do
   * not hit the network in the same second. */
  jitterMs?: number;
  random?: () => number;
  metrics?: Pick<Metrics, 'recordPoll'>;
  /** Once aborted (SIGTERM, SIGINT), sources not yet started are left for the next cycle;
   * fetches already in flight finish or time out, and the cycle still stores its results. */
  signal?: AbortSignal;
  /** Called as each source is read (a terminal shows it as progress). */
  onProgress?: (p: { done: number; total: number; failed: number }) => void;
  /** Told, after the store write, which stories the cycle changed (for WebSub pings). */
  onStored?: (changes: StoredChanges) => void;
}

export interface StoredChanges {
  /** The changed stories as they were, and those dropped by retention. */
  before: Story[];
  /** The new and changed stories as they are now. */
  after: Story[];
}

export interface PollOptions {
  /** Only sources whose nextDue has passed (the scheduler); else every enabled source. */
  onlyDue: boolean;
}

export interface SourceReport {
  sourceId: string;
  outcome: 'ok' | 'not-modified' | 'failed' | 'rate-limited' | 'waiting' | 'cancelled';
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
  /** For 'waiting' and 'rate-limited': no request before this time (Retry-After). */
  retryAfterUntil?: string;
  fetchMs?: number;
  /** Bytes of the body fetched (decompressed). */
  bytes?: number;
}

/** Hash of an item's identity, for the store's memory of items already ingested. */
export function seenKey(sourceId: string, guid: string): string {
  return createHash('sha1').update(`${sourceId}\n${guid}`).digest('hex').slice(0, 24);
}

const emptyReport = (sourceId: string, outcome: SourceReport['outcome']): SourceReport => ({
  sourceId,
  outcome,
  newStories: 0,
  folded: 0,
  updated: 0,
  known: 0,
  skipped: 0,
});

/**
 * One abort listener for the whole cycle (not one per source: the scheduler's signal lives
 * as long as the process, and a hundred sources would trip Node's listener-leak warning),
 * removed when the cycle ends. `sleep` is a setTimeout that the abort cuts short.
 */
function abortWatch(signal: AbortSignal | undefined) {
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<void>((resolve) => {
    onAbort = resolve;
    if (signal?.aborted) resolve();
  });
  signal?.addEventListener('abort', onAbort, { once: true });
  return {
    sleep(ms: number): Promise<void> {
      if (ms <= 0 || signal?.aborted) return Promise.resolve();
      let timer: NodeJS.Timeout | undefined;
      return Promise.race([new Promise<void>((r) => (timer = setTimeout(r, ms))), aborted]).finally(() => clearTimeout(timer));
    },
    dispose: () => signal?.removeEventListener('abort', onAbort),
  };
}

// One title folder per set of outlet names, kept across cycles with the features of the
// headlines it has folded: every cycle compares new items against the stored stories'
// first headlines, which are the same cycle after cycle. A stored headline's features live
// as long as its reporter (a WeakMap: no cap to thrash, nothing kept for dropped stories);
// new items' are kept in a small map until they are stored.
let folding:
  | { names: string; key: TitleKeyFolder; owned: WeakMap<object, Features>; recent: Map<string, Features>; ownedLeads: WeakMap<object, Features | null>; leads: Map<string, Features | null> }
  | undefined;
const MAX_RECENT = 50_000;

export function titleFolding(config: Config): {
  key: TitleKeyFolder;
  features: (title: string, owner?: object) => Features;
  lead: (html: string, title: string, owner?: object) => Features | undefined;
} {
  const names = config.sources.map((s) => s.name).join('\n');
  if (folding?.names !== names) {
    folding = { names, key: createTitleKeyFolder(config.sources.map((s) => s.name)), owned: new WeakMap(), recent: new Map(), ownedLeads: new WeakMap(), leads: new Map() };
  }
  const f = folding;
  return {
    key: f.key,
    features: (title, owner) => {
      let hit = owner ? f.owned.get(owner) : undefined;
      if (hit) return hit;
      hit = f.recent.get(title);
      if (!hit) {
        if (f.recent.size >= MAX_RECENT) f.recent.clear();
        hit = headlineFeatures(f.key.words(title));
        f.recent.set(title, hit);
      }
      if (owner) f.owned.set(owner, hit);
      return hit;
    },
    lead: (html, title, owner) => {
      // A stored story's first sentence is read every cycle (it tells which words are
      // common in the window): kept with its reporter, like its headline's features.
      let hit = owner ? f.ownedLeads.get(owner) : undefined;
      if (hit !== undefined) return hit ?? undefined;
      // A digest, not the text: a slice can keep the whole article alive in the cache.
      const id = createHash('sha1').update(title).update('\n').update(html.slice(0, 4000)).digest('base64');
      hit = f.leads.get(id);
      if (hit === undefined) {
        if (f.leads.size >= MAX_RECENT) f.leads.clear();
        const sentence = leadSentence(html, title);
        hit = sentence ? headlineFeatures(f.key.words(sentence)) : null;
        f.leads.set(id, hit);
      }
      if (owner) f.ownedLeads.set(owner, hit);
      return hit ?? undefined;
    },
  };
}

const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

/** How long a poller's claim on its sources holds if it dies mid-cycle (store.leaseSeconds). */
const leaseMs = (config: Config) => config.store.leaseSeconds * 1000;

/** Merged [from, to] intervals (ISO) within `hours` of each time: where the stories new
 * items can fold into were published. */
function reach(times: readonly number[], hours: number): Array<[string, string]> {
  const w = hours * 3_600_000;
  const sorted = [...times].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const t of sorted) {
    const last = out[out.length - 1];
    if (last && t - w <= last[1]) last[1] = t + w;
    else out.push([t - w, t + w]);
  }
  return out.map(([a, b]) => [new Date(a).toISOString(), new Date(b).toISOString()]);
}

/** Sources claimed at a time from a store several pollers share: each poller takes a
 * batch, stores it, takes the next, so a cycle's work spreads over every poller. */
const claimBatch = (config: Config) => Math.max(32, config.fetch.concurrency * 4);

export async function pollCycle(config: Config, deps: PollDeps, opts: PollOptions): Promise<SourceReport[]> {
  const { store } = deps;
  const startedAt = deps.now();
  let head = await store.head();
  // Topics edited since the stories were filed: all of them are re-filed first.
  if (head.topicRules !== topicRulesFingerprint(config) && (await refileIfRulesChanged(store, config, startedAt, deps.log))) head = await store.head();
  const wanted = config.sources.filter((s) => s.enabled && (!opts.onlyDue || isDue(head.sources[s.id], startedAt)));
  const reports = new Map<string, SourceReport>();
  const changed: StoredChanges = { before: [], after: [] };
  // Progress over the whole cycle: the batches before this one, plus this one so far.
  type Progress = { done: number; total: number; failed: number };
  const counted: Progress = { done: 0, total: 0, failed: 0 };
  let current: Progress = { done: 0, total: 0, failed: 0 };
  const onProgress =
    deps.onProgress &&
    ((p: Progress) => {
      current = p;
      deps.onProgress!({ done: counted.done + p.done, total: counted.total + p.total, failed: counted.failed + p.failed });
    });
  let left = wanted;
  try {
    while (left.length > 0 && !deps.signal?.aborted) {
      // Claimed: no other poller sharing the store fetches these until this cycle stores
      // them (or, if this process dies, until the lease runs out). lowdb hands all at once.
      const claimed = await store.claim(left.map((s) => s.id), { now: startedAt, onlyDue: opts.onlyDue, leaseMs: leaseMs(config), limit: claimBatch(config) });
      if (claimed.size === 0) break;
      const batch = left.filter((s) => claimed.has(s.id));
      left = left.filter((s) => !claimed.has(s.id));
      let done: Awaited<ReturnType<typeof pollClaimed>>;
      try {
        // The start of a cycle is spread over jitterMs; later batches follow at once.
        done = await pollClaimed(config, { ...deps, onProgress, ...(reports.size ? { jitterMs: 0 } : {}) }, { sources: batch, claimed, startedAt });
      } catch (err) {
        // Nothing of this batch was stored: its sources go back at once, not after the lease.
        await store.release(batch.map((s) => s.id)).catch(() => undefined);
        throw err;
      }
      for (const r of done.reports) reports.set(r.sourceId, r);
      counted.done += current.done;
      counted.total += current.total;
      counted.failed += current.failed;
      current = { done: 0, total: 0, failed: 0 };
      if (done.changes) {
        changed.before.push(...done.changes.before);
        changed.after.push(...done.changes.after);
      }
    }
  } finally {
    // Once per cycle (not per batch): hubs are pinged and the static copy written once.
    if (changed.before.length || changed.after.length) deps.onStored?.(changed);
  }
  return wanted.filter((s) => reports.has(s.id)).map((s) => reports.get(s.id)!);
}

/** Fetch, fold and store the sources this poller claimed. */
async function pollClaimed(
  config: Config,
  deps: PollDeps,
  batch: { sources: SourceConfig[]; claimed: ReadonlyMap<string, SourceState | undefined>; startedAt: number },
): Promise<{ reports: SourceReport[]; changes?: StoredChanges }> {
  const { store, log } = deps;
  const { claimed, startedAt } = batch;
  const enabled = batch.sources;
  const stateOf = (id: string) => claimed.get(id);
  // Even a manual refresh respects a site's Retry-After.
  const waiting = enabled.filter((s) => inRetryAfterWindow(stateOf(s.id), startedAt));
  const sources = enabled.filter((s) => !waiting.includes(s));
  const { key: titleKey, features, lead } = titleFolding(config);

  // 1. I/O: fetch, decode, parse and normalize every source: at most `concurrency` at
  // once and `perHost` to one host. The host slot is taken first, so a source waiting for
  // its host never holds one of the global slots.
  const global = pLimit(config.fetch.concurrency);
  const perHost = new Map<string, LimitFunction>();
  const random = deps.random ?? Math.random;
  const ctx = { config, fetch: deps.fetch, now: deps.now, log, titleKey };
  const progress = { done: 0, total: sources.length, failed: 0 };
  const signal = deps.signal;
  const watch = abortWatch(signal);
  let settled: Array<SourceRead | undefined>;
  try {
    settled = await Promise.all(
      sources.map(async (source): Promise<SourceRead | undefined> => {
        if (deps.jitterMs) await watch.sleep(Math.floor(random() * deps.jitterMs));
        const host = hostOf(source.url);
        let hostLimit = perHost.get(host);
        if (!hostLimit) perHost.set(host, (hostLimit = pLimit(config.fetch.perHost)));
        const read = await hostLimit(() => global(() => (signal?.aborted ? undefined : readSource(source, stateOf(source.id), ctx))));
        progress.done++;
        if (read?.kind === 'failed') progress.failed++;
        deps.onProgress?.({ ...progress });
        return read;
      }),
    );
  } finally {
    watch.dispose();
  }
  const reads = settled.filter((r): r is SourceRead => r !== undefined);
  const cancelled = sources.filter((_, i) => settled[i] === undefined);

  // 2. What the fold must see: items ingested before, and the stories new items can join
  // (published within the dedupe window of one of them). Only these leave the store.
  const now = deps.now();
  const nowIso = new Date(now).toISOString();
  const readItems = reads.flatMap((f) => (f.kind === 'ok' ? f.items : []));
  const seenKeys = readItems.map((i) => seenKey(i.sourceId, i.guid));
  const seenBefore = readItems.length ? await store.seenOf(seenKeys) : {};
  const unseenTimes = readItems.filter((_, i) => !seenBefore[seenKeys[i]!]).map((i) => Date.parse(i.published ?? nowIso));
  const fingerprint = topicRulesFingerprint(config);
  const scope = {
    ranges: reach(unseenTimes, config.dedupe.windowHours),
    identities: readItems.map((i) => `${i.sourceId}\n${i.guid}`),
    seenKeys,
  };
  const rules = compileTopics(config);
  const retainFrom = new Date(now - config.retention.days * 86_400_000).toISOString();

  // 3. Pure, inside the store's update (one at a time across pollers): fold and classify.
  // All new items of the cycle are folded together in the order they were reported (then
  // config order, then feed order), so the earliest report of a story is its first
  // reporter whichever server answered first.
  const { reports, changes } = await store.update(
    scope,
    (before) => {
      const seen = { ...before.seen };
      const states: Record<string, SourceState> = { ...before.sources };
      // Stories this write's retention drops are no place to fold a new item into.
      const live = before.stories.filter((s) => s.published >= retainFrom);
      const reports = new Map<string, SourceReport>();
      // Built on first need: a cycle of 304s never looks.
      let storedGuidSet: Set<string> | undefined;
      const storedGuids = {
        has(id: string): boolean {
          if (!storedGuidSet) {
            storedGuidSet = new Set();
            for (const s of live) for (const r of s.reporters) storedGuidSet.add(`${r.sourceId}\n${r.guid}`);
          }
          return storedGuidSet.has(id);
        },
      };
      const fresh: Array<{ item: Item; order: number }> = [];

      for (const source of cancelled) reports.set(source.id, emptyReport(source.id, 'cancelled'));
      for (const source of waiting) {
        const report = emptyReport(source.id, 'waiting');
        report.retryAfterUntil = stateOf(source.id)?.retryAfterUntil;
        reports.set(source.id, report);
      }
      for (const f of reads) {
        states[f.source.id] = nextSourceState(states[f.source.id], f, config, now);
        const report = emptyReport(f.source.id, f.kind === 'failed' ? (isRateLimit(f) ? 'rate-limited' : 'failed') : f.kind);
        report.fetchMs = f.fetchMs;
        if (f.kind === 'ok') report.bytes = f.bytes;
        reports.set(f.source.id, report);
        if (f.kind === 'failed') {
          report.error = { code: f.error.code, message: f.error.message };
          report.retryAfterUntil = states[f.source.id]!.retryAfterUntil;
          log.warn({ source_id: f.source.id, url: f.source.url, code: f.error.code, status: f.error.status, err: f.error.message }, 'poll failed');
          continue;
        }
        if (f.permanentRedirect) {
          log.warn({ source_id: f.source.id, url: f.source.url, moved_to: f.permanentRedirect }, 'feed moved permanently: update its url');
        }
        if (f.kind === 'not-modified') continue;
        report.skipped = f.skipped;
        for (const item of f.items) {
          // Items ingested once but no longer stored (retention dropped them) stay out.
          const key = seenKey(item.sourceId, item.guid);
          if (seen[key] && !storedGuids.has(`${item.sourceId}\n${item.guid}`)) report.known++;
          else fresh.push({ item, order: fresh.length });
          seen[key] = nowIso;
        }
      }

      const time = (i: Item) => i.published ?? nowIso;
      fresh.sort((a, b) => (time(a.item) < time(b.item) ? -1 : time(a.item) > time(b.item) ? 1 : a.order - b.order));
      const items = fresh.map((f) => f.item);
      const folded = foldItems(live, items, {
        windowHours: config.dedupe.windowHours,
        now,
        ...(config.dedupe.fuzzy.enabled ? { fuzzy: { threshold: config.dedupe.fuzzy.threshold, windowHours: Math.min(config.dedupe.fuzzy.windowHours, config.dedupe.windowHours), features, lead } } : {}),
        splits: new Set((before.splits ?? []).map((x) => splitKey(x.storyId, x.sourceId, x.guid))),
      });
      folded.outcomes.forEach((o, i) => {
        const report = reports.get(items[i]!.sourceId)!;
        if (o === 'new') report.newStories++;
        else if (o === 'folded') report.folded++;
        else if (o === 'updated') report.updated++;
        else report.known++;
      });
      // New and changed stories are filed (the rest were when the rules last changed).
      const touched = folded.touched;
      const stories = touched.size > 0 ? fileTopics(folded.stories, rules, nowIso, { only: touched, created: folded.created }) : folded.stories;
      const changes = deps.onStored ? storedChanges(before.stories, stories, retainFrom) : undefined;
      // Filed with the rules the store records; another poller's other rules stay recorded
      // (refileIfRulesChanged says so), so no story is left filed under rules nobody has.
      return { data: { ...before, stories, sources: states, seen, topicRules: before.topicRules ?? fingerprint }, retainFrom, result: { reports, changes } };
    },
    { release: enabled.map((s) => s.id) },
  );
  for (const r of reports.values()) {
    if (r.outcome === 'ok') log.info({ source_id: r.sourceId, new: r.newStories, folded: r.folded, updated: r.updated }, 'polled');
  }
  const ordered = enabled.map((s) => reports.get(s.id)!);
  for (const r of ordered) deps.metrics?.recordPoll(r);
  return { reports: ordered, changes };
}

/** The stories a poll changed (new objects: the stages never edit one in place), before
 * and after, and those retention drops (for WebSub). */
function storedChanges(before: readonly Story[], after: readonly Story[], retainFrom: string): StoredChanges {
  const old = new Map(before.map((s) => [s.id, s]));
  const changed = after.filter((s) => old.get(s.id) !== s && s.published >= retainFrom);
  const was = changed.map((s) => old.get(s.id)).filter((s): s is Story => s !== undefined);
  return { before: [...was, ...before.filter((s) => s.published < retainFrom)], after: changed };
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

/** Stories re-filed per write after a topic edit, on PostgreSQL: a million stored
 * stories are never all in memory at once. (lowdb holds them all anyway: one write.) */
const REFILE_BATCH = 20_000;

/** Re-file the stored stories if the topic rules were edited since they were filed. */
export async function refileIfRulesChanged(store: Store, config: Config, now: number, log?: Log): Promise<boolean> {
  const fingerprint = topicRulesFingerprint(config);
  const recorded = (await store.head()).topicRules;
  if (recorded === fingerprint) return false;
  const rules = compileTopics(config);
  const nowIso = new Date(now).toISOString();
  if (recorded) log?.info({}, 're-filing every stored story: the topic rules changed (if this repeats each cycle, two pollers run different configs)');
  if (store.kind !== 'postgres') {
    if ((await store.stats(nowIso)).stories === 0) return false; // the next poll's write records the rules
    return store.update({ all: true }, (view) => ({ data: { ...view, stories: fileTopics(view.stories, rules, nowIso), topicRules: fingerprint }, result: view.stories.length > 0 }));
  }
  let any = false;
  for await (const batch of store.eachStory(REFILE_BATCH)) {
    any = true;
    const only = new Set(batch.map((st) => st.id));
    await store.update({ ids: [...only] }, (view) => ({ data: { ...view, stories: fileTopics(view.stories, rules, nowIso, { only }) }, result: undefined }));
  }
  // An empty store: the next poll's write records the rules.
  if (any) await store.update({}, (view) => ({ data: { ...view, topicRules: fingerprint }, result: undefined }));
  return any;
}
