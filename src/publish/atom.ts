// Atom 1.0 (RFC 4287) rendering, on xmlbuilder2. Our own module, not the `feed` package:
// `feed` cannot emit xml:lang (upstream issue #196), atom:source, or entry links beyond
// one plain href (no rel="related"), and it writes malformed XML for a title holding
// "]]>" twice, "<" in a category, or C0 control characters (see ../shared/PACKAGES.md).
// xmlbuilder2 escapes text and attributes; xmlSafe strips what XML 1.0 cannot carry.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Reporter, SourceState, Story } from '../model.js';
import { xmlSafe } from '../normalize/text.js';
import { NAHR_VERSION } from '../version.js';

const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** Entry and feed ids: tag: URIs (RFC 4151) of our own, independent of publicUrl, so a
 * move to another host never makes readers see every story again. */
export const TAG_PREFIX = 'tag:nahr,2026';

export interface SourceInfo {
  id: string;
  name: string;
  url: string;
  lang: string;
  state?: SourceState;
}

export interface AtomFeed {
  /** Stable id suffix: "all", "topic/daraa". */
  key: string;
  title: string;
  subtitle: string;
  /** Absolute URL of this feed (rel="self"). */
  selfUrl: string;
  /** Absolute URL of the HTML page (rel="alternate"). */
  homeUrl: string;
  stories: readonly Story[];
  sources: ReadonlyMap<string, SourceInfo>;
  topicTitles: ReadonlyMap<string, string>;
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

const t = (text: string): string => xmlSafe(text);

function escapeHtml(text: string): string {
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

function addEntry(feed: XMLBuilder, story: Story, f: AtomFeed): void {
  const first = story.reporters[0]!;
  const source = f.sources.get(first.sourceId);
  const entry = feed.ele('entry');
  if (source && source.lang !== 'ar') entry.att('xml:lang', source.lang);
  entry.ele('id').txt(`${TAG_PREFIX}:story/${story.id}`);
  entry.ele('title', { type: 'text' }).txt(t(first.title));
  entry.ele('published').txt(story.published);
  entry.ele('updated').txt(story.updated);
  const author = entry.ele('author');
  author.ele('name').txt(t(first.author ?? source?.name ?? first.sourceId));

  // RFC 4287 4.2.7.2: at most one alternate per type and hreflang. The first reporter
  // with a link is the alternate; every other outlet is rel="related", titled by name.
  const linked = story.reporters.filter((r) => r.link);
  const alternate = linked[0];
  if (alternate) entry.ele('link', { rel: 'alternate', type: 'text/html', href: alternate.link! });
  for (const r of linked.slice(1)) {
    entry.ele('link', { rel: 'related', type: 'text/html', href: r.link!, title: t(f.sources.get(r.sourceId)?.name ?? r.sourceId) });
  }
  for (const topic of story.topics) {
    const label = f.topicTitles.get(topic);
    if (label !== undefined) entry.ele('category', { term: topic, label: t(label), scheme: `${TAG_PREFIX}:topics` });
  }
  const body = first.html + alsoReportedBy(story.reporters.slice(1), f.sources);
  // Always some content: an entry without content needs an alternate link (4.1.1.1).
  entry.ele('content', { type: 'html' }).txt(t(body || `<p dir="rtl">${escapeHtml(first.title)}</p>`));

  // atom:source (4.2.11): the outlet the entry came from, so a copy keeps its origin.
  const src = entry.ele('source');
  src.ele('id').txt(`${TAG_PREFIX}:source/${first.sourceId}`);
  src.ele('title', { type: 'text' }).txt(t(source?.name ?? source?.state?.feedTitle ?? first.sourceId));
  const site = source?.state?.feedLink ?? (source ? new URL(source.url).origin + '/' : undefined);
  if (site) src.ele('link', { rel: 'alternate', type: 'text/html', href: site });
  if (source) src.ele('link', { rel: 'self', href: source.url });
}

export function renderAtom(f: AtomFeed): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const feed = doc.ele(ATOM_NS, 'feed', { 'xml:lang': 'ar' });
  feed.ele('id').txt(`${TAG_PREFIX}:feed/${f.key}`);
  feed.ele('title', { type: 'text' }).txt(t(f.title));
  feed.ele('subtitle', { type: 'text' }).txt(t(f.subtitle));
  feed.ele('updated').txt(feedUpdated(f.stories));
  feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: f.selfUrl });
  feed.ele('link', { rel: 'alternate', type: 'text/html', href: f.homeUrl });
  const author = feed.ele('author');
  author.ele('name').txt('نهر');
  author.ele('uri').txt(f.homeUrl);
  feed.ele('generator', { version: NAHR_VERSION }).txt('nahr');
  for (const story of f.stories) addEntry(feed, story, f);
  return doc.end({ prettyPrint: true }) + '\n';
}
