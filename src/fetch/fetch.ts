// HTTP GET of one feed: conditional (ETag / Last-Modified), with a whole-request timeout
// and a streamed body cap (the download is aborted past it, never buffered whole).
// Node's fetch (undici) follows redirects and decompresses gzip, deflate and br.
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
  | { kind: 'not-modified'; status: 304 }
  | {
      kind: 'ok';
      status: number;
      url: string;
      bytes: Uint8Array;
      contentType?: string;
      etag?: string;
      lastModified?: string;
    };

export type FetchFeed = (req: FetchRequest) => Promise<FetchResult>;

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed (temporary)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'the server closed the connection',
  CERT_HAS_EXPIRED: 'TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host',
};

function classify(err: unknown, timeoutMs: number): FeedError {
  if (err instanceof FeedError) return err;
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new FeedError('timeout', `no complete answer within ${Math.round(timeoutMs / 1000)} s`, undefined, { cause: err });
  }
  const code = e?.cause?.code;
  if (code && NETWORK_REASONS[code]) return new FeedError('network', NETWORK_REASONS[code]!, undefined, { cause: err });
  if (e?.cause?.message?.includes('redirect count exceeded')) {
    return new FeedError('too-many-redirects', 'too many redirects (or a redirect loop)', undefined, { cause: err });
  }
  const detail = e?.cause?.message ?? e?.message ?? String(err);
  return new FeedError('network', `request failed: ${detail}`, undefined, { cause: err });
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FeedError('too-large', `the feed is larger than ${Math.round(maxBytes / 1024)} KiB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

export const fetchFeed: FetchFeed = async (req) => {
  const headers: Record<string, string> = {
    accept: 'application/atom+xml, application/rss+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5',
    'accept-encoding': 'gzip, deflate, br',
    'user-agent': req.userAgent,
    ...req.headers,
  };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  const signal = AbortSignal.timeout(req.timeoutMs);
  try {
    const res = await fetch(req.url, { headers, signal, redirect: 'follow' });
    if (res.status === 304) {
      await res.body?.cancel().catch(() => undefined);
      return { kind: 'not-modified', status: 304 };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      throw new FeedError('http', `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`, res.status);
    }
    const declared = Number(res.headers.get('content-length'));
    if (!res.headers.get('content-encoding') && Number.isFinite(declared) && declared > req.maxBytes) {
      await res.body?.cancel().catch(() => undefined);
      throw new FeedError('too-large', `the feed is larger than ${Math.round(req.maxBytes / 1024)} KiB`);
    }
    const bytes = res.body ? await readCapped(res.body, req.maxBytes) : new Uint8Array();
    return {
      kind: 'ok',
      status: res.status,
      url: res.url || req.url,
      bytes,
      contentType: res.headers.get('content-type') ?? undefined,
      etag: res.headers.get('etag') ?? undefined,
      lastModified: res.headers.get('last-modified') ?? undefined,
    };
  } catch (err) {
    throw classify(err, req.timeoutMs);
  }
};
