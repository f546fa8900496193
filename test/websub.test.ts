// WebSub: feeds name their hubs; after a poll, hubs hear which feeds changed, and only
// those; nothing when nothing changed. A local hub stub records the pings.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runServe, type Running } from '../src/commands/serve.js';
import type { Story } from '../src/model.js';
import { changedFeeds, feedUrls } from '../src/publish/websub.js';
import { silentLog } from '../src/log.js';
import { fileRoute, startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';
import { storeYaml } from './helpers/stores.js';

const story = (id: string, topics: string[], sources: string[], updated = '2026-11-29T10:00:00.000Z'): Story => ({
  id, titleKey: id, published: updated, updated, topics,
  reporters: sources.map((sourceId) => ({ sourceId, guid: id, title: id, link: undefined, html: '', categories: [], author: undefined, seenAt: updated })),
});

describe('changedFeeds', () => {
  it('is empty when nothing changed', () => {
    const s = [story('a', ['daraa'], ['sana'])];
    expect(changedFeeds(s, s)).toEqual([]);
  });
  it('names all, the topics and the sources of new, changed and dropped stories', () => {
    const before = [story('a', ['daraa'], ['sana']), story('b', ['hama'], ['enab']), story('c', [], ['thawra'])];
    const after = [story('a', ['daraa', 'idlib'], ['sana'], '2026-11-29T11:00:00.000Z'), story('c', [], ['thawra']), story('d', ['homs'], ['alwatan'])];
    expect(changedFeeds(before, after)).toEqual([
      { kind: 'all' },
      { kind: 'topic', id: 'daraa' }, { kind: 'topic', id: 'hama' }, { kind: 'topic', id: 'homs' }, { kind: 'topic', id: 'idlib' },
      { kind: 'source', id: 'alwatan' }, { kind: 'source', id: 'enab' }, { kind: 'source', id: 'sana' },
    ]);
  });
  it('names the top feed when a story two or more outlets reported changed', () => {
    const before = [story('a', [], ['sana'])];
    expect(changedFeeds(before, [story('a', [], ['sana', 'enab'], '2026-11-29T11:00:00.000Z')])).toContainEqual({ kind: 'top' });
    expect(changedFeeds(before, [...before, story('b', [], ['enab'])])).not.toContainEqual({ kind: 'top' });
  });
  it('gives every format\'s URL', () => {
    expect(feedUrls('http://nahr.test/', [{ kind: 'topic', id: 'daraa' }])).toEqual([
      'http://nahr.test/feeds/topics/daraa.atom', 'http://nahr.test/feeds/topics/daraa.rss', 'http://nahr.test/feeds/topics/daraa.json',
    ]);
  });
});

describe('a running server and a hub', () => {
  let feeds: FixtureServer;
  let hub: FixtureServer;
  let running: Running;
  const pings: URLSearchParams[] = [];
  let configFile: string;
  let staticOut: string;
  beforeAll(async () => {
    feeds = await startFixtureServer({ '/tishreen.xml': fileRoute('iso-8859-6.xml') });
    hub = await startFixtureServer({
      '/hub': (req, res) => {
        let body = '';
        req.on('data', (d) => (body += d));
        req.on('end', () => {
          pings.push(new URLSearchParams(body));
          res.writeHead(204).end();
        });
      },
    });
    const dir = mkdtempSync(join(tmpdir(), 'nahr-websub-'));
    configFile = join(dir, 'feeds.yaml');
    writeFileSync(configFile, `publicUrl: "http://nahr.test"\nretention: { days: 36500 }\nwebsub: { hubs: ["${hub.url('/hub')}"] }\nsources:\n  - { id: tishreen, name: "تشرين", url: "${feeds.url('/tishreen.xml')}" }\ntopics:\n  - { id: hama, title: "حماة", keywords: ["حماة"] }\n  - { id: daraa, title: "درعا", keywords: ["درعا"] }\n  - { id: idlib, title: "إدلب", keywords: ["إدلب"] }\n${storeYaml()}`);
    staticOut = join(dir, 'site');
    running = await runServe({ configFile, dataDir: join(dir, 'data'), port: 0, host: '127.0.0.1', log: silentLog, staticOut });
    for (let i = 0; i < 100 && pings.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
  }, 30_000);
  afterAll(async () => {
    await running?.close();
    await hub?.close();
    await feeds?.close();
  });

  it('pings the hub once with the feeds the first poll changed, and only those', () => {
    expect(pings).toHaveLength(1);
    expect(pings[0]!.get('hub.mode')).toBe('publish');
    const urls = pings[0]!.getAll('hub.url');
    expect(urls).toContain('http://nahr.test/feeds/all.atom');
    expect(urls).toContain('http://nahr.test/feeds/topics/hama.json');
    expect(urls).toContain('http://nahr.test/feeds/topics/daraa.rss');
    expect(urls).toContain('http://nahr.test/feeds/sources/tishreen.atom');
    expect(urls.some((u) => u.includes('/topics/idlib.'))).toBe(false); // idlib did not change
    expect(urls).toHaveLength(12);
  });

  it('keeps the --static-out folder current after the poll', () => {
    const atom = readFileSync(join(staticOut, 'feeds', 'topics', 'hama.atom'), 'utf8');
    expect(atom).toContain('افتتاح معرض للكتاب في حماة');
  });

  it('names the hub in every format', async () => {
    const base = running.url;
    expect(await (await fetch(`${base}/feeds/all.atom`)).text()).toContain(`<link rel="hub" href="${hub.url('/hub')}"/>`);
    expect(await (await fetch(`${base}/feeds/all.rss`)).text()).toContain(`<atom:link href="${hub.url('/hub')}" rel="hub"/>`);
    expect(((await (await fetch(`${base}/feeds/all.json`)).json()) as { hubs: unknown }).hubs).toEqual([{ type: 'WebSub', url: hub.url('/hub') }]);
  });
});
