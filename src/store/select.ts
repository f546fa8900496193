// Which stories each feed holds, and in what order: the one definition both stores follow
// (lowdb filters its arrays with these functions; PostgreSQL says the same in SQL, and
// its tests check it against these).
import { foldedReporterText, phraseMatcher } from '../classify/topics.js';
import type { Story } from '../model.js';
import type { FeedSelector } from './store.js';

/** The filters a feed URL can add (?since=, ?source=, ?q=). */
export interface StoryFilter {
  /** Only stories published at or after this instant (ISO). */
  since?: string;
  /** Only stories one of these sources reported. */
  sources?: string[];
  /** A keyword, folded and matched like topic keywords. */
  q?: string;
}

/** The top feed's reach: stories of the last 24 hours. */
export const TOP_HOURS = 24;

/** Newest first by published; ties broken by id so the order never flickers. */
export function byPublishedDesc(a: Story, b: Story): number {
  return a.published < b.published ? 1 : a.published > b.published ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** How many distinct outlets reported a story. */
export const outletCount = (s: Story): number => new Set(s.reporters.map((r) => r.sourceId)).size;

/**
 * All stories of a feed, newest first (before paging and limits). The top feed: the
 * stories of the last 24 h that two or more outlets reported, most outlets first.
 */
export function feedStories(stories: readonly Story[], key: FeedSelector, now = Date.now()): Story[] {
  if (key.kind === 'top') {
    const since = new Date(now - TOP_HOURS * 3_600_000).toISOString();
    return stories
      .filter((s) => s.published >= since)
      .map((s) => ({ s, n: outletCount(s) }))
      .filter((x) => x.n >= 2)
      .sort((a, b) => b.n - a.n || byPublishedDesc(a.s, b.s))
      .map((x) => x.s);
  }
  const chosen =
    key.kind === 'all'
      ? [...stories]
      : key.kind === 'topic'
        ? stories.filter((s) => s.topics.includes(key.id))
        : stories.filter((s) => s.reporters.some((r) => r.sourceId === key.id));
  return chosen.sort(byPublishedDesc);
}

/** Does a story pass the `q` filter: the phrase in one reporter's folded text. */
export function matchesText(story: Story, q: string): boolean {
  const matcher = phraseMatcher(q);
  if (!matcher) return true;
  return story.reporters.some((r) => {
    matcher.lastIndex = 0;
    return matcher.test(foldedReporterText(r));
  });
}

export function applyFilter(stories: Story[], q: StoryFilter): Story[] {
  let out = stories;
  if (q.since) out = out.filter((s) => s.published >= q.since!);
  if (q.sources) {
    const wanted = new Set(q.sources);
    out = out.filter((s) => s.reporters.some((r) => wanted.has(r.sourceId)));
  }
  if (q.q) out = out.filter((s) => matchesText(s, q.q!));
  return out;
}
