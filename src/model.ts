// The data that flows through the river. One `Item` leaves `normalize`; `dedupe` folds
// items into `Story` records; the store keeps stories and per-source state.

/** A file attached to an item (RSS <enclosure>, Atom link rel="enclosure"). */
export interface Enclosure {
  url: string;
  type?: string;
  length?: number;
}

/** One entry of one outlet's feed, normalized: plain-text title, sanitized HTML. */
export interface Item {
  sourceId: string;
  /** Identity inside the source: guid, else link, else a hash of title+date. */
  guid: string;
  /** The outlet's own title, trimmed, control/format characters removed. */
  title: string;
  /** Folded title used for dedupe; never shown to readers. */
  titleKey: string;
  link: string | undefined;
  /** Sanitized HTML (summary or content), may be empty. */
  html: string;
  /** The feed's own category labels, as plain text. */
  categories: string[];
  author: string | undefined;
  /** ISO time from the feed, when valid and not in the future. */
  published: string | undefined;
  /** The item's picture (media:thumbnail, media:content, an image enclosure). */
  image?: string;
  enclosures?: Enclosure[];
}

/** One outlet's report of a story, kept whole so nothing an outlet sent is lost. */
export interface Reporter {
  sourceId: string;
  guid: string;
  title: string;
  link: string | undefined;
  html: string;
  categories: string[];
  author: string | undefined;
  /** When this outlet's item was first seen by nahr. */
  seenAt: string;
  /** Why this reporter is in the story, for every reporter but the first: the same title
   * key, or a similar headline (its score against the story's first headline, or against
   * the headline of the reporter named by `via`, the source whose wording it matched best);
   * or a story of its own split off by hand (`nahr split`). */
  joined?: { by: 'exact' } | { by: 'similar'; score: number; lead?: true; via?: string } | { by: 'split'; from: string };
  image?: string;
  enclosures?: Enclosure[];
}

/** A story: one entry in every feed, reported by one or more outlets. */
export interface Story {
  /** Stable, opaque; part of the tag: URI entry id. */
  id: string;
  titleKey: string;
  /** Item time (published, else first seen). Set once, never rewritten. */
  published: string;
  /** Bumped when a reporter joins or an item's content changes. */
  updated: string;
  /** First reporter first; later ones in the order they joined. */
  reporters: Reporter[];
  topics: string[];
}

/** What the store remembers about a source between polls. */
export interface SourceState {
  etag?: string;
  lastModified?: string;
  lastAttempt?: string;
  lastSuccess?: string;
  lastStatus?: number;
  consecutiveFailures: number;
  lastError?: string;
  /** FeedError code of the last failure ("timeout", "http", …). */
  lastErrorCode?: string;
  nextDue?: string;
  /** A 429/503 Retry-After window: no request before this time, not even a manual poll. */
  retryAfterUntil?: string;
  /** Start of the current run of 304 answers, and its length. Some servers answer 304 to
   * everything: after a run of 3 or more spanning 12 h, one fetch goes without validators. */
  notModifiedSince?: string;
  notModifiedCount?: number;
  /** Where a 301/308 chain from the configured URL now ends: shown on /status. */
  permanentRedirect?: string;
  /** The feed's own title and link, for atom:source. */
  feedTitle?: string;
  feedLink?: string;
}
