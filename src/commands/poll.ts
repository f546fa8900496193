// `nahr poll`: one poll cycle, stored, one line per source on stdout. On a terminal it
// shows progress while it runs and ends with a table; elsewhere it prints plain lines.
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { fetchFeed } from '../fetch/fetch.js';
import type { Log } from '../log.js';
import { openStore } from '../store/open.js';
import { pollCycle, type SourceReport } from '../worker/poll-cycle.js';
import { isDue } from '../worker/schedule.js';

export interface PollCommand {
  configFile: string;
  dataDir: string;
  onlyDue: boolean;
  log: Log;
  out: (line: string) => void;
  /** A terminal: progress and a summary table instead of plain lines. */
  tty?: { write(text: string): void; columns?: number };
  /** SIGINT/SIGTERM: finish what is in flight, store it, start nothing new. */
  signal?: AbortSignal;
}

/** Up to this random delay before each fetch, so sources do not all fire in one second. */
export const POLL_JITTER_MS = 2000;

export function formatReport(r: SourceReport): string {
  if (r.outcome === 'failed') return `${r.sourceId}: failed (${r.error?.code}): ${r.error?.message}`;
  if (r.outcome === 'rate-limited') return `${r.sourceId}: rate limited: ${r.error?.message}${r.retryAfterUntil ? `, next try after ${r.retryAfterUntil}` : ''}`;
  if (r.outcome === 'waiting') return `${r.sourceId}: skipped: the site asked to wait until ${r.retryAfterUntil} (Retry-After)`;
  if (r.outcome === 'not-modified') return `${r.sourceId}: not modified`;
  if (r.outcome === 'cancelled') return `${r.sourceId}: not polled (stopped by a signal)`;
  const parts = [`${r.newStories} new`, `${r.folded} duplicates folded`];
  if (r.updated) parts.push(`${r.updated} updated`);
  parts.push(`${r.known} already known`);
  if (r.skipped) parts.push(`${r.skipped} skipped (unusable entries)`);
  return `${r.sourceId}: ${parts.join(', ')}`;
}

/** The summary table a terminal gets after the progress line. */
export function formatTable(reports: SourceReport[]): string {
  const rows = [['source', 'result', 'new', 'folded', 'known', 'error']];
  for (const r of reports) {
    rows.push([r.sourceId, r.outcome, String(r.newStories), String(r.folded), String(r.known), r.error?.message ?? '']);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => (i >= 2 && i <= 4 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  const failed = reports.filter((r) => r.outcome === 'failed').length;
  const total = reports.reduce((n, r) => n + r.newStories, 0);
  return [line(rows[0]!), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line), '', `${reports.length} sources, ${total} new stories, ${failed} failed`].join('\n');
}

export async function runPoll(cmd: PollCommand): Promise<SourceReport[]> {
  const config: Config = await loadConfig(cmd.configFile);
  const store = await openStore(config, cmd.dataDir, { log: cmd.log });
  const onProgress = cmd.tty
    ? ({ done, total, failed }: { done: number; total: number; failed: number }) =>
        cmd.tty!.write(`\r\x1b[Kpolling: ${done}/${total} sources done${failed ? `, ${failed} failing` : ''}`)
    : undefined;
  try {
    const reports = await pollCycle(
      config,
      { store, fetch: fetchFeed, now: Date.now, log: cmd.log, jitterMs: POLL_JITTER_MS, onProgress, signal: cmd.signal },
      { onlyDue: cmd.onlyDue },
    );
    if (cmd.tty) cmd.tty.write('\r\x1b[K');
    if (reports.length === 0) {
      // On a shared store, sources that are due may all be held by other pollers.
      const states = (await store.head()).sources;
      const wanted = config.sources.filter((s) => s.enabled && (!cmd.onlyDue || isDue(states[s.id], Date.now())));
      cmd.out(wanted.length ? `${wanted.length} source(s) to poll, all being polled by other pollers now` : cmd.onlyDue ? 'no source is due' : 'no enabled source');
    }
    else if (cmd.tty) cmd.out(formatTable(reports));
    else for (const r of reports) cmd.out(formatReport(r));
    return reports;
  } finally {
    await store.close();
  }
}
