// JSON Feed 1.1 (https://jsonfeed.org/version/1.1). Our own few lines: `feed` writes
// version 1 and cannot add item extensions. The "also reported by" outlets are in the
// content and in `_nahr.reporters`, an extension object as the spec allows ("_" keys).
import type { FeedDoc } from './document.js';

/** JSON Feed URLs are URIs: an IRI (an Arabic path) is percent-encoded, as URL does. */
function uri(u: string): string {
  try {
    return new URL(u).href;
  } catch {
    return encodeURI(u);
  }
}

export function renderJsonFeed(doc: FeedDoc): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: doc.title,
    description: doc.subtitle,
    home_page_url: doc.homeUrl,
    feed_url: doc.self.json,
    ...(doc.next ? { next_url: doc.next.json } : {}),
    language: 'ar',
    authors: [{ name: 'نهر', url: doc.homeUrl }],
    ...(doc.hubs.length ? { hubs: doc.hubs.map((url) => ({ type: 'WebSub', url })) } : {}),
    items: doc.entries.map((e) => ({
      id: e.id,
      ...(e.link ? { url: uri(e.link) } : {}),
      title: e.title,
      content_html: e.html,
      ...(e.image ? { image: uri(e.image) } : {}),
      date_published: e.published,
      date_modified: e.updated,
      authors: [{ name: e.author }],
      ...(e.lang ? { language: e.lang } : {}),
      ...(e.categories.length ? { tags: e.categories.map((c) => c.label) } : {}),
      ...(e.enclosures.length
        ? { attachments: e.enclosures.map((a) => ({ url: uri(a.url), mime_type: a.type ?? 'application/octet-stream', ...(a.length ? { size_in_bytes: a.length } : {}) })) }
        : {}),
      _nahr: {
        topics: e.categories.map((c) => c.term),
        source: { id: e.source.id, title: e.source.title, ...(e.source.site ? { url: e.source.site } : {}) },
        reporters: e.reporters.map((r) => ({ source: r.sourceId, name: r.name, title: r.title, ...(r.url ? { url: uri(r.url) } : {}) })),
      },
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
