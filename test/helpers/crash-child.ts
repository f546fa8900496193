// A poller for the crash-safety test: poll cycles back to back on a real lowdb store, with
// a fetch that makes new stories every cycle. After each completed cycle (its store
// write returned) it prints the stored story ids; the parent kills it with SIGKILL at a
// random moment and checks the store it left.
import { configSchema } from '../../src/config/schema.js';
import type { FetchFeed } from '../../src/fetch/fetch.js';
import { silentLog } from '../../src/log.js';
import { openLowdbStore } from '../../src/store/lowdb-store.js';
import { pollCycle } from '../../src/worker/poll-cycle.js';

const dir = process.argv[2]!;
const config = configSchema.parse({
  retention: { days: 36500 },
  sources: ['a', 'b', 'c'].map((id) => ({ id, name: id, url: `https://${id}.example/feed` })),
});
const store = await openLowdbStore(dir);
let round = store.read().stories.length;
const fetch: FetchFeed = async (req) => {
  const host = new URL(req.url).hostname;
  const items = Array.from({ length: 40 }, (_, k) => {
    const n = round + k;
    return `<item><guid>${host}-${n}</guid><title>خبر رقم ${n} من ${host} عن درعا وحلب</title><description>${'نص الخبر '.repeat(30)}</description></item>`;
  }).join('');
  return { kind: 'ok', status: 200, url: req.url, bytes: new TextEncoder().encode(`<rss version="2.0"><channel><title>${host}</title>${items}</channel></rss>`) };
};
for (;;) {
  await pollCycle(config, { store, fetch, now: Date.now, log: silentLog }, { onlyDue: false });
  round += 7;
  process.stdout.write(`stored ${store.read().stories.map((s) => s.id).join(',')}\n`);
}
