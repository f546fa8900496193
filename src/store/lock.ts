// One writer per data dir: lowdb rewrites the whole file, so two processes writing it
// would lose each other's updates. A lock file holds the owner's pid; a lock whose
// process is gone (a crash, a kill -9) is taken over.
import { openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { StoreLockedError } from '../errors.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}

// Locks this process holds: a second open of the same dir in one process is refused too.
const held = new Set<string>();

export interface Lock {
  release(): void;
}

export function acquireLock(dir: string): Lock {
  const file = join(dir, 'nahr.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      held.add(file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(file);
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let pid = NaN;
      try {
        pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
      } catch {
        continue; // removed between open and read: try again
      }
      if (pid === process.pid ? held.has(file) : Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new StoreLockedError(dir, pid);
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
