// End to end: fixture feeds served on 127.0.0.1, `nahr poll` and `nahr serve` run as an
// operator runs them, the feeds read over HTTP and checked as a reader would.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHTML } from 'entities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atomRuleViolations } from './helpers/atom-rules.js';
import { runCli, startServe, type Served } from './helpers/cli.js';
import { fileRoute, startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';
import { chromiumFlags } from './helpers/chromium.js';
import { atomSchema, haveShared, repoRoot } from './helpers/paths.js';
import { feedparserBozo, haveFeedparser, haveTool, jing } from './helpers/tools.js';
import { storeYaml, TEST_STORE } from './helpers/stores.js';

let feeds: FixtureServer;
let serve: Served;
let dir: string;
let pollOut: { status: number | null; stdout: string; stderr: string };
let firstFeed: { xml: string; etag: string };

const entries = (xml: string) => xml.split('<entry').slice(1).map((e) => e.slice(0, e.indexOf('</entry>')));
const entryWith = (xml: string, titlePart: string) => entries(xml).find((e) => e.includes(titlePart));
const get = (path: string, headers: Record<string, string> = {}) => fetch(serve.url + path, { headers });

beforeAll(async () => {
  feeds = await startFixtureServer({
    '/sana.xml': fileRoute('sana-rss2.xml', 'application/rss+xml; charset=utf-8'),
    '/alwatan.atom': fileRoute('alwatan-atom.xml', 'application/atom+xml'),
    '/enab.rdf': fileRoute('enab-rss1.rdf', 'application/rdf+xml'),
    '/thawra.xml': fileRoute('thawra-1256.xml', 'text/xml'), // no charset: the declaration says windows-1256
    '/tishreen.xml': fileRoute('iso-8859-6.xml', 'application/xml'),
    '/down.xml': (_q, res) => res.writeHead(500).end('boom'),
  });
  dir = mkdtempSync(join(tmpdir(), 'nahr-e2e-'));
  writeFileSync(
    join(dir, 'feeds.yaml'),
    `# e2e config
publicUrl: "http://nahr.test"
retention: { days: 36500 }   # fixtures are dated 2026-11; keep them whenever the test runs
schedule: "0 0 1 1 *"        # once a year: no tick comes due while the test runs
sources:
  - { id: sana, name: "سانا", url: "${feeds.url('/sana.xml')}" }
  - { id: alwatan, name: "الوطن", url: "${feeds.url('/alwatan.atom')}" }
  - { id: enab, name: "عنب بلدي", url: "${feeds.url('/enab.rdf')}" }
  - { id: thawra, name: "الثورة", url: "${feeds.url('/thawra.xml')}" }
  - { id: tishreen, name: "تشرين", url: "${feeds.url('/tishreen.xml')}" }
  - { id: down, name: "معطل", url: "${feeds.url('/down.xml')}" }
topics:
  - { id: daraa, title: "درعا", keywords: ["درعا"] }
  - { id: latakia, title: "اللاذقية", keywords: ["اللاذقية"] }
  - { id: hama, title: "حماة", keywords: ["حماة"], exclude: ["حماة الديار"] }
  - { id: idlib, title: "إدلب", keywords: ["إدلب"] }
  - { id: economy, title: "اقتصاد", keywords: ["سعر الصرف", "الليرة"] }
${storeYaml()}`,
  );
  pollOut = await runCli(['poll', '--config', join(dir, 'feeds.yaml'), '--data', join(dir, 'data')]);
  serve = await startServe(['--config', join(dir, 'feeds.yaml'), '--data', join(dir, 'data')]);
}, 60_000);

afterAll(async () => {
  await serve?.stop();
  await feeds?.close();
});

describe('nahr poll', () => {
  it('prints one line per source on stdout and exits 0 though one source failed', () => {
    expect(pollOut.status).toBe(0);
    expect(pollOut.stdout.trim().split('\n')).toEqual([
      'sana: 6 new, 0 duplicates folded, 0 already known',
      'alwatan: 4 new, 1 duplicates folded, 0 already known',
      'enab: 2 new, 2 duplicates folded, 0 already known',
      'thawra: 1 new, 3 duplicates folded, 0 already known',
      'tishreen: 2 new, 0 duplicates folded, 0 already known',
      'down: failed (http): server error (HTTP 500)',
    ]);
  });

  it(TEST_STORE === 'lowdb' ? 'is refused while serve holds the data dir (lowdb is one process)' : 'runs beside serve on the shared PostgreSQL store', async () => {
    const second = await runCli(['poll', '--config', join(dir, 'feeds.yaml'), '--data', join(dir, 'data')]);
    if (TEST_STORE === 'lowdb') {
      expect(second.status).toBe(3);
      expect(second.stderr).toContain(`in use by another nahr process (pid ${serve.child.pid})`);
      expect(second.stdout).toBe('');
    } else {
      expect(second.status, second.stderr).toBe(0);
      expect(second.stdout).toContain('sana: not modified');
    }
  });
});

describe('the merged feed over HTTP', () => {
  let xml: string;
  let etag: string;
  let lastModified: string;
  beforeAll(async () => {
    const res = await get('/feeds/all.atom');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    etag = res.headers.get('etag')!;
    lastModified = res.headers.get('last-modified')!;
    xml = await res.text();
    firstFeed = { xml, etag };
  });

  it('serves the stories poll stored, at once, folded into 15 entries', () => {
    expect(entries(xml)).toHaveLength(15);
  });

  it('folds one story from three outlets: alternate first, related others, and the "also reported" line', () => {
    const e = entryWith(xml, 'وزير الخارجية يبحث مع نظيره الأردني تعزيز التعاون - سانا')!;
    expect(e).toBeDefined();
    expect(e).toContain('<link rel="alternate" type="text/html" href="https://sana.example/news/120.html"/>');
    expect(e.match(/rel="related"/g)).toHaveLength(2);
    expect(e).toMatch(/rel="related"[^>]*title="الوطن"/);
    expect(e).toMatch(/rel="related"[^>]*title="الثورة"/);
    expect(decodeHTML(e)).toContain('أوردته أيضًا');
    expect(entries(xml).filter((x) => x.includes('تعزيز التعاون') || x.includes('تعزيزَ التعاون'))).toHaveLength(1);
  });

  it('keeps different numbers apart and folds Arabic-Indic with ASCII digits', () => {
    expect(entryWith(xml, 'مقتل 3 مدنيين')).toBeDefined();
    expect(entryWith(xml, 'مقتل 5 مدنيين')).toBeDefined();
    const rate = entryWith(xml, 'ارتفاع سعر الصرف إلى 13500 ليرة')!;
    expect(rate).toMatch(/rel="related"[^>]*title="الثورة"/);
  });

  it('keeps one outlet\'s daily bulletin as two entries', () => {
    expect(entries(xml).filter((e) => e.includes('<title type="text">نشرة أخبار الصباح</title>'))).toHaveLength(2);
  });

  it('carries windows-1256 and ISO-8859-6 Arabic intact', () => {
    expect(xml).toContain('تكريم حماة الديار في ذكرى التأسيس');
    expect(xml).toContain('افتتاح معرض للكتاب في حماة');
  });

  it('has atom:source on every entry, naming the outlet', () => {
    expect(xml.match(/<source>/g)).toHaveLength(15);
    expect(entryWith(xml, 'افتتاح معرض للكتاب في حماة')).toMatch(/<source>\s*<id>tag:nahr,2026:source\/tishreen<\/id>\s*<title type="text">تشرين<\/title>/);
  });

  it('sanitizes the republished HTML', () => {
    const content = decodeHTML(xml);
    for (const bad of ['<script', 'alert(', 'onerror', 'onclick', '<iframe', 'javascript:', 'style=', 'tracker.example', 'utm_source']) {
      expect(content).not.toContain(bad);
    }
    expect(content).toContain('dir="rtl"');
  });

  it('resolves relative links against the feed URL', () => {
    expect(xml).toContain(`href="${feeds.url('/news/123.html')}"`);
  });

  it('files topics as categories', () => {
    expect(entryWith(xml, 'حملة تلقيح ضد الحصبة')).toContain('<category term="daraa" label="درعا"');
    expect(entryWith(xml, 'وفد حكومي في زيارة للاذقية')).toContain('term="latakia"');
    expect(entryWith(xml, 'تكريم حماة الديار')).not.toContain('<category');
  });

  it('is valid Atom by jing, the rules jing skips, and feedparser', () => {
    const file = join(dir, 'all.atom');
    writeFileSync(file, xml);
    if (haveShared && haveTool('jing')) expect(jing(atomSchema, file)).toBe('');
    if (haveTool('xmllint')) expect(atomRuleViolations(file)).toEqual([]);
    if (haveFeedparser()) expect(feedparserBozo(file)).toMatchObject({ bozo: 0, entries: 15 });
  });

  it('answers 304 to If-None-Match (one, a list, weak) and If-Modified-Since, with no body', async () => {
    for (const header of [etag, `"nope", ${etag}`, `W/${etag}`]) {
      const res = await get('/feeds/all.atom', { 'if-none-match': header });
      expect(res.status).toBe(304);
      expect(await res.text()).toBe('');
    }
    expect((await get('/feeds/all.atom', { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await get('/feeds/all.atom', { 'if-none-match': '"other"' })).status).toBe(200);
  });

});

describe('topic feeds and the rest of the site', () => {
  it('serves one topic: daraa holds the hospital story and the vaccination story', async () => {
    const res = await get('/feeds/topics/daraa.atom');
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(entries(xml)).toHaveLength(2);
    expect(xml).toContain('حملة تلقيح ضد الحصبة تستهدف 50 ألف طفل بدرعا');
    expect(xml).toContain('<id>tag:nahr,2026:feed/topic/daraa</id>');
    expect(xml).toContain('<link rel="self" type="application/atom+xml" href="http://nahr.test/feeds/topics/daraa.atom"/>');
    const file = join(dir, 'daraa.atom');
    writeFileSync(file, xml);
    if (haveShared && haveTool('jing')) expect(jing(atomSchema, file)).toBe('');
  });

  it('does not file "حماة الديار" under Hama', async () => {
    const xml = await (await get('/feeds/topics/hama.atom')).text();
    expect(entries(xml)).toHaveLength(1);
    expect(xml).toContain('افتتاح معرض للكتاب في حماة');
  });

  it('answers 404 for an unknown topic and for any path outside the feeds', async () => {
    for (const path of ['/feeds/topics/nope.atom', '/feeds/topics/daraa.xml', '/feeds/all/page/0.atom', '/feeds/all/page/99.atom', '/config/feeds.yaml', '/feeds/../config/feeds.yaml', '/feeds/topics/..%2F..%2Fconfig%2Ffeeds.yaml', '/data/nahr.json', '/src/cli.ts']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
    }
  });

  it('lists every source on /status.json with its state and last error', async () => {
    const res = await get('/status.json');
    expect(res.status).toBe(200);
    const status = (await res.json()) as { sources: Array<{ id: string; state: string; lastError?: string; storiesStored: number }> };
    expect(status.sources.map((s) => s.id)).toEqual(['sana', 'alwatan', 'enab', 'thawra', 'tishreen', 'down']);
    expect(status.sources.find((s) => s.id === 'down')).toMatchObject({ state: 'failing', lastError: 'server error (HTTP 500)' });
    expect(status.sources.find((s) => s.id === 'sana')).toMatchObject({ state: 'ok', storiesStored: 6 });
  });

  it('answers /health and serves a river page for people: stories, outlets, topics, autodiscovery', async () => {
    expect((await get('/health')).status).toBe(200);
    const html = await (await get('/')).text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    for (const [type, ext] of [['application/atom+xml', 'atom'], ['application/rss+xml', 'rss'], ['application/feed+json', 'json']]) {
      expect(html).toContain(`<link rel="alternate" type="${type}" title="نهر — كل الأخبار (`);
      expect(html).toContain(`href="http://nahr.test/feeds/all.${ext}">`);
    }
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="نهر — ما تتناقله المصادر" href="http://nahr.test/feeds/top.atom">');
    expect(html).not.toMatch(/<script|<link rel="stylesheet"|src="http/); // no JavaScript, no external assets
    expect(html.match(/<li class="story"/g)).toHaveLength(15);
    const folded = html.split('<li class="story"').find((li) => li.includes('تعزيز التعاون'))!;
    expect(folded).toContain('<span class="outlet">سانا</span>');
    expect(folded).toMatch(/أوردته أيضًا: <a href="[^"]+">الوطن<\/a>، <a href="[^"]+">الثورة<\/a>/);
    expect(html).toContain('<a href="/topics/daraa">درعا</a>');
    const topic = await (await get('/topics/daraa')).text();
    expect(topic.match(/<li class="story"/g)).toHaveLength(2);
    expect(topic).toContain('href="http://nahr.test/feeds/topics/daraa.atom"');
    expect((await get('/topics/nope')).status).toBe(404);
    if (!haveTool('chromium')) return;
    const artifacts = join(repoRoot, 'test', 'artifacts');
    mkdirSync(artifacts, { recursive: true });
    const shot = join(artifacts, 'river.png');
    rmSync(shot, { force: true });
    const flags = chromiumFlags();
    const dom = spawnSync('chromium', [...flags, '--dump-dom', `${serve.url}/`], { encoding: 'utf8', timeout: 60_000 });
    expect(dom.stdout.match(/<li class="story"/g)).toHaveLength(15);
    const taken = spawnSync('chromium', [...flags, '--window-size=412,1400', `--screenshot=${shot}`, `${serve.url}/`], { timeout: 60_000 });
    expect(taken.status).toBe(0);
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('a second poll', () => {
  it('gets 304s from servers that support conditional GET, and stops cleanly on SIGTERM', async () => {
    expect(await serve.stop()).toBe(0);
    const again = await runCli(['poll', '--config', join(dir, 'feeds.yaml'), '--data', join(dir, 'data')]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('sana: not modified');
    expect(again.stdout).toContain('thawra: not modified');
    const conditional = feeds.requests.filter((r) => r.path === '/sana.xml' && r.headers['if-none-match']);
    expect(conditional.length).toBeGreaterThan(0);
  });

  it('with --due polls nothing right after a poll', async () => {
    const due = await runCli(['poll', '--due', '--config', join(dir, 'feeds.yaml'), '--data', join(dir, 'data')]);
    expect(due.status).toBe(0);
    expect(due.stdout).toBe('no source is due\n');
  });

  it('keeps the same bytes and ETag across a poll that changed nothing and a restart', async () => {
    serve = await startServe(['--config', join(dir, 'feeds.yaml'), '--data', join(dir, 'data')]);
    const res = await get('/feeds/all.atom');
    expect(res.headers.get('etag')).toBe(firstFeed.etag);
    expect(await res.text()).toBe(firstFeed.xml);
    expect((await get('/feeds/all.atom', { 'if-none-match': firstFeed.etag })).status).toBe(304);
  });
});
