// /feeds/…: every feed in every format, its archive pages, filters, conditional GET and
// compression. Renders come from the publisher's cache; each encoding is compressed once
// per render and carries its own ETag (RFC 9110 8.8.3: a different representation).
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config/schema.js';
import type { Format } from '../publish/document.js';
import type { FeedKey, Publisher, Rendered } from '../publish/feeds.js';
import { parseFeedQuery } from '../publish/query.js';
import { nextTick } from '../worker/schedule.js';
import { isNotModified } from './conditional.js';

const ID = '[a-z0-9-]+';
// Page 1 is the feed itself; archive pages start at 2 (one URL per document).
const FEED_PATH = new RegExp(`^(all|top|topics/(${ID})|sources/(${ID}))(?:/page/([2-9]|[1-9][0-9]{1,5}))?\\.(atom|rss|json)$`);

export function parseFeedPath(path: string): { key: FeedKey; page: number; format: Format } | undefined {
  const m = FEED_PATH.exec(path);
  if (!m) return undefined;
  const key: FeedKey = m[2] ? { kind: 'topic', id: m[2] } : m[3] ? { kind: 'source', id: m[3] } : m[1] === 'top' ? { kind: 'top' } : { kind: 'all' };
  return { key, page: m[4] ? Number(m[4]) : 1, format: m[5] as Format };
}

/** The client's preferred of br and gzip by q-value (br on a tie), or none (q=0 refuses). */
export function chooseEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  if (!header) return undefined;
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [rawName, ...params] = part.trim().toLowerCase().split(';');
    const name = rawName!.trim() === 'x-gzip' ? 'gzip' : rawName!.trim();
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const weight = (name: string) => accepted.get(name) ?? accepted.get('*') ?? 0;
  const br = weight('br');
  const gzip = weight('gzip');
  if (br <= 0 && gzip <= 0) return undefined;
  return br >= gzip ? 'br' : 'gzip';
}

function encode(rendered: Rendered, encoding: 'br' | 'gzip'): Buffer {
  let body = rendered.encoded.get(encoding);
  if (!body) {
    body =
      encoding === 'br'
        ? brotliCompressSync(rendered.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: rendered.body.length } })
        : gzipSync(rendered.body, { level: 9 });
    rendered.encoded.set(encoding, body);
  }
  return body;
}

/** Seconds until the next poll can change the feed: the next schedule tick (30 s – 1 h). */
export function maxAgeSeconds(schedule: string, now: number): number {
  const seconds = Math.round((nextTick(schedule, now) - now) / 1000);
  return Math.min(3600, Math.max(30, seconds));
}

export function sendRendered(req: FastifyRequest, reply: FastifyReply, rendered: Rendered, config: Config): FastifyReply {
  const encoding = chooseEncoding(req.headers['accept-encoding'] as string | undefined);
  const etag = encoding ? rendered.etag.replace(/"$/, `-${encoding === 'br' ? 'br' : 'gz'}"`) : rendered.etag;
  reply
    .header('etag', etag)
    .header('last-modified', rendered.lastModified)
    .header('cache-control', `public, max-age=${maxAgeSeconds(config.schedule, Date.now())}`)
    .header('vary', 'Accept-Encoding')
    .header('x-content-type-options', 'nosniff');
  if (isNotModified(req.headers, etag, rendered.lastModified)) return reply.code(304).send();
  reply.type(rendered.contentType);
  if (!encoding) return reply.send(rendered.body);
  return reply.header('content-encoding', encoding).send(encode(rendered, encoding));
}

export function registerFeedRoutes(app: FastifyInstance, deps: { publisher: Publisher; config: () => Config }): void {
  app.get<{ Params: { '*': string }; Querystring: Record<string, unknown> }>('/feeds/*', async (req, reply) => {
    const parsed = parseFeedPath(req.params['*']);
    if (!parsed) return reply.code(404).type('text/plain; charset=utf-8').send('no such feed\n');
    const config = deps.config();
    const query = parseFeedQuery(req.query ?? {}, config);
    if (!query.ok) return reply.code(400).type('text/plain; charset=utf-8').send(`${query.reason}\n`);
    const rendered = await deps.publisher.render(parsed.key, parsed.format, query.query, parsed.page);
    if (!rendered) return reply.code(404).type('text/plain; charset=utf-8').send('no such feed\n');
    return sendRendered(req, reply, rendered, config);
  });
}

