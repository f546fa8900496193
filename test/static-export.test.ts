// `nahr build --out DIR`: every feed as files, byte for byte what the server serves,
// written so a reader never sees half a file, stale pages removed.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/config/schema.js';
import type { Story } from '../src/model.js';
import { createPublisher } from '../src/publish/feeds.js';
import { exportStatic } from '../src/publish/static-export.js';
import { runCliSync } from './helpers/cli.js';
import { openTestStore } from './helpers/stores.js';

const config = configSchema.parse({
  publicUrl: 'http://nahr.test',
  feed: { maxEntries: 3 },
  sources: [{ id: 'sana', name: 'سانا', url: 'https://sana.example/feed' }],
  topics: [{ id: 'daraa', title: 'درعا', keywords: ['درعا'] }, { id: 'hama', title: 'حماة', keywords: ['حماة'] }],
});
const story = (i: number, title: string): Story => {
  const at = new Date(Date.parse('2026-11-29T12:00:00Z') - i * 60_000).toISOString();
  return { id: `s${i}`, titleKey: `k${i}`, published: at, updated: at, topics: title.includes('درعا') ? ['daraa'] : [], reporters: [{ sourceId: 'sana', guid: `g${i}`, title, link: `https://sana.example/${i}`, html: `<p>${title}</p>`, categories: [], author: undefined, seenAt: at }] };
};
const stories = Array.from({ length: 8 }, (_, i) => story(i, i % 2 ? `خبر من درعا ${i}` : `خبر عام ${i}`));

function files(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), base) : [join(dir, e.name).slice(base.length + 1)]));
}

describe('static export', () => {
  it('writes every feed, format and page, with precompressed twins, as the server renders them', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nahr-site-'));
    const store = await openTestStore({ version: 1, stories, sources: {}, seen: {} });
    const publisher = createPublisher(config, store);
    await exportStatic(publisher, config, out);
    const list = files(out);
    for (const f of ['index.html', 'opml.xml', 'feeds/all.atom', 'feeds/all.rss', 'feeds/all.json', 'feeds/all/page/2.atom', 'feeds/all/page/3.json', 'feeds/topics/daraa.atom', 'feeds/topics/hama.rss', 'feeds/sources/sana/page/2.rss']) {
      expect(list, f).toContain(f);
    }
    expect(list).not.toContain('feeds/all/page/4.atom'); // 8 stories, 3 a page
    expect(readFileSync(join(out, 'feeds/all.atom'))).toEqual((await publisher.render({ kind: 'all' }, 'atom'))!.body);
    expect(gunzipSync(readFileSync(join(out, 'feeds/all.json.gz'))).toString()).toBe(readFileSync(join(out, 'feeds/all.json'), 'utf8'));
    expect(list.some((f) => f.includes('.tmp'))).toBe(false);
  });

  it('never lets a reader see a half-written file, and removes pages that no longer exist', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nahr-site-'));
    const store = await openTestStore({ version: 1, stories, sources: {}, seen: {} });
    const publisher = createPublisher(config, store);
    await exportStatic(publisher, config, out);
    let reads = 0;
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const text = readFileSync(join(out, 'feeds/all.json'), 'utf8');
        JSON.parse(text); // throws on a partial file
        expect(readFileSync(join(out, 'feeds/all.atom'), 'utf8').trimEnd().endsWith('</feed>')).toBe(true);
        reads++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    for (let round = 0; round < 10; round++) {
      await store.replace({ ...(await store.dump()), stories: stories.slice(0, 8 - (round % 4)) });
      await exportStatic(publisher, config, out);
    }
    reading = false;
    await reader;
    expect(reads).toBeGreaterThan(10);
    await store.replace({ ...(await store.dump()), stories: stories.slice(0, 2) });
    const result = await exportStatic(publisher, config, out);
    expect(result.removed).toBeGreaterThan(0);
    expect(existsSync(join(out, 'feeds/all/page/2.atom'))).toBe(false);
  });

  it('rewrites only what changed, and removes a dropped topic\'s pages', async () => {
    const out = mkdtempSync(join(tmpdir(), 'nahr-site-'));
    const store = await openTestStore({ version: 1, stories, sources: {}, seen: {} });
    const publisher = createPublisher(config, store);
    const first = await exportStatic(publisher, config, out);
    expect(first.written).toBe(first.files);
    const again = await exportStatic(publisher, config, out);
    expect(again.written).toBe(0);
    const fewer = configSchema.parse({ ...config, topics: config.topics.filter((t) => t.id !== 'hama') });
    publisher.setConfig(fewer);
    const after = await exportStatic(publisher, fewer, out);
    expect(existsSync(join(out, 'topics/hama/index.html'))).toBe(false);
    expect(existsSync(join(out, 'feeds/topics/hama.atom'))).toBe(false);
    expect(after.removed).toBeGreaterThanOrEqual(6);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('href="/opml.xml"');
    expect(index).not.toContain('href="/status"');
  });

  it('runs from the command line', () => {
    const out = mkdtempSync(join(tmpdir(), 'nahr-site-'));
    const r = runCliSync(['build', '--config', join('config', 'feeds.yaml'), '--data', mkdtempSync(join(tmpdir(), 'nahr-empty-')), '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/files \(\d+ written\)/);
    expect(readFileSync(join(out, 'feeds/topics/daraa.atom'), 'utf8')).toContain('<id>tag:nahr,2026:feed/topic/daraa</id>');
    expect(runCliSync(['build']).status).toBe(2);
  });
});
