import { describe, expect, it } from 'vitest';
import { configSchema, type SourceConfig } from '../src/config/schema.js';
import { FeedError } from '../src/errors.js';
import type { SourceState } from '../src/model.js';
import type { SourceRead } from '../src/worker/read-source.js';
import { nextSourceState } from '../src/worker/source-state.js';

const config = configSchema.parse({ sources: [{ id: 'a', name: 'أ', url: 'https://a.example/feed' }] });
const source = config.sources[0] as SourceConfig;
const now = Date.parse('2026-11-29T12:00:00Z');
const failed = (error: FeedError): SourceRead => ({ source, kind: 'failed', error, fetchMs: 5 });
const ok: SourceRead = { source, kind: 'ok', items: [], skipped: 0, status: 200, etag: '"e2"', lastModified: 'x', bytes: 10, fetchMs: 5 };
const failing: SourceState = { consecutiveFailures: 2, lastError: 'server error (HTTP 500)', etag: '"e1"' };

describe('nextSourceState', () => {
  it('counts a failure, keeps the validators, and names the error', () => {
    const s = nextSourceState(failing, failed(new FeedError('timeout', 'no complete answer within 20 s')), config, now);
    expect(s).toMatchObject({ consecutiveFailures: 3, lastError: 'no complete answer within 20 s', lastErrorCode: 'timeout', etag: '"e1"', lastAttempt: '2026-11-29T12:00:00.000Z' });
    expect(Date.parse(s.nextDue!) - now).toBe(40 * 60_000);
  });
  it('does not count a 429 as a failure, and waits as the site asked', () => {
    const s = nextSourceState(failing, failed(new FeedError('http', 'rate limited by the site (HTTP 429)', 429, { retryAfterMs: 3_600_000 })), config, now);
    expect(s.consecutiveFailures).toBe(2);
    expect(s.retryAfterUntil).toBe('2026-11-29T13:00:00.000Z');
    expect(s.nextDue).toBe('2026-11-29T13:00:00.000Z');
  });
  it('counts a 503 and honours its Retry-After', () => {
    const s = nextSourceState(undefined, failed(new FeedError('http', 'service unavailable (HTTP 503)', 503, { retryAfterMs: 2 * 3_600_000 })), config, now);
    expect(s.consecutiveFailures).toBe(1);
    expect(s.retryAfterUntil).toBe('2026-11-29T14:00:00.000Z');
  });
  it('resets on success and stores the new validators and the time of the body', () => {
    const s = nextSourceState(failing, ok, config, now);
    expect(s).toMatchObject({ consecutiveFailures: 0, lastError: undefined, etag: '"e2"', lastStatus: 200, lastSuccess: '2026-11-29T12:00:00.000Z', notModifiedSince: undefined });
  });
  it('treats 304 as success that changes nothing', () => {
    const s = nextSourceState({ consecutiveFailures: 0, etag: '"e1"', notModifiedSince: '2026-11-29T01:00:00.000Z', notModifiedCount: 4 }, { source, kind: 'not-modified', fetchMs: 1 }, config, now);
    expect(s).toMatchObject({ lastStatus: 304, etag: '"e1"', notModifiedSince: '2026-11-29T01:00:00.000Z', notModifiedCount: 5 });
    const first = nextSourceState({ consecutiveFailures: 0, etag: '"e1"' }, { source, kind: 'not-modified', fetchMs: 1 }, config, now);
    expect(first).toMatchObject({ notModifiedSince: '2026-11-29T12:00:00.000Z', notModifiedCount: 1 });
  });
  it('records a permanent redirect for the status page', () => {
    expect(nextSourceState(undefined, { ...ok, permanentRedirect: 'https://new.example/feed' } as SourceRead, config, now).permanentRedirect).toBe('https://new.example/feed');
  });
});
