// Atom 1.0 (RFC 4287) rendering, on xmlbuilder2. Our own module, not the `feed` package:
// `feed` cannot emit xml:lang (upstream issue #196), atom:source, or entry links beyond
// one plain href (no rel="related"), and it writes malformed XML for a title holding
// "]]>" twice, "<" in a category, or C0 control characters (see ../shared/PACKAGES.md).
// xmlbuilder2 escapes text and attributes; xmlSafe strips what XML 1.0 cannot carry.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { xmlSafe } from '../normalize/text.js';
import { NAHR_VERSION } from '../version.js';
import { TAG_PREFIX, type EntryDoc, type FeedDoc } from './document.js';

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const MEDIA_NS = 'http://search.yahoo.com/mrss/';
const t = (text: string): string => xmlSafe(text);

function addEntry(feed: XMLBuilder, e: EntryDoc): void {
  const entry = feed.ele('entry');
  if (e.lang) entry.att('xml:lang', e.lang);
  entry.ele('id').txt(e.id);
  entry.ele('title', { type: 'text' }).txt(t(e.title));
  entry.ele('published').txt(e.published);
  entry.ele('updated').txt(e.updated);
  entry.ele('author').ele('name').txt(t(e.author));
  if (e.link) entry.ele('link', { rel: 'alternate', type: 'text/html', href: e.link });
  for (const r of e.related) entry.ele('link', { rel: 'related', type: 'text/html', href: r.href, title: t(r.title) });
  for (const enc of e.enclosures) {
    const attrs: Record<string, string> = { rel: 'enclosure', href: enc.url };
    if (enc.type) attrs.type = enc.type;
    if (enc.length) attrs.length = String(enc.length);
    entry.ele('link', attrs);
  }
  for (const c of e.categories) entry.ele('category', { term: c.term, label: t(c.label), scheme: `${TAG_PREFIX}:topics` });
  // Always content: an entry without content needs an alternate link (4.1.1.1).
  entry.ele('content', { type: 'html' }).txt(t(e.html));
  if (e.image) entry.ele(MEDIA_NS, 'media:thumbnail', { url: e.image });
  // atom:source (4.2.11): the outlet the entry came from, so a copy keeps its origin.
  const src = entry.ele('source');
  src.ele('id').txt(e.source.id);
  src.ele('title', { type: 'text' }).txt(t(e.source.title));
  if (e.source.site) src.ele('link', { rel: 'alternate', type: 'text/html', href: e.source.site });
  if (e.source.feedUrl) src.ele('link', { rel: 'self', href: e.source.feedUrl });
}

export function renderAtom(doc: FeedDoc): string {
  const xml = create({ version: '1.0', encoding: 'UTF-8' });
  const feed = xml.ele(ATOM_NS, 'feed', { 'xml:lang': 'ar', 'xmlns:media': MEDIA_NS });
  feed.ele('id').txt(doc.id);
  feed.ele('title', { type: 'text' }).txt(t(doc.title));
  feed.ele('subtitle', { type: 'text' }).txt(t(doc.subtitle));
  feed.ele('updated').txt(doc.updated);
  feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: doc.self.atom });
  feed.ele('link', { rel: 'alternate', type: 'text/html', href: doc.homeUrl });
  if (doc.next) feed.ele('link', { rel: 'next', type: 'application/atom+xml', href: doc.next.atom });
  if (doc.previous) feed.ele('link', { rel: 'previous', type: 'application/atom+xml', href: doc.previous.atom });
  for (const hub of doc.hubs) feed.ele('link', { rel: 'hub', href: hub });
  const author = feed.ele('author');
  author.ele('name').txt('نهر');
  author.ele('uri').txt(doc.homeUrl);
  feed.ele('generator', { version: NAHR_VERSION }).txt('nahr');
  for (const e of doc.entries) addEntry(feed, e);
  return xml.end({ prettyPrint: true }) + '\n';
}
