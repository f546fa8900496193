// Sanitizing of every piece of HTML nahr republishes. An allow-list (sanitize-html), so
// anything not named here is gone: script, style, iframe, object, forms, event handlers,
// style attributes, javascript:/data: URLs. Tracking pixels and utm_* parameters are
// removed too; dir/lang survive because Arabic text needs them to render right.
import sanitizeHtml from 'sanitize-html';
import { stripTracking } from './links.js';
import { xmlSafe } from './text.js';

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'a', 'img', 'figure', 'figcaption', 'picture',
  'b', 'strong', 'i', 'em', 'u', 's', 'small', 'mark', 'sub', 'sup', 'abbr', 'q', 'cite', 'time',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  'span', 'div', 'bdi', 'bdo',
];

// Hosts whose images are counters, not pictures (the class Miniflux's sanitizer drops).
const TRACKER_HOSTS = /(^|\.)(feeds\.feedburner\.com|feedsportal\.com|doubleclick\.net|google-analytics\.com|pixel\.wp\.com|stats\.wordpress\.com|pixel\.quantserve\.com|sb\.scorecardresearch\.com|b\.scorecardresearch\.com|mf\.feeds\.reuters\.com|rss\.feedsportal\.com|tracker\.[a-z0-9.-]+|pixel\.[a-z0-9.-]+)$/i;

function resolveUrl(raw: string | undefined, base: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = base ? new URL(raw.trim(), base) : new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'mailto:') return undefined;
    return url.protocol === 'mailto:' ? url.toString() : stripTracking(url).toString();
  } catch {
    return undefined;
  }
}

/** A transform that resolves one URL attribute, or drops it when it is not a web URL. */
function resolveAttribute(name: 'href' | 'src', base: string | undefined): sanitizeHtml.Transformer {
  return (tagName, attribs) => {
    const out: Record<string, string> = { ...attribs };
    const url = resolveUrl(attribs[name], base);
    if (url) out[name] = url;
    else delete out[name];
    return { tagName, attribs: out };
  };
}

function isTrackingPixel(attribs: Record<string, string>): boolean {
  const w = attribs.width?.trim();
  const h = attribs.height?.trim();
  if ((w === '1' || w === '0') && (h === '1' || h === '0' || h === undefined)) return true;
  if ((h === '1' || h === '0') && w === undefined) return true;
  const src = attribs.src;
  if (!src) return true;
  try {
    return TRACKER_HOSTS.test(new URL(src).hostname);
  } catch {
    return true;
  }
}

/**
 * HTML safe to republish. `base` (the item's link, else the feed URL) resolves relative
 * href/src, as RFC 4287 readers would otherwise resolve them against nahr's own URL.
 */
export function sanitizeContent(html: string | undefined, base: string | undefined): string {
  if (!html) return '';
  const clean = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      '*': ['dir', 'lang', 'title'],
      a: ['href', 'title', 'dir', 'lang'],
      img: ['src', 'alt', 'width', 'height', 'title'],
      td: ['colspan', 'rowspan', 'dir', 'lang'],
      th: ['colspan', 'rowspan', 'dir', 'lang'],
      time: ['datetime'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    // Text inside these is never shown to a reader (sanitize-html's own default plus
    // the embedding tags whose fallback text is noise).
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'template', 'svg', 'math'],
    transformTags: { a: resolveAttribute('href', base), img: resolveAttribute('src', base) },
    exclusiveFilter: (frame) => frame.tag === 'img' && isTrackingPixel(frame.attribs),
  });
  return xmlSafe(clean).trim();
}
