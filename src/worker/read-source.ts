// One source, fetched and read: fetch → not modified? → decode → parse → normalize.
// Never throws: a failure comes back as a value, so one bad feed cannot stop the others.
import type { Config, SourceConfig } from '../config/schema.js';
import { FeedError } from '../errors.js';
import { decodeFeed } from '../fetch/charset.js';
import type { FetchFeed } from '../fetch/fetch.js';
import type { Log } from '../log.js';
import type { Item, SourceState } from '../model.js';
import { normalizeItem } from '../normalize/item.js';
import { cleanLink } from '../normalize/links.js';
import { plainText } from '../normalize/text.js';
import type { TitleKeyFolder } from '../normalize/title-key.js';
import { parseFeed } from '../parse/parse.js';
import { NAHR_VERSION } from '../version.js';
import { UNCONDITIONAL_AFTER_MS } from './schedule.js';

export type SourceRead =
  | { source: SourceConfig; kind: 'not-modified'; permanentRedirect?: string; fetchMs: number }
  | { source: SourceConfig; kind: 'failed'; error: FeedError; fetchMs: number }
  | {
      source: SourceConfig;
      kind: 'ok';
      items: Item[];
      skipped: number;
      status: number;
      etag?: string;
      lastModified?: string;
      feedTitle?: string;
      feedLink?: string;
      permanentRedirect?: string;
      bytes: number;
      fetchMs: number;
    };

export function defaultUserAgent(publicUrl: string): string {
  return `nahr/${NAHR_VERSION} (Arabic news aggregator; +${publicUrl})`;
}

export interface ReadContext {
  config: Config;
  fetch: FetchFeed;
  now: () => number;
  log: Log;
  titleKey: TitleKeyFolder;
}

export async function readSource(source: SourceConfig, state: SourceState | undefined, ctx: ReadContext): Promise<SourceRead> {
  const { config } = ctx;
  const started = ctx.now();
  // Servers that mishandle conditional GET answer 304 forever: after a run of at least 3
  // answers of 304 spanning 12 h, ask once without validators. (A count as well as a span,
  // so a daily feed that really did not change keeps using conditional GET.)
  const unconditional =
    !!state?.notModifiedSince &&
    (state.notModifiedCount ?? 0) >= 3 &&
    started - Date.parse(state.notModifiedSince) >= UNCONDITIONAL_AFTER_MS;
  try {
    const res = await ctx.fetch({
      url: source.url,
      etag: unconditional ? undefined : state?.etag,
      lastModified: unconditional ? undefined : state?.lastModified,
      timeoutMs: (source.timeoutSeconds ?? config.fetch.timeoutSeconds) * 1000,
      maxBytes: config.fetch.maxBytes,
      userAgent: source.userAgent ?? config.fetch.userAgent ?? defaultUserAgent(config.publicUrl),
      headers: source.headers,
    });
    if (res.kind === 'not-modified') {
      return { source, kind: 'not-modified', permanentRedirect: res.permanentRedirect, fetchMs: ctx.now() - started };
    }
    const fetchMs = ctx.now() - started;
    const { text } = decodeFeed(res.bytes, res.contentType);
    const feed = await parseFeed(text).catch((err: unknown) => {
      // Served as HTML and not readable as a feed: say so, not "malformed XML".
      if (err instanceof FeedError && err.code === 'parse' && /text\/html/i.test(res.contentType ?? '')) {
        throw new FeedError('not-a-feed', 'the URL returned an HTML page, not a feed', res.status, { cause: err, permanentRedirect: res.permanentRedirect });
      }
      throw withRedirect(err, res.permanentRedirect);
    });
    const now = ctx.now();
    const items: Item[] = [];
    let skipped = 0;
    for (const raw of feed.items) {
      const n = normalizeItem(raw, { sourceId: source.id, feedUrl: res.url, now, titleKey: ctx.titleKey, timezone: source.timezone });
      if (n.ok) items.push(n.item);
      else {
        skipped++;
        ctx.log.debug({ source_id: source.id, reason: n.reason }, 'entry skipped');
      }
    }
    return {
      source,
      kind: 'ok',
      items,
      skipped,
      status: res.status,
      etag: res.etag,
      lastModified: res.lastModified,
      feedTitle: plainText(feed.title) || undefined,
      feedLink: cleanLink(feed.link, res.url),
      permanentRedirect: res.permanentRedirect,
      bytes: res.bytes.byteLength,
      fetchMs,
    };
  } catch (err) {
    const error =
      err instanceof FeedError
        ? err
        : new FeedError('parse', `unexpected error: ${(err as Error)?.message ?? String(err)}`, undefined, { cause: err });
    return { source, kind: 'failed', error, fetchMs: ctx.now() - started };
  }
}

/** A parse failure keeps the permanent move the fetch saw. */
function withRedirect(err: unknown, permanentRedirect: string | undefined): unknown {
  if (!permanentRedirect || !(err instanceof FeedError) || err.permanentRedirect) return err;
  return new FeedError(err.code, err.message, err.status, { cause: err.cause, retryAfterMs: err.retryAfterMs, permanentRedirect });
}
