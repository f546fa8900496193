// Serving: requests per second and p99 latency for /feeds/all.atom (100 entries) from
// `nahr serve`, against the floor of nginx serving the same bytes as a static file; both
// servers on core 0, wrk on core 1 (taskset), both measured the same way, for 200s and
// for 304s. Needs Debian's nginx and wrk (apt-get install nginx-light wrk). Part of
// `npm run bench`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configSchema } from '../src/config/schema.js';
import type { Story } from '../src/model.js';
import { openLowdbStore } from '../src/store/lowdb-store.js';
import { emptyData } from '../src/store/store.js';
import { topicRulesFingerprint } from '../src/classify/topics.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const have = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

const ROUNDS = 3;

export interface ServeRow { server: string; status: 200 | 304; rps: number; p99ms: number }

function wrk(url: string, headers: string[] = []): { rps: number; p99ms: number } {
  const args = ['-c', '1', 'wrk', '-t1', '-c32', '-d8s', '--latency', ...headers.flatMap((h) => ['-H', h]), url];
  const out = spawnSync('taskset', args, { encoding: 'utf8' }).stdout;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(out);
  const p99ms = p99 ? Number(p99[1]) * (p99[2] === 'us' ? 0.001 : p99[2] === 's' ? 1000 : 1) : NaN;
  return { rps, p99ms };
}

async function waitFor(url: string, ms = 20_000): Promise<Response> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await fetch(url);
    } catch {
      if (Date.now() > end) throw new Error(`not up: ${url}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export async function benchServe(): Promise<ServeRow[] | string> {
  if (!have('nginx') || !have('wrk') || !have('taskset')) return 'not measured: needs nginx, wrk and taskset (apt-get install nginx-light wrk)';
  const dir = mkdtempSync(join(tmpdir(), 'nahr-serve-bench-'));
  const config = configSchema.parse({
    feed: { maxEntries: 100 },
    retention: { days: 36500 },
    sources: ['s1', 's2', 's3', 's4'].map((id) => ({ id, name: id, url: 'http://127.0.0.1:9/feed.xml' })),
  });
  writeFileSync(join(dir, 'feeds.yaml'), `feed: { maxEntries: 100 }\nretention: { days: 36500 }\nsources:\n${config.sources.map((s) => `  - { id: ${s.id}, name: ${s.name}, url: "${s.url}" }`).join('\n')}\n`);
  const base = Date.UTC(2026, 10, 29, 12);
  const stories: Story[] = Array.from({ length: 150 }, (_, i) => {
    const at = new Date(base - i * 600_000).toISOString();
    return {
      id: `st${i}`, titleKey: `k${i}`, published: at, updated: at, topics: [],
      reporters: (i % 3 === 0 ? ['s1', 's2', 's3'] : ['s4']).map((sourceId) => ({
        sourceId, guid: `${sourceId}-${i}`, title: `افتتاح مشفى جديد في مدينة درعا رقم ${i}`, link: `https://${sourceId}.example/${i}`,
        html: `<p dir="rtl">افتتح وزير الصحة اليوم مشفى جديداً في مدينة درعا بطاقة ${i} سريراً، ويضم أقساماً للإسعاف.</p>`, categories: [], author: undefined, seenAt: at,
      })),
    };
  });
  const store = await openLowdbStore(join(dir, 'data'));
  await store.write({ ...emptyData(), stories, topicRules: topicRulesFingerprint(config) });
  await store.close();

  const nahrPort = 18_000 + Math.floor(Math.random() * 1000);
  const nginxPort = nahrPort + 1000;
  const children: ChildProcess[] = [];
  try {
    children.push(spawn('taskset', ['-c', '0', process.execPath, '--import', 'tsx', join(root, 'src/cli.ts'), 'serve', '--config', join(dir, 'feeds.yaml'), '--data', join(dir, 'data'), '--port', String(nahrPort), '--host', '127.0.0.1'], { cwd: root, stdio: 'ignore', env: { ...process.env, LOG_LEVEL: 'error' } }));
    const nahrUrl = `http://127.0.0.1:${nahrPort}/feeds/all.atom`;
    const first = await waitFor(nahrUrl);
    const body = Buffer.from(await first.arrayBuffer());
    const nahrEtag = first.headers.get('etag')!;
    writeFileSync(join(dir, 'all.atom'), body);
    writeFileSync(
      join(dir, 'nginx.conf'),
      `worker_processes 1; daemon off; pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'nginx.err')};
events { worker_connections 1024; }
http { access_log off; types { application/atom+xml atom; } etag on; sendfile on;
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  server { listen 127.0.0.1:${nginxPort}; root ${dir}; } }`,
    );
    children.push(spawn('taskset', ['-c', '0', 'nginx', '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' }));
    const nginxUrl = `http://127.0.0.1:${nginxPort}/all.atom`;
    const ng = await waitFor(nginxUrl);
    const nginxEtag = ng.headers.get('etag')!;
    await ng.arrayBuffer();
    // Three rounds, the four runs interleaved in each, and the median of each run kept:
    // on a shared machine one 8 s run can land in another tenant's burst.
    const runs: Array<{ server: string; status: 200 | 304; url: string; headers: string[] }> = [
      { server: 'nahr', status: 200, url: nahrUrl, headers: [] },
      { server: 'nginx', status: 200, url: nginxUrl, headers: [] },
      { server: 'nahr', status: 304, url: nahrUrl, headers: [`If-None-Match: ${nahrEtag}`] },
      { server: 'nginx', status: 304, url: nginxUrl, headers: [`If-None-Match: ${nginxEtag}`] },
    ];
    const samples = runs.map(() => [] as Array<{ rps: number; p99ms: number }>);
    for (let round = 0; round < ROUNDS; round++) runs.forEach((r, i) => samples[i]!.push(wrk(r.url, r.headers)));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return runs.map((r, i) => ({ server: r.server, status: r.status, rps: median(samples[i]!.map((x) => x.rps)), p99ms: median(samples[i]!.map((x) => x.p99ms)) }));
  } finally {
    for (const c of children) c.kill('SIGTERM');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchServe());
