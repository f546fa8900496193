// Prometheus metrics (prom-client, on a registry of our own, not the global one), served
// at GET /metrics. Stages never import this: the poll cycle and the HTTP edge record what
// they did through the narrow `Metrics` interface, which tests can omit.
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface PollRecord {
  outcome: string;
  newStories: number;
  folded: number;
  updated: number;
  error?: { code: string };
  fetchMs?: number;
  bytes?: number;
}

export interface Metrics {
  readonly registry: Registry;
  recordPoll(r: PollRecord): void;
  recordRender(feed: string): void;
  recordRequest(route: string, status: number): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'nahr_process_' });
  const polls = new Counter({ name: 'nahr_polls_total', help: 'Source polls, by outcome', labelNames: ['outcome'], registers: [registry] });
  const failures = new Counter({ name: 'nahr_poll_failures_total', help: 'Failed polls, by reason', labelNames: ['reason'], registers: [registry] });
  const ingested = new Counter({ name: 'nahr_items_ingested_total', help: 'Items that started a story', registers: [registry] });
  const folded = new Counter({ name: 'nahr_stories_folded_total', help: "Items folded into another outlet's story", registers: [registry] });
  const updated = new Counter({ name: 'nahr_items_updated_total', help: 'Stored items whose content changed', registers: [registry] });
  const fetchSeconds = new Histogram({
    name: 'nahr_fetch_duration_seconds',
    help: 'Time to fetch one feed (headers and body)',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30],
    registers: [registry],
  });
  const bytes = new Counter({ name: 'nahr_fetched_bytes_total', help: 'Feed bytes fetched (decompressed)', registers: [registry] });
  const renders = new Counter({ name: 'nahr_feed_renders_total', help: 'Feeds rendered (not served from cache)', labelNames: ['feed'], registers: [registry] });
  const requests = new Counter({ name: 'nahr_http_requests_total', help: 'HTTP requests, by route and status', labelNames: ['route', 'status'], registers: [registry] });
  return {
    registry,
    recordPoll(r) {
      polls.inc({ outcome: r.outcome });
      if (r.error && r.outcome === 'failed') failures.inc({ reason: r.error.code });
      if (r.newStories) ingested.inc(r.newStories);
      if (r.folded) folded.inc(r.folded);
      if (r.updated) updated.inc(r.updated);
      if (r.fetchMs !== undefined) fetchSeconds.observe(r.fetchMs / 1000);
      if (r.bytes) bytes.inc(r.bytes);
    },
    recordRender: (feed) => renders.inc({ feed }),
    recordRequest: (route, status) => requests.inc({ route, status: String(status) }),
  };
}
