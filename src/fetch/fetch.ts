// HTTP GET of one feed, as a careful reader does it (Miniflux's fetcher is the model):
// conditional (ETag / Last-Modified), gzip/deflate/br, a whole-request timeout, a streamed
// cap on the decompressed body (the download is aborted past it, never buffered whole),
// at most 5 redirects followed by hand so loops and permanent moves are seen, and every
// failure classified into a FeedError with a stable code and a short sentence.
// undici (Node's own fetch, as a pinned package) so tests can stub the DNS lookup.
import type { LookupFunction } from 'node:net';
import { Agent, fetch, type Dispatcher } from 'undici';
import { FeedError } from '../errors.js';

export interface FetchRequest {
  url: string;
  etag?: string;
  lastModified?: string;
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  headers?: Record<string, string>;
}

export type FetchResult =
  | { kind: 'not-modified'; status: 304; permanentRedirect?: string }
  | {
      kind: 'ok';
      status: number;
      /** The URL the body came from, after redirects: the base for relative links. */
      url: string;
      bytes: Uint8Array;
      contentType?: string;
      etag?: string;
      lastModified?: string;
      /** Where a 301/308 chain from the configured URL led: the operator should update it. */
      permanentRedirect?: string;
    };

export type FetchFeed = (req: FetchRequest) => Promise<FetchResult>;

export const MAX_REDIRECTS = 5;

const CROSS_HOST_DROPPED = new Set(['authorization', 'cookie', 'proxy-authorization', 'if-none-match', 'if-modified-since']);

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed (temporary)',
  EAI_FAIL: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_SOCKET: 'the server closed the connection',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  CERT_HAS_EXPIRED: 'TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate chain is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate cannot be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host',
};

const STATUS_REASONS: Record<number, string> = {
  401: 'the feed needs a login (HTTP 401)',
  403: 'access forbidden (HTTP 403): the site may block bots',
  404: 'feed not found (HTTP 404): check the URL',
  410: 'feed gone for good (HTTP 410): remove it or find its new URL',
  429: 'rate limited by the site (HTTP 429)',
  500: 'server error (HTTP 500)',
  502: 'bad gateway (HTTP 502)',
  503: 'service unavailable (HTTP 503)',
  504: 'gateway timeout (HTTP 504)',
};

/** Retry-After (RFC 9110 10.2.3): delay-seconds or an HTTP date; ms from `now`, or undefined. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

function classify(err: unknown, timeoutMs: number): FeedError {
  if (err instanceof FeedError) return err;
  const e = err as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string; name?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || e?.cause?.name === 'TimeoutError') {
    return new FeedError('timeout', `no complete answer within ${Math.round(timeoutMs / 1000)} s`, undefined, { cause: err });
  }
  const code = e?.cause?.code ?? e?.code;
  if (code && NETWORK_REASONS[code]) return new FeedError('network', NETWORK_REASONS[code]!, undefined, { cause: err });
  const detail = e?.cause?.message ?? e?.message ?? String(err);
  return new FeedError('network', `request failed: ${detail}`, undefined, { cause: err });
}

async function readCapped(body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    // Counted after decompression: a gzip bomb stops here, not at its small wire size.
    if (size > maxBytes) throw new FeedError('too-large', `the feed is larger than ${Math.round(maxBytes / 1024)} KiB`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

export interface FetcherOptions {
  /** DNS lookup for every connection (tests stub it; nothing leaves the machine). */
  lookup?: LookupFunction;
  now?: () => number;
}

export function createFetcher(options: FetcherOptions = {}): FetchFeed {
  const now = options.now ?? Date.now;
  const dispatcher: Dispatcher = new Agent({
    connect: options.lookup ? { lookup: options.lookup } : {},
    keepAliveTimeout: 10_000,
  });

  return async (req) => {
    const headers: Record<string, string> = {
      accept: 'application/atom+xml, application/rss+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
      'user-agent': req.userAgent,
      ...req.headers,
    };
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    const signal = AbortSignal.timeout(req.timeoutMs);
    let url = req.url;
    let permanent = true; // every hop so far was 301/308
    let permanentRedirect: string | undefined;
    const visited = new Set<string>([url]);
    try {
      for (let hop = 0; ; hop++) {
        const res = await fetch(url, { headers, signal, redirect: 'manual', dispatcher });
        const location = res.headers.get('location');
        if (res.status >= 300 && res.status < 400 && res.status !== 304 && location) {
          await res.body?.cancel().catch(() => undefined);
          if (hop >= MAX_REDIRECTS) throw new FeedError('too-many-redirects', `more than ${MAX_REDIRECTS} redirects`, res.status, { permanentRedirect });
          const next = new URL(location, url);
          if (next.protocol !== 'http:' && next.protocol !== 'https:') {
            throw new FeedError('http', `redirected to a non-web URL (${next.protocol})`, res.status, { permanentRedirect });
          }
          if (visited.has(next.toString())) throw new FeedError('too-many-redirects', `redirect loop at ${next}`, res.status, { permanentRedirect });
          visited.add(next.toString());
          // Credentials and validators belong to the host they were configured for: a
          // redirect to another host must not carry the operator's Cookie or Authorization.
          if (next.host !== new URL(url).host) {
            for (const h of Object.keys(headers)) if (CROSS_HOST_DROPPED.has(h.toLowerCase())) delete headers[h];
          }
          permanent &&= res.status === 301 || res.status === 308;
          if (permanent) permanentRedirect = next.toString();
          url = next.toString();
          continue;
        }
        if (res.status === 304) {
          await res.body?.cancel().catch(() => undefined);
          return { kind: 'not-modified', status: 304, permanentRedirect };
        }
        if (res.status < 200 || res.status >= 300) {
          await res.body?.cancel().catch(() => undefined);
          const reason = STATUS_REASONS[res.status] ?? `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
          const retryAfter = res.status === 429 || res.status === 503 ? parseRetryAfter(res.headers.get('retry-after'), now()) : undefined;
          throw new FeedError('http', reason, res.status, { retryAfterMs: retryAfter, permanentRedirect });
        }
        const declared = Number(res.headers.get('content-length'));
        if (!res.headers.get('content-encoding') && Number.isFinite(declared) && declared > req.maxBytes) {
          await res.body?.cancel().catch(() => undefined);
          throw new FeedError('too-large', `the feed is larger than ${Math.round(req.maxBytes / 1024)} KiB`, res.status, { permanentRedirect });
        }
        const bytes = res.body ? await readCapped(res.body, req.maxBytes).catch((e: unknown) => {
          throw e instanceof FeedError ? new FeedError(e.code, e.message, res.status, { permanentRedirect }) : e;
        }) : new Uint8Array();
        return {
          kind: 'ok',
          status: res.status,
          url,
          bytes,
          contentType: res.headers.get('content-type') ?? undefined,
          etag: res.headers.get('etag') ?? undefined,
          lastModified: res.headers.get('last-modified') ?? undefined,
          permanentRedirect,
        };
      }
    } catch (err) {
      const e = classify(err, req.timeoutMs);
      // A move the operator should know of even when the new address then fails.
      if (permanentRedirect && !e.permanentRedirect) throw new FeedError(e.code, e.message, e.status, { cause: e.cause, retryAfterMs: e.retryAfterMs, permanentRedirect });
      throw e;
    }
  };
}

/** The fetcher with the system's DNS, shared by the CLI commands. */
export const fetchFeed: FetchFeed = createFetcher();
