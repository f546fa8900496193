// OPML: import into the operator's YAML (comments and order kept), export from the HTTP
// app, and a round trip that adds nothing the second time.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { addSources, deriveId, readOpml } from '../src/config/opml-import.js';
import { createPublisher } from '../src/publish/feeds.js';
import { buildApp } from '../src/serve/app.js';
import { runCliSync } from './helpers/cli.js';
import { openTestStore } from './helpers/stores.js';
import { storeStatus } from '../src/serve/status.js';
import { repoRoot } from './helpers/paths.js';

const shipped = readFileSync(join(repoRoot, 'config', 'feeds.yaml'), 'utf8');
const opml = (outlines: string) => `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>reader export</title></head><body>${outlines}</body></opml>`;

async function appFor(configText: string) {
  const config = parseConfig(configText);
  const store = await openTestStore();
  return buildApp({ publisher: createPublisher(config, store), config: () => config, status: () => storeStatus(config, store) });
}

describe('OPML import', () => {
  it('reads nested outlines and derives readable, unique ids', async () => {
    const feeds = await readOpml(opml('<outline text="أخبار"><outline text="عنب بلدي" xmlUrl="https://enab.example/feed"/><outline title="Sky News" text="x" xmlUrl="https://sky.example/rss"/></outline><outline text="no feed"/>'));
    expect(feeds).toEqual([
      { title: 'عنب بلدي', url: 'https://enab.example/feed' },
      { title: 'Sky News', url: 'https://sky.example/rss' },
    ]);
    expect(deriveId('عنب بلدي', 'https://enab.example/feed')).toBe('anb-bldy');
    expect(deriveId('Sky News Arabia', 'x')).toBe('sky-news-arabia');
    expect(deriveId('', 'https://feeds.example.com/rss')).toBe('example-com');
  });

  it('inserts the new sources after the last one and changes no other byte', () => {
    const result = addSources(shipped, [
      { title: 'Sana', url: 'https://mirror.example/sana.xml' },
      { title: 'عنب بلدي', url: 'https://www.enabbaladi.net/feed' }, // already there (trailing slash aside)
    ], 'politics');
    expect(result.added).toEqual([{ id: 'sana-2', name: 'Sana', url: 'https://mirror.example/sana.xml' }]);
    expect(result.skipped).toEqual([{ url: 'https://www.enabbaladi.net/feed', reason: 'already a source' }]);
    const inserted = '  - id: sana-2\n    name: "Sana"\n    url: "https://mirror.example/sana.xml"\n    topics: [politics]\n';
    expect(result.text.replace(inserted, '')).toBe(shipped);
    const config = parseConfig(result.text);
    expect(config.sources.at(-1)).toMatchObject({ id: 'sana-2', topics: ['politics'] });
  });

  it('refuses a topic the config does not have', () => {
    expect(() => addSources(shipped, [{ title: 'x', url: 'https://x.example/feed' }], 'nope')).toThrow(/unknown topic "nope"/);
  });

  it('round trip through the CLI and the HTTP export: a re-import adds nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nahr-opml-'));
    const configFile = join(dir, 'feeds.yaml');
    writeFileSync(configFile, shipped);
    const incoming = join(dir, 'in.opml');
    writeFileSync(incoming, opml('<outline text="Mirror" type="rss" xmlUrl="https://mirror.example/feed.xml"/><outline text="وكالة" type="rss" xmlUrl="https://agency.example/rss"/>'));
    const first = runCliSync(['import-opml', incoming, '--config', configFile, '--topic', 'economy']);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('2 added, 0 skipped');
    const after = readFileSync(configFile, 'utf8');
    expect(after).not.toBe(shipped); // it changed…
    for (const line of shipped.split('\n')) expect(after).toContain(line); // …keeping every line, comments included

    const app = await appFor(after);
    const exported = await app.inject({ url: '/opml' });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('text/x-opml; charset=utf-8');
    const exportFile = join(dir, 'export.opml');
    writeFileSync(exportFile, exported.body);
    expect((await readOpml(exported.body)).length).toBe(15);

    const again = runCliSync(['import-opml', exportFile, '--config', configFile]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('0 added, 15 skipped');
    expect(readFileSync(configFile, 'utf8')).toBe(after);

    const topic = await app.inject({ url: '/opml/topics/economy' });
    expect((await readOpml(topic.body)).map((f) => f.url).sort()).toEqual(['https://agency.example/rss', 'https://mirror.example/feed.xml']);
    expect((await app.inject({ url: '/opml/topics/nope' })).statusCode).toBe(404);
  });

  it('fails clearly on a missing file', () => {
    const r = runCliSync(['import-opml', '/nonexistent.opml', '--config', join(repoRoot, 'config', 'feeds.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('file not found: /nonexistent.opml');
  });
});

describe('OPML import: the shapes of real files', () => {
  const feed = (title: string, url: string) => ({ title, url });
  it('fills an empty `sources: []` without touching anything else', () => {
    const text = '# my config\nsources: []   # none yet\ntopics:\n  - { id: t, title: "T" }   # kept\n';
    const r = addSources(text, [feed('A', 'https://a.example/feed')]);
    expect(r.text).toBe('# my config\nsources: # none yet\n  - id: a\n    name: "A"\n    url: "https://a.example/feed"\ntopics:\n  - { id: t, title: "T" }   # kept\n');
  });
  it('adds a `sources:` list to a config that has none', () => {
    const r = addSources('# only topics\ntopics: []\n', [feed('A', 'https://a.example/feed')]);
    expect(r.text).toBe('# only topics\ntopics: []\nsources:\n  - id: a\n    name: "A"\n    url: "https://a.example/feed"\n');
  });
  it('keeps CRLF line endings', () => {
    const text = 'sources:\r\n  - id: a\r\n    name: "A"\r\n    url: "https://a.example/feed"\r\n';
    const r = addSources(text, [feed('B', 'https://b.example/feed')]);
    expect(r.text).toBe(`${text}  - id: b\r\n    name: "B"\r\n    url: "https://b.example/feed"\r\n`);
  });
  it('keeps a commented-out field with the source it belongs to, and a section comment after the list', () => {
    const text = 'sources:\n  - id: a\n    name: "A"\n    url: "https://a.example/feed"\n    # topics: [x]\n# ---- topics ----\ntopics: []\n';
    const r = addSources(text, [feed('B', 'https://b.example/feed')]);
    expect(r.text).toBe('sources:\n  - id: a\n    name: "A"\n    url: "https://a.example/feed"\n    # topics: [x]\n  - id: b\n    name: "B"\n    url: "https://b.example/feed"\n# ---- topics ----\ntopics: []\n');
  });
  it('skips, with a reason, a bad URL and a feed listed twice; compares paths exactly', () => {
    const text = 'sources:\n  - { id: a, name: "A", url: "https://a.example/F" }\n';
    const r = addSources(text, [feed('x', 'https://bad host.example/f'), feed('b', 'https://b.example/feed'), feed('b again', 'https://B.example/feed/'), feed('a lower', 'https://a.example/f')]);
    expect(r.added.map((a) => a.url)).toEqual(['https://b.example/feed', 'https://a.example/f']);
    expect(r.skipped).toEqual([
      { url: 'https://bad host.example/f', reason: 'not a URL (expected http:// or https://)' },
      { url: 'https://B.example/feed/', reason: 'listed twice in the OPML' },
    ]);
  });
  it('reads no feed from link and include outlines, accepts an empty body, and names the file of bad XML', async () => {
    expect(await readOpml(opml('<outline type="link" text="site" url="https://x.example/"/><outline type="include" url="https://x.example/more.opml"/>'))).toEqual([]);
    expect(await readOpml('<opml version="2.0"><head/><body/></opml>')).toEqual([]);
    await expect(readOpml('<opml><body><outline></body></opml>', 'in.opml')).rejects.toThrow(/^in\.opml: not well-formed XML \(line 1\)/);
    await expect(readOpml('<rss/>', 'in.opml')).rejects.toThrow('in.opml: not an OPML document (no <opml> root)');
  });
});
