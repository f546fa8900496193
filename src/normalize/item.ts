// The one boundary where partial parser output becomes a strict Item. An entry that
// cannot be normalized (no title and no link and no content) is skipped with a reason.
import { createHash } from 'node:crypto';
import type { Enclosure, Item } from '../model.js';
import type { RawItem } from '../parse/parse.js';
import { itemTime } from './dates.js';
import { cleanLink } from './links.js';
import { sanitizeContent } from './sanitize.js';
import { plainText, truncateText } from './text.js';
import type { TitleKeyFolder } from './title-key.js';

export interface NormalizeContext {
  sourceId: string;
  /** The URL the feed was fetched from (after redirects): base for relative links. */
  feedUrl: string;
  now: number;
  titleKey: TitleKeyFolder;
  /** IANA zone for dates written without one (the source's `timezone`). */
  timezone?: string;
}

/** Longer titles are cut (some feeds put the whole article in <title>). */
export const MAX_TITLE_GRAPHEMES = 300;
/** A title made from the summary, for an entry that has none. */
const SUMMARY_TITLE_GRAPHEMES = 120;

export type Normalized = { ok: true; item: Item } | { ok: false; reason: string };

const MAX_ENCLOSURES = 5;

/** The item's picture and files, as absolute web URLs without trackers. */
function media(raw: RawItem, base: string): Pick<Item, 'image' | 'enclosures'> {
  const enclosures: Enclosure[] = [];
  for (const e of raw.enclosures ?? []) {
    const url = cleanLink(e.url, base);
    if (!url || enclosures.length >= MAX_ENCLOSURES) continue;
    const enclosure: Enclosure = { url };
    // A MIME type or nothing: outlets send "jpeg" or "audio", which Atom forbids.
    if (/^[\w.+-]+\/[\w.+-]+$/.test(e.type?.trim() ?? '')) enclosure.type = e.type!.trim().toLowerCase();
    if (Number(e.length) > 0) enclosure.length = Math.floor(Number(e.length));
    enclosures.push(enclosure);
  }
  const imageEnclosure = enclosures.find((e) => e.type?.startsWith('image/'))?.url;
  const image = (raw.images ?? []).map((u) => cleanLink(u, base)).find((u): u is string => !!u) ?? imageEnclosure;
  const out: Pick<Item, 'image' | 'enclosures'> = {};
  if (image) out.image = image;
  if (enclosures.length > 0) out.enclosures = enclosures;
  return out;
}

export function normalizeItem(raw: RawItem, ctx: NormalizeContext): Normalized {
  const link = cleanLink(raw.link, ctx.feedUrl);
  const ownTitle = truncateText(plainText(raw.title), MAX_TITLE_GRAPHEMES);
  const html = sanitizeContent(raw.content ?? raw.summary, link ?? ctx.feedUrl);
  // No title: the start of the summary stands in (readers need something to show).
  const title = ownTitle || truncateText(plainText(raw.summary ?? html), SUMMARY_TITLE_GRAPHEMES);
  if (!title && !link && !html) return { ok: false, reason: 'entry has no title, link or content' };
  const published = itemTime(raw.dates, ctx.now, ctx.timezone);
  // Identity inside the source: the guid, else the link, else a hash of what is there
  // (an item with neither is recognized again only if its title and date stay the same).
  const guid =
    raw.guid?.trim() ||
    link ||
    `sha1:${createHash('sha1').update(`${ownTitle}\n${raw.dates[0] ?? ''}\n${html}`).digest('hex')}`;
  return {
    ok: true,
    item: {
      sourceId: ctx.sourceId,
      guid,
      title,
      // An entry without its own title never folds: a summary is not a headline.
      titleKey: ownTitle ? ctx.titleKey(ownTitle) : '',
      link,
      html,
      categories: raw.categories.map((c) => plainText(c)).filter(Boolean),
      author: plainText(raw.author) || undefined,
      published,
      ...media(raw, link ?? ctx.feedUrl),
    },
  };
}
