// The Store seam: every stage above it sees only this interface. lowdb (lowdb-store.ts)
// is the embedded default, one process on one file; PostgreSQL (postgres-store.ts) is the
// shared store of many pollers and web front ends.
//
// Writes go through `update`: the store hands a view of what it holds (all of it for
// lowdb; for PostgreSQL the stories the change can touch), the pure stages compute the next
// view, and the store writes the difference, atomically and one `update` at a time across
// every process, so two pollers never fold the same story twice.
import type { StoryFilter } from './select.js';
import type { SourceState, Story } from '../model.js';

export interface StoreData {
  version: 1;
  stories: Story[];
  sources: Record<string, SourceState>;
  /** Item identities ever ingested (hash of source + guid → last time seen in its feed),
   * so an item retention dropped is not added again while it lingers in its feed. */
  seen: Record<string, string>;
  /** Hash of the topic rules the stories were filed with; a change re-files them all. */
  topicRules?: string;
  /** Folds undone by hand (`nahr split`): this item never joins that story again. */
  splits?: Split[];
}

export interface Split {
  storyId: string;
  sourceId: string;
  guid: string;
  at: string;
}

/** Which stories an update needs to see (lowdb hands everything whatever it says). */
export interface ViewScope {
  /** Every story (re-filing after a topic edit, moving a store). */
  all?: boolean;
  /** Stories published within one of these [from, to] intervals (ISO)… */
  ranges?: ReadonlyArray<readonly [string, string]>;
  /** …and those with a reporter of one of these identities ("sourceId\nguid")… */
  identities?: readonly string[];
  /** …and these ids. */
  ids?: readonly string[];
  /** The `seen` entries of these keys. */
  seenKeys?: readonly string[];
}

export interface UpdateResult<T> {
  /** The view as it should now be. Stories are compared by identity: a story object
   * taken unchanged from the view is not written; one missing from it is deleted. */
  data: StoreData;
  /** Also drop, store-wide, stories published and `seen` entries last seen before this. */
  retainFrom?: string;
  result: T;
}

export interface FeedPage {
  stories: Story[];
  /** Another page follows. */
  more: boolean;
  /** Source states, for atom:source. */
  sources: Record<string, SourceState>;
}

export type FeedSelector = { kind: 'all' } | { kind: 'top' } | { kind: 'topic'; id: string } | { kind: 'source'; id: string };

export interface StoreStats {
  stories: number;
  /** Per source: reports stored, and first seen at or after `since`. */
  perSource: Map<string, { stored: number; recent: number }>;
}

export interface ClaimOptions {
  now: number;
  /** Only sources whose nextDue has passed. */
  onlyDue: boolean;
  /** How long the claim holds if this worker dies without releasing it. */
  leaseMs: number;
  /** At most this many (a store one process owns may hand out all). */
  limit?: number;
}

export interface Store {
  readonly kind: 'lowdb' | 'postgres' | 'snapshot';
  /** Changes whenever stored data does (in any process sharing the store): cached renders
   * are checked against it. */
  revision(): Promise<number>;
  /** What went wrong with the store itself, for /status (undefined when nothing did). */
  readonly health?: StoreHealth;

  // The poll side.
  /** Source states and the topic rules the stories were filed with (cheap: no stories). */
  head(): Promise<{ sources: Record<string, SourceState>; topicRules?: string; splits?: Split[] }>;
  /** The `seen` entries of these keys (item identities ingested before). */
  seenOf(keys: readonly string[]): Promise<Record<string, string>>;
  /** Claim sources for one poll: those no other worker holds (and due ones, with
   * onlyDue). Returns the claimed ids with their current state. A claim ends with the
   * `update` that stores the poll (listed in its `release`) or with the lease. */
  claim(ids: readonly string[], opts: ClaimOptions): Promise<Map<string, SourceState | undefined>>;
  /** Give claims back without storing anything (a cancelled source). */
  release(ids: readonly string[]): Promise<void>;
  /** Read a view, compute the next one, write the difference: one at a time, everywhere. */
  update<T>(scope: ViewScope, fn: (view: StoreData) => UpdateResult<T>, opts?: { release?: readonly string[] }): Promise<T>;

  // The read side.
  /** One page of a feed, newest first (the top feed: most outlets first). */
  feedPage(key: FeedSelector, query: StoryFilter, offset: number, limit: number, now: number): Promise<FeedPage>;
  story(id: string): Promise<Story | undefined>;
  stats(since: string): Promise<StoreStats>;
  /** Every story, in batches (migrations, exports). */
  eachStory(batchSize?: number): AsyncIterable<Story[]>;
  /** Everything but the stories: source states, seen items, splits, topic rules. */
  meta(): Promise<Omit<StoreData, 'stories'>>;

  close(): Promise<void>;
}

export interface StoreHealth {
  /** The last write that failed (disk full, read-only): the previous file stays whole. */
  lastWriteError?: { at: string; message: string };
  /** A store file that could not be read at start, moved aside here. */
  movedAside?: string;
}

export function emptyData(): StoreData {
  return { version: 1, stories: [], sources: {}, seen: {} };
}
