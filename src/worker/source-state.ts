// What a poll did to a source's stored state. Pure.
import type { Config } from '../config/schema.js';
import type { SourceState } from '../model.js';
import type { SourceRead } from './read-source.js';
import { nextDueFor, type PollOutcome } from './schedule.js';

/** A 429 is the site pacing us, not the feed failing: it backs off without counting. */
export function isRateLimit(read: SourceRead): boolean {
  return read.kind === 'failed' && read.error.status === 429;
}

export function nextSourceState(prev: SourceState | undefined, read: SourceRead, config: Config, now: number): SourceState {
  const p: SourceState = prev ?? { consecutiveFailures: 0 };
  const nowIso = new Date(now).toISOString();
  const base: SourceState = { ...p, lastAttempt: nowIso, retryAfterUntil: undefined };
  const due = (o: PollOutcome) => nextDueFor(read.source, config, o, now);

  if (read.kind === 'failed') {
    const retryAfterMs = read.error.retryAfterMs;
    const capped = retryAfterMs === undefined ? undefined : Math.min(retryAfterMs, config.backoff.maxHours * 3_600_000);
    const retryAfterUntil = capped === undefined ? undefined : new Date(now + capped).toISOString();
    if (isRateLimit(read)) {
      return {
        ...base,
        lastStatus: 429,
        lastError: read.error.message,
        lastErrorCode: read.error.code,
        retryAfterUntil: retryAfterUntil ?? undefined,
        nextDue: due({ kind: 'rate-limited', retryAfterMs: capped }),
      };
    }
    const consecutiveFailures = p.consecutiveFailures + 1;
    return {
      ...base,
      permanentRedirect: read.error.permanentRedirect ?? p.permanentRedirect,
      lastStatus: read.error.status,
      consecutiveFailures,
      lastError: read.error.message,
      lastErrorCode: read.error.code,
      retryAfterUntil,
      nextDue: due({ kind: 'failed', consecutiveFailures, retryAfterMs: capped }),
    };
  }
  const ok: SourceState = {
    ...base,
    lastSuccess: nowIso,
    consecutiveFailures: 0,
    lastError: undefined,
    lastErrorCode: undefined,
    permanentRedirect: read.permanentRedirect,
    nextDue: due({ kind: 'ok' }),
  };
  if (read.kind === 'not-modified') {
    return { ...ok, lastStatus: 304, notModifiedSince: p.notModifiedSince ?? nowIso, notModifiedCount: (p.notModifiedCount ?? 0) + 1 };
  }
  return {
    ...ok,
    lastStatus: read.status,
    notModifiedSince: undefined,
    notModifiedCount: undefined,
    // A server that stopped sending validators must not keep the old ones alive.
    etag: read.etag,
    lastModified: read.lastModified,
    feedTitle: read.feedTitle ?? p.feedTitle,
    feedLink: read.feedLink ?? p.feedLink,
  };
}
