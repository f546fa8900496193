// The one description of a published feed that every format renders: which entries, with
// which links, titles, categories and reporters. Atom, RSS 2.0 and JSON Feed differ only in
// syntax, so the decisions (which reporter is the entry's voice, what the "also reported
// by" line says, which outlet is the source) are made once, here.
import type { Enclosure, Reporter, SourceState, Story } from '../model.js';

/** Entry and feed ids: tag: URIs (RFC 4151) of our own, independent of publicUrl, so a
 * move to another host never makes readers see every story again. */
export const TAG_PREFIX = 'tag:nahr,2026';

export type Format = 'atom' | 'rss' | 'json';
export const FORMATS: readonly Format[] = ['atom', 'rss', 'json'];

export interface SourceInfo {
  id: string;
  name: string;
  url: string;
  lang: string;
  state?: SourceState;
}

export interface EntryDoc {
  id: string;
  title: string;
  published: string;
  updated: string;
  author: string;
  /** The entry's voice: the first reporter, or in a source's feed that source's report. */
  link?: string;
  related: Array<{ href: string; title: string }>;
  categories: Array<{ term: string; label: string }>;
  /** Sanitized HTML, ending with the "also reported by" line when others reported it. */
  html: string;
  source: { id: string; title: string; site?: string; feedUrl?: string };
  /** Set when the outlet does not write Arabic. */
  lang?: string;
  image?: string;
  enclosures: Enclosure[];
  /** Every outlet that reported the story, first reporter first. */
  reporters: Array<{ sourceId: string; name: string; url?: string; title: string }>;
}

export interface FeedDoc {
  id: string;
  title: string;
  subtitle: string;
  /** The newest change of any entry (also the HTTP Last-Modified). */
  updated: string;
  homeUrl: string;
  /** Absolute URL of this document in each format. */
  self: Record<Format, string>;
  /** RFC 5005-style paging: the next (older) and previous (newer) pages. */
  next?: Record<Format, string>;
  previous?: Record<Format, string>;
  /** WebSub hubs (rel="hub"). */
  hubs: string[];
  entries: EntryDoc[];
}

const EMPTY_FEED_UPDATED = '1970-01-01T00:00:00.000Z';

/**
 * The feed's own `updated` and its HTTP Last-Modified: the last time any of its entries
 * changed or arrived. A story first seen today with an older date (`updated` = its date)
 * still changes the feed today, so the time each reporter was first seen counts too;
 * otherwise a reader polling with If-Modified-Since would get 304 and miss it.
 */
export function feedUpdated(stories: readonly Story[]): string {
  let newest = EMPTY_FEED_UPDATED;
  for (const s of stories) {
    if (s.updated > newest) newest = s.updated;
    for (const r of s.reporters) if (r.seenAt > newest) newest = r.seenAt;
  }
  return newest;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** "أوردته أيضًا: <a>الوطن</a>، <a>الثورة</a>" for readers that ignore related links. */
export function alsoReportedBy(others: readonly Reporter[], sources: ReadonlyMap<string, SourceInfo>): string {
  if (others.length === 0) return '';
  const names = others.map((r) => {
    const name = escapeHtml(sources.get(r.sourceId)?.name ?? r.sourceId);
    return r.link ? `<a href="${escapeHtml(r.link)}">${name}</a>` : name;
  });
  return `<p dir="rtl">أوردته أيضًا: ${names.join('، ')}</p>`;
}

export function entryDoc(
  story: Story,
  sources: ReadonlyMap<string, SourceInfo>,
  topicTitles: ReadonlyMap<string, string>,
  voiceOf?: string,
): EntryDoc {
  const voice = (voiceOf && story.reporters.find((r) => r.sourceId === voiceOf)) || story.reporters[0]!;
  const others = story.reporters.filter((r) => r !== voice);
  const source = sources.get(voice.sourceId);
  // RFC 4287 4.2.7.2: one alternate link per type; the voice's link, else the first there is.
  const linked = [voice, ...others].filter((r) => r.link);
  const alternate = linked[0];
  const body = voice.html + alsoReportedBy(others, sources);
  const entry: EntryDoc = {
    id: `${TAG_PREFIX}:story/${story.id}`,
    title: voice.title,
    published: story.published,
    updated: story.updated,
    author: voice.author ?? source?.name ?? voice.sourceId,
    link: alternate?.link,
    related: linked.filter((r) => r !== alternate).map((r) => ({ href: r.link!, title: sources.get(r.sourceId)?.name ?? r.sourceId })),
    categories: story.topics.flatMap((t) => (topicTitles.has(t) ? [{ term: t, label: topicTitles.get(t)! }] : [])),
    html: body || `<p dir="rtl">${escapeHtml(voice.title)}</p>`,
    source: {
      id: `${TAG_PREFIX}:source/${voice.sourceId}`,
      title: source?.name ?? source?.state?.feedTitle ?? voice.sourceId,
      site: source?.state?.feedLink ?? (source ? `${new URL(source.url).origin}/` : undefined),
      feedUrl: source?.url,
    },
    enclosures: voice.enclosures ?? [],
    reporters: story.reporters.map((r) => ({ sourceId: r.sourceId, name: sources.get(r.sourceId)?.name ?? r.sourceId, url: r.link, title: r.title })),
  };
  if (source && source.lang !== 'ar') entry.lang = source.lang;
  const image = voice.image ?? story.reporters.find((r) => r.image)?.image;
  if (image) entry.image = image;
  return entry;
}
