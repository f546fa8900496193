// Outside checkers (Debian packages installed by .ci/run). Where one is missing a test
// skips visibly; under CI=true a missing one is a failure, never a silent skip.
import { execFileSync, spawnSync } from 'node:child_process';

export function haveTool(cmd: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
  if (!found && process.env.CI === 'true') {
    throw new Error(`${cmd} is required under CI (installed by .ci/run) but is not on PATH`);
  }
  if (!found) console.warn(`[skipped] ${cmd} is not installed: apt-get install the packages listed in .ci/run to run these checks`);
  return found;
}

/** jing -c with the RFC 4287 schema; returns its complaints ('' when valid). */
export function jing(schema: string, file: string): string {
  const r = spawnSync('jing', ['-c', schema, file], { encoding: 'utf8' });
  return r.status === 0 ? '' : `${r.stdout}${r.stderr}`.replace(/^\[warning\].*$/gm, '').trim() || `jing exited ${r.status}`;
}

export function feedparserBozo(file: string): { bozo: number; entries: number; exception: string } {
  const script = `import feedparser, json, sys
d = feedparser.parse(sys.argv[1])
print(json.dumps({"bozo": int(d.bozo), "entries": len(d.entries), "exception": str(d.get("bozo_exception", ""))}))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' })) as {
    bozo: number;
    entries: number;
    exception: string;
  };
}

/** Debian's python3-feedparser imports only under /usr/bin/python3 (PACKAGES.md). */
export function haveFeedparser(): boolean {
  const ok = spawnSync('/usr/bin/python3', ['-c', 'import feedparser']).status === 0;
  if (!ok && process.env.CI === 'true') throw new Error('python3-feedparser is required under CI (installed by .ci/run)');
  if (!ok) console.warn('[skipped] python3-feedparser is not installed');
  return ok;
}
