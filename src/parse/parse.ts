// rss-parser adapter: decoded feed text → RawFeed. Lenient: fields that are missing or of
// an unexpected shape come back undefined; only an unreadable document throws (FeedError).
// RSS 0.9x, RSS 1.0 (RDF), RSS 2.0 and Atom 1.0 (and 0.3) are all handled by rss-parser.
import { decodeHTML } from 'entities';
import Parser from 'rss-parser';
import { parseGeneric } from './generic.js';
import { FeedError } from '../errors.js';

export interface RawItem {
  guid?: string;
  title?: string;
  link?: string;
  /** Full content (content:encoded, atom:content), HTML. */
  content?: string;
  /** Summary (RSS description, atom:summary), HTML. */
  summary?: string;
  categories: string[];
  author?: string;
  /** Date strings as found, most specific first (published before updated). */
  dates: string[];
  /** media:thumbnail / media:content image URLs, in document order. */
  images?: string[];
  enclosures?: Array<{ url: string; type?: string; length?: string }>;
}

export interface RawFeed {
  title?: string;
  link?: string;
  items: RawItem[];
}

// rss-parser hides Atom categories and raw date strings; ask for them as custom fields.
const CUSTOM_ITEM_FIELDS: Array<string | [string, string] | [string, string, { keepArray: boolean }]> = [
  ['category', 'categoriesRaw', { keepArray: true }],
  ['dc:subject', 'subjectsRaw', { keepArray: true }],
  ['published', 'publishedRaw'],
  ['updated', 'updatedRaw'],
  ['issued', 'issuedRaw'], // Atom 0.3
  ['modified', 'modifiedRaw'],
  ['dc:date', 'dcDateRaw'],
  ['content', 'atomContentRaw'],
  ['media:thumbnail', 'mediaThumbnails', { keepArray: true }],
  ['media:content', 'mediaContents', { keepArray: true }],
  ['media:group', 'mediaGroups', { keepArray: true }],
  ['link', 'linksRaw', { keepArray: true }],
  ['nahr-loose-published', 'loosePublished'],
  ['nahr-loose-issued', 'looseIssued'],
  ['nahr-loose-updated', 'looseUpdated'],
  ['nahr-loose-modified', 'looseModified'],
];

/** Text of an xml2js node: a string, `{ _: text }`, or the first of an array. */
function text(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return text(node[0]);
  if (node && typeof node === 'object' && '_' in node) return text((node as { _: unknown })._);
  return undefined;
}

function categoryTexts(node: unknown): string[] {
  if (!Array.isArray(node)) return [];
  const out: string[] = [];
  for (const c of node) {
    const attrs = c && typeof c === 'object' && '$' in c ? (c as { $: Record<string, string> }).$ : undefined;
    const value = attrs?.label ?? attrs?.term ?? text(c);
    if (value && value.trim()) out.push(value.trim());
  }
  return out;
}

// One <published>/<updated> that JavaScript's Date cannot read makes rss-parser reject the
// whole Atom feed ("RangeError: Invalid time value", PACKAGES.md). Such elements are
// renamed before parsing, out of rss-parser's way but still read by us: our date parser
// knows Arabic month names and digits ("٢٩ تشرين الثاني ٢٠٢٦") that Date does not.
const ATOM_DATE = /<((?:[A-Za-z_][\w.-]*:)?(published|updated|issued|modified|created))(\s[^>]*)?>([^<]*)<\/\1\s*>/g;
function moveUnreadableAtomDates(xml: string): string {
  return xml.replace(ATOM_DATE, (whole, _name: string, local: string, _attrs: string, value: string) =>
    value.trim() === '' || Number.isNaN(new Date(value.trim()).getTime()) ? `<nahr-loose-${local}>${value}</nahr-loose-${local}>` : whole,
  );
}

// xml2js turns an Atom type="xhtml" construct (RFC 4287 3.1.1.3) into a tree that loses
// the order of text and markup ("افتتاح <b>مشفى</b> في درعا" came back reordered). Carry
// the markup as escaped HTML instead (type="html"): the same content, in order.
const XHTML_OPEN = /<((?:[A-Za-z_][\w.-]*:)?(?:title|subtitle|summary|content|rights))(\s[^>]*?)\btype\s*=\s*["']xhtml["']([^>]*)>/g;
function xhtmlAsHtml(xml: string): string {
  if (!xml.includes('xhtml')) return xml;
  // A linear scan: each opening tag, then the first matching close after it. (A single
  // regex with a lazy body was quadratic on unclosed constructs: seconds per megabyte.)
  let out = '';
  let from = 0;
  for (const m of xml.matchAll(XHTML_OPEN)) {
    if (m.index < from) continue;
    const [open, name, before, after] = m as unknown as [string, string, string, string];
    const close = xml.indexOf(`</${name}`, m.index + open.length);
    if (close < 0) break;
    const end = xml.indexOf('>', close);
    if (end < 0) break;
    const inner = xml.slice(m.index + open.length, close);
    const escaped = inner.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    out += `${xml.slice(from, m.index)}<${name}${before}type="html"${after}>${escaped}</${name}>`;
    from = end + 1;
  }
  return out + xml.slice(from);
}

// rss-parser rejects <rss> without a version attribute ("Feed not recognized"), yet real
// feeds omit it (UOL's, and 345 files of the feedparser corpus). Such a feed is read as
// RSS 2.0, the superset of the 0.9x family.
function assumeRssVersion(xml: string): string {
  return xml.replace(/<rss(?=[\s>])([^>]*)>/, (whole, attrs: string) => {
    const version = attrs.match(/\sversion\s*=\s*["']([^"']*)["']/)?.[1];
    if (version && /^(2|0\.9)/.test(version.trim())) return whole;
    const rest = attrs.replace(/\sversion\s*=\s*["'][^"']*["']/, '');
    return `<rss version="2.0"${rest}>`;
  });
}

// A DOCTYPE's internal subset. External entities (SYSTEM/PUBLIC, such as the XHTML
// entity sets old feeds reference) are never fetched or read: the DOCTYPE is dropped and
// their references are left to repairEntities (HTML names become characters, anything
// else literal text). Simple internal entities are expanded, boundedly. An entity whose
// value refers to another entity is the billion-laughs pattern: the feed is refused.
const DOCTYPE_SUBSET = /<!DOCTYPE\s+[^[>]*\[([\s\S]*?)\]\s*>/i;
const ENTITY_DECL = /<!ENTITY\s+(%\s+)?([\w.:-]+)\s+(?:(SYSTEM|PUBLIC)\b[^>]*|"([^"]*)"|'([^']*)')\s*>/g;
const MAX_EXPANSION = 1 << 20;

export function resolveDoctypeEntities(xml: string): string {
  const head = xml.slice(0, 65_536);
  const m = DOCTYPE_SUBSET.exec(head);
  if (!m) return xml;
  const values = new Map<string, string>();
  for (const [, parameter, name, external, dq, sq] of m[1]!.matchAll(ENTITY_DECL)) {
    if (parameter || external) continue;
    const value = dq ?? sq ?? '';
    if (/[&%<]/.test(value)) {
      throw new FeedError('parse', 'the feed declares nested entities (DOCTYPE), which nahr never expands');
    }
    values.set(name!, value.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
  }
  const body = xml.slice(0, m.index) + xml.slice(m.index + m[0].length);
  if (values.size === 0) return body;
  let added = 0;
  return body.replace(/&([\w.:-]+);/g, (whole, name: string) => {
    const value = values.get(name);
    if (value === undefined) return whole;
    added += value.length;
    if (added > MAX_EXPANSION) throw new FeedError('parse', 'the feed\'s entities expand past 1 MiB; refused');
    return value;
  });
}

type ParsedFeed = Awaited<ReturnType<Parser['parseString']>>;

function parseStrict(xml: string): Promise<ParsedFeed> {
  // A new Parser per parse: a reused instance is stateful after an error (PACKAGES.md).
  return new Parser({ customFields: { item: CUSTOM_ITEM_FIELDS as never } }).parseString(xml);
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** Bare "&" → "&amp;"; HTML-only named entities → numeric references; a last closing
 * tag that lost its ">" ("</rss" at the end of a cut-short file) closed again. */
export function repairEntities(xml: string): string {
  return xml.replace(/<\/([\w:.-]+)\s*$/, '</$1>').replace(/&(#\d+;|#x[0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]{0,31};)?/g, (whole, ref: string | undefined) => {
    if (!ref) return '&amp;';
    if (ref.startsWith('#')) return whole;
    const name = ref.slice(0, -1);
    if (XML_ENTITIES.has(name)) return whole;
    const decoded = decodeHTML(whole);
    if (decoded === whole) return `&amp;${ref}`;
    return [...decoded].map((c) => `&#${c.codePointAt(0)};`).join('');
  });
}

const atomDates = (r: Record<string, unknown>): boolean =>
  [r.publishedRaw, r.loosePublished, r.issuedRaw, r.looseIssued, r.updatedRaw, r.looseUpdated, r.modifiedRaw, r.looseModified].some(
    (v) => v !== undefined,
  );

const attrsOf = (node: unknown): Record<string, string> =>
  node && typeof node === 'object' && '$' in node ? ((node as { $: Record<string, string> }).$ ?? {}) : {};

/** Pictures and files of an item: media RSS, RSS <enclosure>, Atom link rel="enclosure". */
function mediaOf(r: Record<string, unknown>): Pick<RawItem, 'images' | 'enclosures'> {
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const groups = list(r.mediaGroups).flatMap((g) => [...list((g as Record<string, unknown>)['media:thumbnail']), ...list((g as Record<string, unknown>)['media:content'])]);
  const media = [...list(r.mediaThumbnails), ...list(r.mediaContents), ...groups].map(attrsOf);
  const images = media
    .filter((a) => a.url && (!a.medium || a.medium === 'image') && (!a.type || a.type.startsWith('image/')))
    .map((a) => a.url!);
  const enclosures: NonNullable<RawItem['enclosures']> = [];
  const rssEnclosure = r.enclosure as Record<string, string> | undefined;
  if (rssEnclosure?.url) enclosures.push({ url: rssEnclosure.url, type: rssEnclosure.type, length: rssEnclosure.length });
  for (const l of list(r.linksRaw).map(attrsOf)) {
    if (l.rel === 'enclosure' && l.href) enclosures.push({ url: l.href, type: l.type, length: l.length });
  }
  return { images, enclosures };
}

/** rss-parser's output mapped to RawFeed. */
function fromRssParser(feed: ParsedFeed): RawFeed {
  const items = (feed.items ?? []).map((raw): RawItem => {
    const r = raw as Record<string, unknown>;
    const atomContent = text(r.atomContentRaw);
    return {
      guid: text(r.guid) ?? text(r.id) ?? text(r['rdf:about']),
      title: text(r.title),
      link: text(r.link),
      content: text(r['content:encoded']) ?? (atomContent !== undefined ? text(r.content) : undefined),
      summary: text(r.summary) ?? (atomContent === undefined ? text(r.content) : undefined),
      categories: [
        ...new Set([...categoryTexts(r.categories), ...categoryTexts(r.categoriesRaw), ...categoryTexts(r.subjectsRaw)]),
      ],
      author: text(r.creator) ?? text(r.author),
      // Raw strings only: for Atom, rss-parser's own pubDate is already converted by Date
      // in this machine's zone, which loses the source's zone for zone-less times.
      dates: [
        r.publishedRaw, r.loosePublished, r.issuedRaw, r.looseIssued,
        atomDates(r) ? undefined : r.pubDate,
        r.dcDateRaw, r.updatedRaw, r.looseUpdated, r.modifiedRaw, r.looseModified,
      ]
        .map(text)
        .filter((d): d is string => !!d && d.trim().length > 0),
      ...mediaOf(r),
    };
  });
  return { title: text(feed.title), link: text(feed.link), items };
}

/** rss-parser first; the generic reader for shapes it cannot map. Throws the first error. */
async function readDocument(xml: string): Promise<RawFeed> {
  try {
    const feed = fromRssParser(await parseStrict(xml));
    // rss-parser found nothing, yet the text has items (outside a channel, <item> in an
    // Atom feed …): the generic reader may see them.
    if (feed.items.length === 0 && /<(?:[\w-]+:)?(?:item|entry)[\s>]/i.test(xml)) {
      const generic = await parseGeneric(xml).catch(() => undefined);
      if (generic && generic.items.length > 0) return generic;
    }
    return feed;
  } catch (err) {
    const generic = await parseGeneric(xml).catch(() => undefined);
    if (generic) return generic;
    throw err;
  }
}

export async function parseFeed(xml: string): Promise<RawFeed> {
  const body = xml.replace(/^\uFEFF/, '').trimStart();
  if (!body) throw new FeedError('empty', 'the response body is empty');
  // An HTML page (a Cloudflare challenge, a login wall, the site's home page), perhaps
  // after an XML declaration or comments.
  if (/^(?:<\?xml[^>]*\?>\s*|<!--[\s\S]*?-->\s*)*(?:<!doctype html|<html[\s>])/i.test(body)) {
    throw new FeedError('not-a-feed', 'the URL returned an HTML page, not a feed');
  }
  const prepared = assumeRssVersion(xhtmlAsHtml(moveUnreadableAtomDates(resolveDoctypeEntities(body))));
  try {
    return await readDocument(prepared);
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
    // The commonest breakage in real feeds: a bare "&" or an HTML entity (&nbsp;) that
    // XML does not define. Repair those and try once more before giving up on the feed.
    const repaired = repairEntities(prepared);
    if (repaired !== prepared) {
      const second = await readDocument(repaired).catch(() => undefined);
      if (second) return second;
    }
    if (/not recognized as RSS/i.test(reason)) {
      throw new FeedError('not-a-feed', 'the document is XML but not RSS or Atom', undefined, { cause: err });
    }
    throw new FeedError('parse', `malformed feed XML: ${reason}`, undefined, { cause: err });
  }
}
