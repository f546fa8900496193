// Near-duplicate folding end to end through the real CLI: a re-worded story folds and says
// why (`nahr explain`), a wrong fold is undone for good (`nahr split`), and the top feed
// ranks the last day's stories by how many outlets carried them.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyId } from '../src/dedupe/fold.js';
import { runCli } from './helpers/cli.js';
import { startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';
import { haveTool, jing } from './helpers/tools.js';
import { repoRoot } from './helpers/paths.js';
import { readStored, storeYaml } from './helpers/stores.js';

const hourAgo = new Date(Date.now() - 3_600_000).toUTCString();
const rss = (items: Array<[string, string]>) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>https://x.example/</link>${items
    .map(([guid, title]) => `<item><guid>${guid}</guid><title>${title}</title><link>https://x.example/${guid}</link><pubDate>${hourAgo}</pubDate></item>`)
    .join('')}</channel></rss>`;

const feedsXml: Record<string, string> = {
  '/sana.xml': rss([['m', 'موسكو تؤكد استمرار التنسيق مع دمشق'], ['l', 'انفجار لغم من مخلفات الحرب في ريف حمص'], ['h', 'افتتاح مشفى جديد في درعا']]),
  '/alwatan.xml': rss([['m', 'روسيا تؤكد مواصلة التنسيق مع دمشق بشأن قواعدها العسكرية'], ['l', 'انفجار لغم من مخلفات الحرب في ريف حماة'], ['h', 'عاجل: افتتاح مشفى جديد في درعا']]),
  '/enab.xml': rss([['h', 'افتتاح مشفى جديد في درعا - عنب بلدي']]),
};

let server: FixtureServer;
const dir = mkdtempSync(join(tmpdir(), 'nahr-near-'));
const config = join(dir, 'feeds.yaml');
const data = join(dir, 'data');
/** The same sources on the lowdb store, for what only a file can get wrong. */
const lowdbConfig = join(dir, 'lowdb.yaml');
const moscow = storyId('sana', 'm');
const hospital = storyId('sana', 'h');

beforeAll(async () => {
  server = await startFixtureServer(
    Object.fromEntries(Object.entries(feedsXml).map(([path, body]) => [path, (_q: unknown, res: import('node:http').ServerResponse) => res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body)])),
  );
  const text = `publicUrl: "http://nahr.test"\nsources:\n${[['sana', 'سانا'], ['alwatan', 'الوطن'], ['enab', 'عنب بلدي']]
    .map(([id, name]) => `  - { id: ${id}, name: "${name}", url: "${server.url(`/${id}.xml`)}" }`)
    .join('\n')}\n`;
  writeFileSync(config, text + storeYaml());
  writeFileSync(lowdbConfig, text);
  const poll = await runCli(['poll', '--config', config, '--data', data]);
  expect(poll.status, poll.stderr).toBe(0);
}, 60_000);
afterAll(() => server.close());

describe('near-duplicates through the CLI', () => {
  it('folds the re-worded story, keeps the two mines apart, and explains why', async () => {
    const store = await readStored(config, data);
    expect(store.stories).toHaveLength(4); // moscow (2), hospital (3), two mines
    const r = await runCli(['explain', moscow, '--config', config, '--data', data]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('reported by 2');
    expect(r.stdout).toMatch(/الوطن \(alwatan\): روسيا تؤكد[^\n]*\n\s+similar headline, score 0\.\d{3}/);
    const h = await runCli(['explain', hospital, '--config', config, '--data', data]);
    expect(h.stdout).toContain('same headline after folding (exact key)');
  }, 30_000);

  it('ranks the top feed by outlets, says how many and which, and is valid Atom', async () => {
    const out = join(dir, 'site');
    const b = await runCli(['build', '--out', out, '--config', config, '--data', data]);
    expect(b.status, b.stderr).toBe(0);
    const file = join(out, 'feeds', 'top.atom');
    const xml = readFileSync(file, 'utf8');
    const ids = [...xml.matchAll(/<id>tag:nahr,2026:story\/([0-9a-f]+)<\/id>/g)].map((m) => m[1]);
    expect(ids).toEqual([hospital, moscow]); // 3 outlets, then 2; the mines (1 each) are not there
    expect(xml).toContain('(3 مصادر)');
    expect(xml).toMatch(/نقلته 3 مصادر: سانا، الوطن، عنب بلدي/);
    expect(JSON.parse(readFileSync(join(out, 'feeds', 'top.json'), 'utf8')).items).toHaveLength(2);
    if (haveTool('jing')) expect(jing(join(repoRoot, '..', 'shared', 'schema', 'atom.rnc'), file)).toBe('');
  }, 30_000);

  it('splits a wrong fold for good and says what it did; refuses what it cannot split', async () => {
    const bad = await runCli(['split', 'nosuchstory', 'alwatan', '--config', config, '--data', data]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('no story "nosuchstory"');
    const s = await runCli(['split', moscow, 'alwatan', '--config', config, '--data', data]);
    expect(s.status, s.stderr).toBe(0);
    expect(s.stdout).toMatch(/alwatan left story [0-9a-f]+ for story [0-9a-f]+; it will not fold back/);
    const again = await runCli(['poll', '--config', config, '--data', data]);
    expect(again.status, again.stderr).toBe(0);
    const store = await readStored(config, data);
    expect(store.stories.find((x) => x.id === moscow)!.reporters).toHaveLength(1);
    expect(store.stories).toHaveLength(5);
    expect(store.splits).toEqual([expect.objectContaining({ storyId: moscow, sourceId: 'alwatan', guid: 'm' })]);
    const e = await runCli(['explain', moscow, '--config', config, '--data', data]);
    expect(e.stdout).toContain('split off by hand: alwatan');
    const single = await runCli(['split', moscow, 'sana', '--config', config, '--data', data]);
    expect(single.status).toBe(1);
    expect(single.stderr).toContain('one reporter only');
  }, 60_000);

  it('refuses a store it cannot read (leaves it as it is), a missing store, and stray options', async () => {
    const broken = join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(join(broken, 'nahr.json'), '{"version":1,"stories":[');
    const r = await runCli(['split', moscow, 'alwatan', '--config', lowdbConfig, '--data', broken]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('cannot be read');
    expect(readdirSync(broken)).toEqual(['nahr.json']);
    const missing = await runCli(['split', moscow, 'alwatan', '--config', lowdbConfig, '--data', join(dir, 'nowhere')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no store in');
    const stray = await runCli(['explain', moscow, '--out', 'x', '--config', config, '--data', data]);
    expect(stray.status).toBe(2);
    expect(stray.stderr).toContain('--out is not an option of explain');
  }, 30_000);
});
