// Crash safety: a poller killed with SIGKILL at random moments, 50 times, restarted each
// time. The store always loads, and every story a completed poll reported stored is there.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/paths.js';

const child = join(repoRoot, 'test', 'helpers', 'crash-child.ts');

function runAndKill(dir: string, afterMs: number): Promise<string[][]> {
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
      const complete = out.split('\n').filter((l) => l.startsWith('stored '));
      resolve(complete.map((l) => l.slice(7).split(',').filter(Boolean)));
    });
  });
}

describe('crash safety', () => {
  it('50 SIGKILLs during polls and writes: the store always loads and loses no stored story', { timeout: 240_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nahr-crash-'));
    const mustHave = new Set<string>();
    let completedCycles = 0;
    for (let kill = 0; kill < 50; kill++) {
      const reported = await runAndKill(dir, Math.floor(Math.random() * 120));
      completedCycles += reported.length;
      for (const ids of reported) for (const id of ids) mustHave.add(id);
      const stored = JSON.parse(readFileSync(join(dir, 'nahr.json'), 'utf8')) as { stories: Array<{ id: string }> };
      const ids = new Set(stored.stories.map((s) => s.id));
      const lost = [...mustHave].filter((id) => !ids.has(id));
      expect(lost, `after kill ${kill + 1}`).toEqual([]);
      expect(readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]); // never needed moving aside
    }
    expect(completedCycles).toBeGreaterThan(50);
    expect(mustHave.size).toBeGreaterThan(100);
  });
});
