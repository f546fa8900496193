// Crash safety, the long run: 500 SIGKILLs of a poller at random moments during polls and
// writes (CI runs 50 of the same in test/crash-safety.test.ts). Counts the rounds after
// which the store did not load, lost a story a completed poll had reported stored, or had
// to be moved aside as corrupt. Part of `npm run bench`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killRepeatedly } from '../test/helpers/crash.js';

export interface CrashBench { kills: number; completedCycles: number; stories: number; roundsLosing: number; roundsCorrupt: number; roundsUnloadable: number; seconds: number }

export async function benchCrash(kills = Number(process.env.BENCH_KILLS ?? 500)): Promise<CrashBench> {
  const dir = mkdtempSync(join(tmpdir(), 'nahr-crash-bench-'));
  let roundsLosing = 0;
  let roundsCorrupt = 0;
  const t0 = performance.now();
  let result: { completedCycles: number; mustHave: number };
  let roundsUnloadable = 0;
  try {
    result = await killRepeatedly(dir, kills, ({ kill, lost, corrupt }) => {
      if (lost.length && roundsLosing++ === 0) console.error(`crash bench: round ${kill} lost ${lost.length} stories, e.g. ${lost.slice(0, 3).join(', ')}`);
      if (corrupt.length) roundsCorrupt++;
      if (kill % 50 === 0) console.error(`crash bench: ${kill} kills`);
    });
  } catch (err) {
    // The store file did not parse: the one outcome killRepeatedly cannot count past.
    roundsUnloadable++;
    console.error(err);
    result = { completedCycles: 0, mustHave: 0 };
  }
  rmSync(dir, { recursive: true, force: true });
  return { kills, completedCycles: result.completedCycles, stories: result.mustHave, roundsLosing, roundsCorrupt, roundsUnloadable, seconds: (performance.now() - t0) / 1000 };
}
