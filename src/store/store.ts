// The Store seam: every stage above it sees only this interface. lowdb (lowdb-store.ts)
// is the embedded default; a database-backed store can take its place.
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

export interface Store {
  /** The current data. Treat as immutable: build a new value and `write` it. */
  read(): StoreData;
  /** Replace the data and persist it atomically (a crash leaves the old or the new file). */
  write(data: StoreData): Promise<void>;
  /** Increases on every write: readers use it to know a cached render is stale. */
  readonly revision: number;
  /** What went wrong with the store itself, for /status (undefined when nothing did). */
  readonly health?: StoreHealth;
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
