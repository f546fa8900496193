// `nahr poll`: one poll cycle, stored, one line per source on stdout.
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { fetchFeed } from '../fetch/fetch.js';
import type { Log } from '../log.js';
import { openLowdbStore } from '../store/lowdb-store.js';
import { pollCycle, type SourceReport } from '../worker/poll-cycle.js';

export interface PollCommand {
  configFile: string;
  dataDir: string;
  onlyDue: boolean;
  log: Log;
  out: (line: string) => void;
}

/** Up to this random delay before each fetch, so sources do not all fire in one second. */
export const POLL_JITTER_MS = 2000;

export function formatReport(r: SourceReport): string {
  if (r.outcome === 'failed') return `${r.sourceId}: failed (${r.error?.code}): ${r.error?.message}`;
  if (r.outcome === 'rate-limited') return `${r.sourceId}: rate limited: ${r.error?.message}${r.retryAfterUntil ? `, next try after ${r.retryAfterUntil}` : ''}`;
  if (r.outcome === 'waiting') return `${r.sourceId}: skipped: the site asked to wait until ${r.retryAfterUntil} (Retry-After)`;
  if (r.outcome === 'not-modified') return `${r.sourceId}: not modified`;
  const parts = [`${r.newStories} new`, `${r.folded} duplicates folded`];
  if (r.updated) parts.push(`${r.updated} updated`);
  parts.push(`${r.known} already known`);
  if (r.skipped) parts.push(`${r.skipped} skipped (unusable entries)`);
  return `${r.sourceId}: ${parts.join(', ')}`;
}

export async function runPoll(cmd: PollCommand): Promise<SourceReport[]> {
  const config: Config = await loadConfig(cmd.configFile);
  const store = await openLowdbStore(cmd.dataDir);
  try {
    const reports = await pollCycle(config, { store, fetch: fetchFeed, now: Date.now, log: cmd.log, jitterMs: POLL_JITTER_MS }, { onlyDue: cmd.onlyDue });
    if (reports.length === 0) cmd.out(cmd.onlyDue ? 'no source is due' : 'no enabled source');
    for (const r of reports) cmd.out(formatReport(r));
    return reports;
  } finally {
    await store.close();
  }
}
