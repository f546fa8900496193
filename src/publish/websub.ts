// WebSub (W3C Recommendation, https://www.w3.org/TR/websub/): feeds name their hubs with
// rel="hub"; after a poll changes feeds, nahr tells each hub which feed URLs changed
// (`hub.mode=publish`, `hub.url=…`, the publish ping hubs such as WebSubHub and
// Superfeedr take), so subscribers get the news pushed instead of polling.
import type { Story } from '../model.js';
import type { Log } from '../log.js';
import { FORMATS } from './document.js';
import { outletCount, pagePath, type FeedKey } from './feeds.js';

const fingerprint = (s: Story) => `${s.updated}\n${s.topics.join(',')}`;

/** The feeds whose first page can differ between two store snapshots. */
export function changedFeeds(before: readonly Story[], after: readonly Story[]): FeedKey[] {
  const old = new Map(before.map((s) => [s.id, s]));
  const now = new Map(after.map((s) => [s.id, s]));
  const topics = new Set<string>();
  const sources = new Set<string>();
  let any = false;
  let top = false; // the top feed holds stories two or more outlets reported
  const touch = (s: Story) => {
    any = true;
    if (outletCount(s) >= 2) top = true;
    for (const t of s.topics) topics.add(t);
    for (const r of s.reporters) sources.add(r.sourceId);
  };
  for (const s of after) {
    const prev = old.get(s.id);
    if (!prev) touch(s);
    else if (fingerprint(prev) !== fingerprint(s) || prev.reporters.length !== s.reporters.length) {
      touch(prev);
      touch(s);
    }
  }
  for (const s of before) if (!now.has(s.id)) touch(s); // dropped by retention
  if (!any) return [];
  return [{ kind: 'all' }, ...(top ? [{ kind: 'top' as const }] : []), ...[...topics].sort().map((id) => ({ kind: 'topic' as const, id })), ...[...sources].sort().map((id) => ({ kind: 'source' as const, id }))];
}

/** Every format's URL of the first page of these feeds. */
export function feedUrls(publicUrl: string, keys: readonly FeedKey[]): string[] {
  const base = publicUrl.replace(/\/+$/, '');
  return keys.flatMap((key) => FORMATS.map((format) => base + pagePath(key, format, 1)));
}

export type HubPost = (hub: string, body: URLSearchParams) => Promise<number>;

/** The default: a form POST with a 10 s timeout; the HTTP status comes back. */
export const postToHub: HubPost = async (hub, body) => {
  const res = await fetch(hub, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' }, signal: AbortSignal.timeout(10_000) });
  await res.body?.cancel().catch(() => undefined);
  return res.status;
};

/** One ping per hub, listing every changed URL (hubs accept repeated hub.url). Never throws. */
export async function notifyHubs(hubs: readonly string[], urls: readonly string[], log: Log, post: HubPost = postToHub): Promise<void> {
  if (hubs.length === 0 || urls.length === 0) return;
  const body = new URLSearchParams([['hub.mode', 'publish'], ...urls.map((u): [string, string] => ['hub.url', u])]);
  await Promise.all(
    hubs.map(async (hub) => {
      try {
        const status = await post(hub, body);
        if (status >= 300) log.warn({ hub, status, feeds: urls.length }, 'WebSub hub refused the ping');
        else log.info({ hub, status, feeds: urls.length }, 'WebSub hub notified');
      } catch (err) {
        log.warn({ hub, err: (err as Error).message }, 'WebSub hub unreachable');
      }
    }),
  );
}
