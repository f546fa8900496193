import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreLockedError } from '../src/errors.js';
import { JSONFile } from 'lowdb/node';
import { configSchema } from '../src/config/schema.js';
import { renderStatusPage } from '../src/serve/status-page.js';
import { storeStatus } from '../src/serve/status.js';
import { openLowdbStore } from '../src/store/lowdb-store.js';
import { emptyData, type StoreData } from '../src/store/store.js';
import { repoRoot } from './helpers/paths.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'nahr-store-'));

describe('lowdb store', () => {
  it('persists what was written across a reopen (a real file, not the in-memory preset)', async () => {
    const dir = tempDir();
    const a = await openLowdbStore(dir);
    await a.write({ ...emptyData(), sources: { sana: { consecutiveFailures: 2, lastError: 'HTTP 500' } } });
    expect(await a.revision()).toBe(1);
    await a.close();
    expect(JSON.parse(readFileSync(join(dir, 'nahr.json'), 'utf8')).sources.sana.lastError).toBe('HTTP 500');
    const b = await openLowdbStore(dir);
    expect(b.read().sources.sana?.consecutiveFailures).toBe(2);
    await b.close();
  });

  it('refuses a second writer on the same data dir while the first is open', async () => {
    const dir = tempDir();
    const a = await openLowdbStore(dir);
    await expect(openLowdbStore(dir)).rejects.toBeInstanceOf(StoreLockedError);
    await a.close();
    const b = await openLowdbStore(dir); // free again once closed
    await b.close();
  });

  it('releases every lock it still holds when the process exits, however many, without a listener each', async () => {
    const dirs = Array.from({ length: 12 }, () => tempDir());
    const code = `import { acquireLock } from ${JSON.stringify(join(repoRoot, 'src/store/lock.ts'))};
const before = process.listenerCount('exit');
for (const d of ${JSON.stringify(dirs)}) acquireLock(d);
process.stdout.write(String(process.listenerCount('exit') - before));`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: repoRoot });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(status, err).toBe(0);
    expect(Number(out)).toBeLessThanOrEqual(1);
    expect(err).not.toContain('MaxListenersExceededWarning');
    for (const d of dirs) expect(existsSync(join(d, 'nahr.lock')), d).toBe(false);
  });

  it('refuses a data dir locked by another live process, naming its pid', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      writeFileSync(join(dir, 'nahr.lock'), `${child.pid}\n`);
      const err = await openLowdbStore(dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreLockedError);
      expect((err as Error).message).toContain(String(child.pid));
    } finally {
      child.kill();
    }
  });

  it('takes over the stale lock of a dead process', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => child.on('exit', r));
    writeFileSync(join(dir, 'nahr.lock'), `${child.pid}\n`);
    const store = await openLowdbStore(dir);
    expect(readFileSync(join(dir, 'nahr.lock'), 'utf8').split(' ')[0]).toBe(String(process.pid));
    await store.close();
    expect(existsSync(join(dir, 'nahr.lock'))).toBe(false);
  });

  it('lets exactly one of several processes take over the same stale lock', async () => {
    const lockModule = new URL('../src/store/lock.ts', import.meta.url).href;
    for (let round = 0; round < 5; round++) {
      const dir = tempDir();
      writeFileSync(join(dir, 'nahr.lock'), '999999 1\n'); // a pid that is not running
      const script = `
        const { acquireLock } = await import(${JSON.stringify(lockModule)});
        try { acquireLock(${JSON.stringify(dir)}); process.stdout.write('won'); setTimeout(() => {}, 800); }
        catch (e) { process.stdout.write(e.name === 'StoreLockedError' ? 'refused' : 'error ' + e.message); }
      `;
      const children = Array.from({ length: 4 }, () =>
        spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] }),
      );
      const outcomes = await Promise.all(
        children.map((c) => new Promise<string>((resolve) => {
          let out = '';
          c.stdout.on('data', (d) => (out += d));
          c.on('exit', () => resolve(out));
        })),
      );
      expect(outcomes.filter((o) => o === 'won')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'refused')).toHaveLength(3);
    }
  });

  it('takes over a lock whose pid now belongs to an unrelated process', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      // The recorded start time differs from the running process's: the pid was reused.
      writeFileSync(join(dir, 'nahr.lock'), `${child.pid} 1\n`);
      await new Promise((r) => setTimeout(r, 100));
      const store = await openLowdbStore(dir);
      await store.close();
    } finally {
      child.kill();
    }
  });

  it('moves a corrupt store aside with a timestamp, says so, and starts empty; never overwrites it', async () => {
    for (const broken of ['{"version":1,"stories":[{"id":', 'not json at all', '{"version":7}']) {
      const dir = tempDir();
      writeFileSync(join(dir, 'nahr.json'), broken);
      const told: Array<{ movedTo: string; reason: string }> = [];
      const store = await openLowdbStore(dir, { onMovedAside: (i) => told.push(i) });
      expect(store.read().stories).toEqual([]);
      expect(told).toHaveLength(1);
      expect(told[0]!.movedTo).toMatch(/nahr\.json\.corrupt-\d{8}T\d{6}Z$/);
      expect(readFileSync(told[0]!.movedTo, 'utf8')).toBe(broken);
      expect(store.health?.movedAside).toBe(told[0]!.movedTo);
      await store.write({ ...emptyData(), sources: { a: { consecutiveFailures: 0 } } });
      await store.close();
      expect(JSON.parse(readFileSync(join(dir, 'nahr.json'), 'utf8')).sources.a).toBeDefined();
    }
  });

  it('fails a write cleanly on a full disk: the previous file stays, the error is kept, the next write succeeds', async () => {
    const dir = tempDir();
    let full = false;
    const adapter = (file: string) => {
      const real = new JSONFile<StoreData>(file);
      return {
        read: () => real.read(),
        write: async (data: StoreData) => {
          if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          return real.write(data);
        },
      };
    };
    const store = await openLowdbStore(dir, { adapter });
    await store.write({ ...emptyData(), sources: { first: { consecutiveFailures: 0 } } });
    full = true;
    await expect(store.write({ ...emptyData(), sources: { second: { consecutiveFailures: 0 } } })).rejects.toThrow(/ENOSPC/);
    expect(JSON.parse(readFileSync(join(dir, 'nahr.json'), 'utf8')).sources).toEqual({ first: { consecutiveFailures: 0 } });
    expect(store.health?.lastWriteError?.message).toMatch(/^store write failed: ENOSPC/);
    const status = await storeStatus(configSchema.parse({}), store);
    expect(status.store?.lastWriteError?.message).toMatch(/ENOSPC/);
    expect(renderStatusPage(status)).toContain('data-store="write-failed"');
    full = false;
    await store.write({ ...emptyData(), sources: { third: { consecutiveFailures: 0 } } });
    expect(store.health?.lastWriteError).toBeUndefined();
    expect(JSON.parse(readFileSync(join(dir, 'nahr.json'), 'utf8')).sources.third).toBeDefined();
    await store.close();
  });

  it('leaves a parseable file when the process is killed mid-write', async () => {
    const dir = tempDir();
    // A child writes a large store in a loop; we SIGKILL it at a random moment.
    const script = `
      const { openLowdbStore } = await import(${JSON.stringify(new URL('../src/store/lowdb-store.ts', import.meta.url).href)});
      const store = await openLowdbStore(${JSON.stringify(dir)});
      const big = Array.from({ length: 3000 }, (_, i) => ({ id: 's' + i, titleKey: 'k'.repeat(200), published: '', updated: '', reporters: [], topics: [] }));
      for (let n = 0; ; n++) { await store.write({ version: 1, stories: big.slice(0, 1000 + (n % 2000)), sources: {}, seen: {} }); process.stdout.write('w'); }
    `;
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
      child.kill('SIGKILL');
      await new Promise((r) => child.on('exit', r));
      const parsed = JSON.parse(readFileSync(join(dir, 'nahr.json'), 'utf8')) as { stories: unknown[] };
      expect(parsed.stories.length).toBeGreaterThanOrEqual(1000);
    }
  });
});
