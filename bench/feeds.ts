// `npm run bench:feeds`: bytes and render time of /feeds/all.atom (and .rss, .json) at
// 100 and 500 entries, from synthetic Arabic stories shaped like the fixtures (three
// outlets per story for a third of them, a paragraph of content each). Median of runs,
// after a warm-up; the machine is printed with the figures.
import { cpus } from 'node:os';
import { configSchema } from '../src/config/schema.js';
import type { Story } from '../src/model.js';
import { createPublisher } from '../src/publish/feeds.js';
import { emptyData, type Store, type StoreData } from '../src/store/store.js';
import { memoryStore } from '../src/store/memory.js';

const config = configSchema.parse({
  feed: { maxEntries: 500 },
  sources: ['sana', 'alwatan', 'thawra', 'enab'].map((id) => ({ id, name: id, url: `https://${id}.example/feed` })),
  topics: [{ id: 'daraa', title: 'درعا', keywords: ['درعا'] }],
});

function stories(n: number): Story[] {
  const base = Date.parse('2026-11-29T12:00:00Z');
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(base - i * 600_000).toISOString();
    const reporters = (i % 3 === 0 ? ['sana', 'alwatan', 'thawra'] : ['enab']).map((sourceId) => ({
      sourceId,
      guid: `${sourceId}-${i}`,
      title: `افتتاح مشفى جديد في مدينة درعا رقم ${i} بحضور وزير الصحة`,
      link: `https://${sourceId}.example/news/${i}`,
      html: `<p dir="rtl">افتتح وزير الصحة اليوم مشفى جديداً في مدينة درعا بطاقة استيعابية تبلغ ${i} سريراً، ويضم أقساماً للإسعاف والعمليات والعناية المشددة.</p>`,
      categories: ['محليات'],
      author: undefined,
      seenAt: at,
    }));
    return { id: `s${i}`, titleKey: `k${i}`, published: at, updated: at, reporters, topics: ['daraa'] };
  });
}

function storeOf(data: StoreData): Store {
  return memoryStore({ kind: 'snapshot', data, persist: async () => undefined, close: async () => undefined });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
console.log('| entries | format | bytes | render ms (median of 15) |');
console.log('|---|---|---|---|');
for (const n of [100, 500]) {
  const store = storeOf({ ...emptyData(), stories: stories(n) });
  for (const format of ['atom', 'rss', 'json'] as const) {
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < 18; run++) {
      const publisher = createPublisher(config, store); // an empty cache: a real render each run
      const t0 = process.hrtime.bigint();
      const r = (await publisher.render({ kind: 'all' }, format, { limit: n }))!;
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (run >= 3) times.push(ms);
      bytes = r.body.length;
    }
    console.log(`| ${n} | ${format} | ${bytes.toLocaleString('en')} | ${median(times).toFixed(1)} |`);
  }
}
