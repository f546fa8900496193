// The static export: every feed (all formats, topics, sources, archive pages), the river
// pages and the OPML written as files any static server or CDN can carry. Each file is
// written beside its place and renamed over it, so a reader of the folder never sees a
// half-written file; files of pages that no longer exist are removed last. A file whose
// bytes did not change since this process last wrote it is left alone, so keeping a
// folder current after every poll (serve --static-out) costs little.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Config } from '../config/schema.js';
import { FORMATS } from './document.js';
import { pagePath, type Publisher, type Rendered } from './feeds.js';
import { renderOpml } from './opml.js';
import { RIVER_LENGTH, renderIndexPage } from './river-page.js';

async function atomicWrite(file: string, data: Buffer | string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(tmp, data);
  await rename(tmp, file);
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(p)));
    else out.push(p);
  }
  return out;
}

/** What this process last wrote to each file (by content hash), per output folder. */
const lastWritten = new Map<string, Map<string, string>>();

export interface ExportResult {
  /** Files the site consists of (with their .gz and .br twins). */
  files: number;
  /** Of those, written this time (the rest were unchanged). */
  written: number;
  removed: number;
}

export async function exportStatic(publisher: Publisher, config: Config, dir: string): Promise<ExportResult> {
  const root = resolve(dir);
  let memo = lastWritten.get(root);
  if (!memo) lastWritten.set(root, (memo = new Map()));
  const site = new Set<string>();
  let written = 0;

  // The file and its precompressed twins (nginx gzip_static / brotli_static); a render's
  // compressed bodies are made once and kept with it, as for HTTP.
  const put = async (path: string, rendered: Pick<Rendered, 'body' | 'etag' | 'encoded'>) => {
    const file = join(root, path);
    const twins: Array<[string, () => Buffer]> = [
      [`${file}.gz`, () => rendered.encoded.get('gzip') ?? rendered.encoded.set('gzip', gzipSync(rendered.body, { level: 9 })).get('gzip')!],
      [`${file}.br`, () => rendered.encoded.get('br') ?? rendered.encoded.set('br', brotliCompressSync(rendered.body)).get('br')!],
      [file, () => rendered.body],
    ];
    for (const [f, bytes] of twins) {
      site.add(f);
      if (memo.get(f) === rendered.etag) continue;
      await atomicWrite(f, bytes());
      memo.set(f, rendered.etag);
      written++;
    }
  };
  const page = (html: string) => {
    const body = Buffer.from(html);
    return { body, etag: createHash('sha256').update(body).digest('base64'), encoded: new Map<string, Buffer>() };
  };

  for (const { key, page: n } of await publisher.pages()) {
    for (const format of FORMATS) {
      const rendered = await publisher.render(key, format, {}, n);
      if (rendered) await put(pagePath(key, format, n), rendered);
    }
  }
  const links = { opml: '/opml.xml' }; // a static site has no /status
  const river = async (topicId?: string) =>
    page(renderIndexPage({ config, stories: await publisher.latest(topicId ? { kind: 'topic', id: topicId } : { kind: 'all' }, RIVER_LENGTH), topicId, links }));
  await put('index.html', await river());
  for (const t of config.topics) await put(join('topics', t.id, 'index.html'), await river(t.id));
  await put('opml.xml', page(renderOpml(config)));

  let removed = 0;
  for (const file of [...(await listFiles(join(root, 'feeds'))), ...(await listFiles(join(root, 'topics')))]) {
    if (!site.has(file) && !relative(root, file).split('/').some((p) => p.startsWith('.'))) {
      await rm(file, { force: true });
      memo.delete(file);
      removed++;
    }
  }
  return { files: site.size, written, removed };
}
