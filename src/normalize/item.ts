// The one boundary where partial parser output becomes a strict Item. An entry that
// cannot be normalized (no title and no link and no content) is skipped with a reason.
import { createHash } from 'node:crypto';
import type { Item } from '../model.js';
import type { RawItem } from '../parse/parse.js';
import { itemTime } from './dates.js';
import { cleanLink } from './links.js';
import { sanitizeContent } from './sanitize.js';
import { plainText } from './text.js';
import type { TitleKeyFolder } from './title-key.js';

export interface NormalizeContext {
  sourceId: string;
  /** The URL the feed was fetched from (after redirects): base for relative links. */
  feedUrl: string;
  now: number;
  titleKey: TitleKeyFolder;
}

export type Normalized = { ok: true; item: Item } | { ok: false; reason: string };

export function normalizeItem(raw: RawItem, ctx: NormalizeContext): Normalized {
  const link = cleanLink(raw.link, ctx.feedUrl);
  const title = plainText(raw.title);
  const html = sanitizeContent(raw.content ?? raw.summary, link ?? ctx.feedUrl);
  if (!title && !link && !html) return { ok: false, reason: 'entry has no title, link or content' };
  const published = itemTime(raw.dates, ctx.now);
  // Identity inside the source: the guid, else the link, else a hash of what is there
  // (an item with neither is recognized again only if its title and date stay the same).
  const guid =
    raw.guid?.trim() ||
    link ||
    `sha1:${createHash('sha1').update(`${title}\n${raw.dates[0] ?? ''}\n${html}`).digest('hex')}`;
  return {
    ok: true,
    item: {
      sourceId: ctx.sourceId,
      guid,
      title: title || plainText(html).slice(0, 120),
      titleKey: ctx.titleKey(title),
      link,
      html,
      categories: raw.categories.map((c) => plainText(c)).filter(Boolean),
      author: plainText(raw.author) || undefined,
      published,
    },
  };
}
