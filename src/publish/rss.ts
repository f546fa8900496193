// RSS 2.0 through the `feed` package, with the one thing it gets wrong handled here:
// it wraps text in CDATA and breaks a second "]]>" (malformed XML, PACKAGES.md). HTML
// fields get "]]&gt;" (the same HTML); a title, which readers also read as HTML, too.
// Control characters are stripped before (xmlSafe). RSS has no related links: the "also
// reported by" line at the end of the description carries them.
import { Feed } from 'feed';
import { xmlSafe } from '../normalize/text.js';
import type { FeedDoc } from './document.js';

/** For fields `feed` puts in CDATA: HTML, so "]]&gt;" reads as "]]>". */
const cdata = (html: string) => xmlSafe(html).replaceAll(']]>', ']]&gt;');
/** A plain-text title in CDATA: escaped as HTML, since readers read RSS titles as HTML
 * (an outlet's "<script>" in a title must stay text). */
const titleHtml = (text: string) => cdata(text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!));

export function renderRss(doc: FeedDoc): string {
  const feed = new Feed({
    title: titleHtml(doc.title),
    description: cdata(doc.subtitle),
    id: doc.id,
    link: doc.homeUrl,
    language: 'ar',
    copyright: '',
    generator: 'nahr',
    // Without it `feed` stamps "now", and the bytes (and ETag) would change every render.
    updated: new Date(doc.updated),
    feedLinks: { rss: doc.self.rss },
    ...(doc.hubs[0] ? { hub: doc.hubs[0] } : {}),
  });
  for (const e of doc.entries) {
    feed.addItem({
      title: titleHtml(e.title),
      id: e.id,
      link: e.link ?? doc.homeUrl,
      date: new Date(e.published),
      description: cdata(e.html),
      // Escaped by `feed` itself (not CDATA): only what XML cannot carry is removed.
      author: [{ name: xmlSafe(e.author) }],
      category: e.categories.map((c) => ({ name: xmlSafe(c.label), domain: c.term })),
      ...(e.enclosures[0] ? { enclosure: { url: e.enclosures[0].url, type: e.enclosures[0].type, length: e.enclosures[0].length } } : e.image ? { image: e.image } : {}),
    });
  }
  // `feed` takes one hub; the others are added beside it (same element, same namespace).
  let xml = feed.rss2();
  if (doc.hubs.length > 1) {
    const extra = doc.hubs
      .slice(1)
      .map((h) => `<atom:link href="${h.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" rel="hub"/>`)
      .join('');
    xml = xml.replace(/(<atom:link [^>]*rel="hub"\/>)/, `$1${extra}`);
  }
  return `${xml}\n`;
}
