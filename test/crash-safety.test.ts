// Crash safety: a poller killed with SIGKILL at random moments, 50 times, restarted each
// time. The store always loads, and every story a completed poll reported stored is there.
// (bench/crash.ts runs the same 500 times.)
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killRepeatedly } from './helpers/crash.js';

describe('crash safety', () => {
  it('50 SIGKILLs during polls and writes: the store always loads and loses no stored story', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nahr-crash-'));
    const { completedCycles, mustHave } = await killRepeatedly(dir, 50, ({ kill, lost, corrupt }) => {
      expect(lost, `after kill ${kill}`).toEqual([]);
      expect(corrupt, `after kill ${kill}`).toEqual([]); // never needed moving aside
    });
    expect(completedCycles).toBeGreaterThan(50);
    expect(mustHave).toBeGreaterThan(100);
  });
});
