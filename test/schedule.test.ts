import { describe, expect, it } from 'vitest';
import { isDue, nextDueAfter } from '../src/worker/schedule.js';

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
