// Runs the crash child (a poller on a real lowdb store) and kills it with SIGKILL at a
// random moment; used by test/crash-safety.test.ts (50 kills) and bench/crash.ts (500).
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.js';

const child = join(repoRoot, 'test', 'helpers', 'crash-child.ts');

export function runAndKill(dir: string, afterMs: number): Promise<string[][]> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, dir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    let timer: NodeJS.Timeout | undefined;
    // The clock starts at the first completed cycle, so kills land in polls and writes,
    // not in the runtime's start-up.
    const arm = () => {
      if (!timer) timer = setTimeout(() => p.kill('SIGKILL'), afterMs);
    };
    p.stdout.once('data', arm);
    const fallback = setTimeout(arm, 8000);
    p.on('exit', () => {
      clearTimeout(fallback);
      clearTimeout(timer);
      // Only whole lines: a kill during the child's write leaves the last line cut short
      // (a long list of ids), and a cut id would look like a lost story.
      const complete = out.split('\n').slice(0, -1).filter((l) => l.startsWith('stored '));
      resolve(complete.map((l) => l.slice(7).split(',').filter(Boolean)));
    });
  });
}

export interface KillRound { kill: number; lost: string[]; corrupt: string[] }

/**
 * `kills` rounds of run-and-kill on one store folder. After each it loads the store file
 * and lists every story a completed poll reported stored that is gone, and any store
 * moved aside as corrupt. `onRound` sees each round (a test asserts there).
 */
export async function killRepeatedly(dir: string, kills: number, onRound: (r: KillRound) => void): Promise<{ completedCycles: number; mustHave: number }> {
  const mustHave = new Set<string>();
  let completedCycles = 0;
  for (let kill = 0; kill < kills; kill++) {
    const reported = await runAndKill(dir, Math.floor(Math.random() * 120));
    completedCycles += reported.length;
    for (const ids of reported) for (const id of ids) mustHave.add(id);
    const stored = JSON.parse(readFileSync(join(dir, 'nahr.json'), 'utf8')) as { stories: Array<{ id: string }> };
    const ids = new Set(stored.stories.map((s) => s.id));
    onRound({ kill: kill + 1, lost: [...mustHave].filter((id) => !ids.has(id)), corrupt: readdirSync(dir).filter((f) => f.includes('corrupt')) });
  }
  return { completedCycles, mustHave: mustHave.size };
}
