// Store growth: lowdb write and load time and process RSS at 10k, 50k and 200k stored
// stories, and the cost of one poll cycle (10 feeds × 50 new items, fake fetch, no
// network) on a store of that size. Part of `npm run bench`.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topicRulesFingerprint } from '../src/classify/topics.js';
import { configSchema } from '../src/config/schema.js';
import type { FetchFeed } from '../src/fetch/fetch.js';
import { silentLog } from '../src/log.js';
import type { Story } from '../src/model.js';
import { openLowdbStore } from '../src/store/lowdb-store.js';
import { emptyData } from '../src/store/store.js';
import { pollCycle } from '../src/worker/poll-cycle.js';

function stories(n: number): Story[] {
  const base = Date.UTC(2026, 10, 29, 12);
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(base - i * 20_000).toISOString();
    const reporters = (i % 3 === 0 ? ['s1', 's2', 's3'] : ['s4']).map((sourceId) => ({
      sourceId, guid: `${sourceId}-${i}`, title: `افتتاح مشفى جديد في مدينة درعا رقم ${i}`, link: `https://${sourceId}.example/${i}`,
      html: `<p dir="rtl">افتتح وزير الصحة اليوم مشفى جديداً في مدينة درعا بطاقة ${i} سريراً.</p>`, categories: ['محليات'], author: undefined, seenAt: at,
    }));
    return { id: `st${i}`, titleKey: `key${i}`, published: at, updated: at, reporters, topics: ['daraa'] };
  });
}

export interface StoreRow { stories: number; fileMB: number; writeS: number; loadS: number; rssMB: number; firstCycleS: number; cycleS: number }

export async function benchStore(sizes = [10_000, 50_000, 200_000]): Promise<StoreRow[]> {
  const config = configSchema.parse({
    retention: { days: 36500 },
    sources: Array.from({ length: 10 }, (_, i) => ({ id: `f${i}`, name: `f${i}`, url: `https://f${i}.example/feed` })),
    topics: [{ id: 'daraa', title: 'درعا', keywords: ['درعا'] }],
  });
  let round = 0;
  const fetch: FetchFeed = async (req) => {
    const host = new URL(req.url).hostname;
    const items = Array.from({ length: 50 }, (_, k) => `<item><guid>${host}-${round}-${k}</guid><title>خبر ${round}-${k} من ${host} عن حلب</title><description>نص</description></item>`).join('');
    return { kind: 'ok', status: 200, url: req.url, bytes: new TextEncoder().encode(`<rss version="2.0"><channel><title>t</title>${items}</channel></rss>`) };
  };
  const rows: StoreRow[] = [];
  for (const n of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'nahr-store-bench-'));
    let store = await openLowdbStore(dir);
    // Filed under the current topic rules already: the steady state, not the one-time
    // re-filing of every story that follows a topic edit.
    const data = { ...emptyData(), stories: stories(n), topicRules: topicRulesFingerprint(config) };
    let t0 = performance.now();
    await store.write(data);
    const writeS = (performance.now() - t0) / 1000;
    await store.close();
    t0 = performance.now();
    store = await openLowdbStore(dir);
    const loadS = (performance.now() - t0) / 1000;
    const rssMB = process.memoryUsage().rss / 2 ** 20;
    round++;
    t0 = performance.now();
    await pollCycle(config, { store, fetch, now: () => Date.UTC(2026, 10, 29, 13), log: silentLog }, { onlyDue: false });
    const firstCycleS = (performance.now() - t0) / 1000;
    // The first cycle after a load also reads every stored headline once for the
    // near-duplicate index; a running server pays that once, then the steady cycle.
    round++;
    t0 = performance.now();
    await pollCycle(config, { store, fetch, now: () => Date.UTC(2026, 10, 29, 13, 10), log: silentLog }, { onlyDue: false });
    const cycleS = (performance.now() - t0) / 1000;
    rows.push({ stories: n, fileMB: statSync(join(dir, 'nahr.json')).size / 1e6, writeS, loadS, rssMB, firstCycleS, cycleS });
    await store.close();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchStore());
