// RSS 2.0 through the `feed` package, with the one thing it gets wrong handled here:
// it wraps text in CDATA and breaks a second "]]>" (malformed XML, PACKAGES.md). HTML
// fields get "]]&gt;" (the same HTML); a title, which readers also read as HTML, too.
// Control characters are stripped before (xmlSafe). RSS has no related links: the "also
// reported by" line at the end of the description carries them.
import { Feed } from 'feed';
import { xmlSafe } from '../normalize/text.js';
import type { FeedDoc } from './document.js';

const safe = (text: string) => xmlSafe(text).replaceAll(']]>', ']]&gt;');

export function renderRss(doc: FeedDoc): string {
  const feed = new Feed({
    title: safe(doc.title),
    description: safe(doc.subtitle),
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
      title: safe(e.title),
      id: e.id,
      link: e.link ?? doc.homeUrl,
      date: new Date(e.published),
      description: safe(e.html),
      author: [{ name: safe(e.author) }],
      category: e.categories.map((c) => ({ name: safe(c.label), domain: c.term })),
      ...(e.enclosures[0] ? { enclosure: { url: e.enclosures[0].url, type: e.enclosures[0].type, length: e.enclosures[0].length } } : e.image ? { image: e.image } : {}),
    });
  }
  return feed.rss2() + '\n';
}
