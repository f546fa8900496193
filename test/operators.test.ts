// What an operator meets, against a running `nahr serve`: live reload (a valid and an
// invalid edit), the status page in headless Chromium, /metrics, and a graceful stop
// while a poll is in flight.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type Served } from './helpers/cli.js';
import { fileRoute, startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';
import { chromiumFlags } from './helpers/chromium.js';
import { repoRoot } from './helpers/paths.js';
import { haveTool } from './helpers/tools.js';
import { readStored, storeYaml } from './helpers/stores.js';

let feeds: FixtureServer;
let serve: Served;
let dir: string;
let configFile: string;

let fixedPath = '/gone.xml';
/** One store for the live-edited config, whichever kind the suite runs on. */
const STORE = storeYaml();
const configText = (extraSources: string, extraTopics: string) => `# operators test
publicUrl: "http://nahr.test"
retention: { days: 36500 }
sources:
  - { id: sana, name: "سانا", url: "${feeds.url('/sana.xml')}" }
  - { id: down, name: "معطل", url: "${feeds.url('/down.xml')}" }
  - { id: fixed, name: "مصحح", url: "${feeds.url(fixedPath)}" }
${extraSources}
topics:
  - { id: daraa, title: "درعا", keywords: ["درعا"] }
${extraTopics}
${STORE}`;

const get = (path: string) => fetch(serve.url + path);
async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
type StatusJson = { sources: Array<{ id: string; state: string; lastError?: string }> };
const status = async () => (await (await get('/status.json')).json()) as StatusJson;

beforeAll(async () => {
  feeds = await startFixtureServer({
    '/sana.xml': fileRoute('sana-rss2.xml', 'application/rss+xml; charset=utf-8'),
    '/alwatan.atom': fileRoute('alwatan-atom.xml', 'application/atom+xml'),
    '/down.xml': (_q, res) => res.writeHead(500).end('boom'),
    '/gone.xml': (_q, res) => res.writeHead(404).end(),
    '/tishreen.xml': fileRoute('iso-8859-6.xml', 'application/xml'),
  });
  dir = mkdtempSync(join(tmpdir(), 'nahr-ops-'));
  configFile = join(dir, 'feeds.yaml');
  writeFileSync(configFile, configText('', ''));
  serve = await startServe(['--config', configFile, '--data', join(dir, 'data')]);
  await until('the first poll', async () => ((await status()).sources.find((s) => s.id === 'sana')?.state === 'ok' ? true : undefined));
}, 60_000);

afterAll(async () => {
  await serve?.stop();
  await feeds?.close();
});

describe('live reload', () => {
  it('applies a valid edit without a restart: a new source is polled, a new topic served', async () => {
    expect((await get('/feeds/topics/idlib.atom')).status).toBe(404);
    expect((await status()).sources.find((s) => s.id === 'fixed')?.state).toBe('failing');
    fixedPath = '/tishreen.xml'; // the operator fixes a failing source's URL…
    writeFileSync(
      configFile,
      configText(
        `  - { id: alwatan, name: "الوطن", url: "${feeds.url('/alwatan.atom')}" }`,
        `  - { id: idlib, title: "إدلب", keywords: ["إدلب"] }
  - { id: economy, title: "اقتصاد", keywords: ["سعر الصرف"] }`,
      ),
    );
    const xml = await until('the idlib topic with alwatan\'s story', async () => {
      const res = await get('/feeds/topics/idlib.atom');
      const body = res.status === 200 ? await res.text() : '';
      return body.includes('مقتل 5 مدنيين') ? body : undefined;
    });
    expect(xml).toContain('<id>tag:nahr,2026:feed/topic/idlib</id>');
    // …and it is polled at once, not after the old URL's backoff.
    await until('the fixed source to be polled', async () => ((await status()).sources.find((s) => s.id === 'fixed')?.state === 'ok' ? true : undefined));
    // A story stored before the edit is filed under the new topic.
    expect(await (await get('/feeds/topics/economy.atom')).text()).toContain('ارتفاع سعر الصرف إلى 13500 ليرة');
    expect((await status()).sources.map((s) => s.id)).toEqual(['sana', 'down', 'fixed', 'alwatan']);
  });

  it('keeps the last good config on an invalid edit, and logs every problem with its line', async () => {
    const before = serve.stderr().length;
    writeFileSync(configFile, configText(`  - { id: broken, name: "x", url: "not a url" }`, `  - { id: idlib, title: "إدلب", keywords: ["إدلب"] }`));
    const broken = 8; // the line of "broken" in the edited file
    const log = await until('the rejection in the log', async () => {
      const text = serve.stderr().slice(before);
      return text.includes('config edit rejected') ? text : undefined;
    });
    expect(log).toContain(`line ${broken}: sources[3].url: not a URL`);
    expect((await get('/feeds/topics/idlib.atom')).status).toBe(200);
    expect((await status()).sources.map((s) => s.id)).toEqual(['sana', 'down', 'fixed', 'alwatan']);
    expect(serve.child.exitCode).toBeNull();
  });
});

describe('the status page', () => {
  it('lists the failing source with its error, rendered in headless Chromium', async () => {
    const html = await (await get('/status')).text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).not.toMatch(/<(script|link)[\s>]/); // no external assets
    if (!haveTool('chromium')) return;
    const artifacts = join(repoRoot, 'test', 'artifacts');
    mkdirSync(artifacts, { recursive: true });
    const flags = chromiumFlags();
    const dom = spawnSync('chromium', [...flags, '--dump-dom', `${serve.url}/status`], { encoding: 'utf8', timeout: 60_000 });
    expect(dom.stdout).toMatch(/<tr data-source-id="down" data-state="failing">[\s\S]*?server error \(HTTP 500\)[\s\S]*?<\/tr>/);
    expect(dom.stdout).toMatch(/<tr data-source-id="sana" data-state="ok">/);
    const shot = join(artifacts, 'status.png');
    rmSync(shot, { force: true });
    const taken = spawnSync('chromium', [...flags, '--window-size=420,1000', `--screenshot=${shot}`, `${serve.url}/status`], { timeout: 60_000 });
    expect(taken.status).toBe(0);
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(5000);
  });
});

describe('/metrics', () => {
  it('is Prometheus text with polls, failures by reason, ingestion, fetch durations, renders, requests', async () => {
    await get('/feeds/all.atom');
    const res = await get('/metrics');
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    const samples = new Map<string, number>();
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const m = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
      expect(m, line).not.toBeNull();
      samples.set(m![1]!, Number(m![2]));
    }
    expect(samples.get('nahr_polls_total{outcome="ok"}')).toBeGreaterThanOrEqual(2);
    expect(samples.get('nahr_poll_failures_total{reason="http"}')).toBeGreaterThanOrEqual(1);
    expect(samples.get('nahr_items_ingested_total')).toBeGreaterThanOrEqual(6);
    expect(samples.get('nahr_fetch_duration_seconds_count')).toBeGreaterThanOrEqual(3);
    expect(samples.get('nahr_fetch_duration_seconds_bucket{le="+Inf"}')).toBe(samples.get('nahr_fetch_duration_seconds_count'));
    expect(samples.get('nahr_fetched_bytes_total')).toBeGreaterThan(1000);
    expect(samples.get('nahr_feed_renders_total{feed="atom:all"}')).toBeGreaterThanOrEqual(1);
    expect(samples.get('nahr_http_requests_total{route="/status.json",status="200"}')).toBeGreaterThanOrEqual(1);
  });
});

describe('graceful shutdown', () => {
  it('on SIGINT finishes the fetch in flight, starts no other, writes the store, exits 0', async () => {
    const slow = await startFixtureServer();
    const hits: string[] = [];
    let arrived!: () => void;
    const requested = new Promise<void>((r) => (arrived = r));
    for (const n of [1, 2, 3, 4]) {
      slow.route(`/slow${n}.xml`, (_q, res) => {
        hits.push(`/slow${n}.xml`);
        arrived();
        setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<rss version="2.0"><channel><title>t</title><item><guid>g${n}</guid><title>خبر رقم ${n}</title></item></channel></rss>`), 1000);
      });
    }
    const d = mkdtempSync(join(tmpdir(), 'nahr-int-'));
    const sources = [1, 2, 3, 4].map((n) => `  - { id: s${n}, name: "s${n}", url: "${slow.url(`/slow${n}.xml`)}" }`).join('\n');
    writeFileSync(join(d, 'feeds.yaml'), `fetch: { concurrency: 1 }\nsources:\n${sources}\n${storeYaml()}`);
    const s = await startServe(['--config', join(d, 'feeds.yaml'), '--data', join(d, 'data')]);
    await requested;
    const exited = new Promise<number | null>((r) => s.child.once('exit', r));
    s.child.kill('SIGINT');
    expect(await exited).toBe(0);
    await slow.close();
    expect(hits).toHaveLength(1);
    const stored = await readStored(join(d, 'feeds.yaml'), join(d, 'data'));
    expect(stored.stories).toHaveLength(1);
    expect(Object.keys(stored.sources)).toHaveLength(1);
  }, 30_000);

  it('on SIGTERM lets the in-flight poll finish, writes the store, exits 0', async () => {
    const slow = await startFixtureServer();
    let arrived!: () => void;
    const requested = new Promise<void>((r) => (arrived = r));
    slow.route('/slow.xml', (_q, res) => {
      arrived();
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(readFileSync(join(repoRoot, 'test', 'fixtures', 'feeds', 'sana-rss2.xml'))), 1500);
    });
    const d = mkdtempSync(join(tmpdir(), 'nahr-stop-'));
    writeFileSync(join(d, 'feeds.yaml'), `sources:\n  - { id: slow, name: "بطيء", url: "${slow.url('/slow.xml')}" }\nretention: { days: 36500 }\n${storeYaml()}`);
    const s = await startServe(['--config', join(d, 'feeds.yaml'), '--data', join(d, 'data')]);
    await requested;
    const code = await s.stop(); // SIGTERM while the response is 1.5 s away
    await slow.close();
    expect(code).toBe(0);
    const stored = await readStored(join(d, 'feeds.yaml'), join(d, 'data'));
    expect(stored.stories).toHaveLength(6);
    expect(stored.sources.slow?.lastStatus).toBe(200);
  }, 30_000);
});
