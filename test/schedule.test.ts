import { describe, expect, it } from 'vitest';
import { configSchema, type SourceConfig } from '../src/config/schema.js';
import { backoffMs, isDue, nextDueAfter, nextDueFor } from '../src/worker/schedule.js';

describe('schedule', () => {
  const now = Date.now();
  it('makes a polled source due again at the next tick', () => {
    const due = Date.parse(nextDueAfter('*/10 * * * *', now));
    expect(due).toBeGreaterThan(now);
    expect(due - now).toBeLessThanOrEqual(10 * 60_000);
    // due just before a tick, so the tick itself finds it due
    expect(new Date(due + 30_000).getUTCSeconds()).toBe(0);
    expect(new Date(due + 30_000).getUTCMinutes() % 10).toBe(0);
  });
  it('is not due at the moment it was polled, even just before a tick', () => {
    const due = Date.parse(nextDueAfter('* * * * *', now));
    expect(due - now).toBeGreaterThanOrEqual(0);
    expect(isDue({ consecutiveFailures: 0, nextDue: new Date(due).toISOString() }, now)).toBe(false);
  });
  it('makes a never-polled source due', () => {
    expect(isDue(undefined, now)).toBe(true);
    expect(isDue({ consecutiveFailures: 0 }, now)).toBe(true);
  });
});

describe('backoff and the next due time', () => {
  const config = configSchema.parse({ sources: [{ id: 'a', name: 'أ', url: 'https://a.example/feed' }, { id: 'w', name: 'و', url: 'https://w.example/feed', interval: '7d' }] });
  const [a, weekly] = config.sources as [SourceConfig, SourceConfig];
  const now = Date.parse('2026-11-29T12:00:00Z');
  const inMinutes = (iso: string) => Math.round((Date.parse(iso) - now) / 60_000);

  it('waits 10, 20, 40 … minutes after consecutive failures, capped at backoff.maxHours', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 12].map((n) => backoffMs(n, 24) / 60_000)).toEqual([10, 20, 40, 80, 160, 320, 640, 1280, 1440]);
    expect(backoffMs(50, 2)).toBe(2 * 3_600_000);
  });
  it('after a success, the next schedule tick; with an interval, that long', () => {
    expect(inMinutes(nextDueFor(a, config, { kind: 'ok' }, now))).toBeLessThanOrEqual(10);
    expect(Date.parse(nextDueFor(weekly, config, { kind: 'ok' }, now)) - now).toBe(7 * 86_400_000 - 30_000);
  });
  it('retries a source with a long interval on the backoff, not after its interval', () => {
    expect(inMinutes(nextDueFor(weekly, config, { kind: 'failed', consecutiveFailures: 1 }, now))).toBe(10);
  });
  it('after failures, the backoff (never sooner than the next tick)', () => {
    expect(inMinutes(nextDueFor(a, config, { kind: 'failed', consecutiveFailures: 3 }, now))).toBe(40);
    expect(inMinutes(nextDueFor(a, config, { kind: 'failed', consecutiveFailures: 30 }, now))).toBe(24 * 60);
  });
  it('honours a longer Retry-After, capped at backoff.maxHours', () => {
    expect(inMinutes(nextDueFor(a, config, { kind: 'failed', consecutiveFailures: 1, retryAfterMs: 90 * 60_000 }, now))).toBe(90);
    expect(inMinutes(nextDueFor(a, config, { kind: 'rate-limited', retryAfterMs: 365 * 86_400_000 }, now))).toBe(24 * 60);
    expect(inMinutes(nextDueFor(a, config, { kind: 'rate-limited' }, now))).toBe(30);
  });
});
