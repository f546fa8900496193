// One writer per data dir: lowdb rewrites the whole file, so two processes writing it
// would lose each other's updates. A lock file holds the owner's pid and start time; a
// lock whose process is gone (a crash, a kill -9) is taken over. Taking over is itself
// serialized by a short-lived guard file, so two processes that find the same stale
// lock at the same moment cannot both win.
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StoreLockedError } from '../errors.js';

// Locks this process holds: a second open of the same dir in one process is refused too.
const held = new Set<string>();
// Locks still held when the process exits are released by one listener, not one each (a
// process may hold many stores, and open and close them often).
const releaseAtExit = new Set<() => void>();
let exitHooked = false;
const GUARD_STALE_MS = 5_000;

export interface Lock {
  release(): void;
}

/** The kernel's start time of a process (field 22 of /proc/PID/stat), or undefined. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ")".
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function alive(pid: number, recordedStart: string | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false; // EPERM: exists, another user's
  }
  // A pid reused by an unrelated process after a crash is not the lock's owner.
  const now = startTime(pid);
  return !(recordedStart && now && recordedStart !== now);
}

function readOwner(file: string): { pid: number; start?: string; raw: string } | undefined {
  try {
    const raw = readFileSync(file, 'utf8');
    const [pid, start] = raw.trim().split(/\s+/);
    return { pid: Number.parseInt(pid ?? '', 10), start, raw };
  } catch {
    return undefined; // removed meanwhile
  }
}

function tryCreate(file: string, content: string): boolean {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, content);
    closeSync(fd);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function acquireLock(dir: string): Lock {
  const file = join(dir, 'nahr.lock');
  const guard = `${file}.takeover`;
  const content = `${process.pid} ${startTime(process.pid) ?? ''}\n`;
  for (let attempt = 0; attempt < 200; attempt++) {
    if (tryCreate(file, content)) {
      held.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(file);
        releaseAtExit.delete(release);
        if (readOwner(file)?.raw === content) rmSync(file, { force: true });
      };
      releaseAtExit.add(release);
      if (!exitHooked) {
        exitHooked = true;
        process.once('exit', () => {
          for (const r of [...releaseAtExit]) r();
        });
      }
      return { release };
    }
    const owner = readOwner(file);
    if (!owner) continue;
    const ours = owner.pid === process.pid;
    if (ours ? held.has(file) : Number.isInteger(owner.pid) && owner.pid > 0 && alive(owner.pid, owner.start)) {
      throw new StoreLockedError(dir, owner.pid);
    }
    // Stale. Only the holder of the guard may remove it, and only if it is still the same.
    if (tryCreate(guard, content)) {
      try {
        if (readOwner(file)?.raw === owner.raw) rmSync(file, { force: true });
      } finally {
        rmSync(guard, { force: true });
      }
      continue;
    }
    try {
      // A guard left by a process killed mid-takeover would block everyone: expire it.
      if (Date.now() - statSync(guard).mtimeMs > GUARD_STALE_MS) rmSync(guard, { force: true });
    } catch {
      // gone already
    }
    pause(10);
  }
  throw new Error(`could not take the lock ${file}`);
}
