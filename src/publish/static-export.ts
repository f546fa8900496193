// The static export: every feed (all formats, topics, sources, archive pages), the index
// page and the OPML written as files any static server or CDN can carry. Each file is
// written beside its place and renamed over it, so a reader of the folder never sees a
// half-written file; files of pages that no longer exist are removed last.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Config } from '../config/schema.js';
import { RIVER_LENGTH, renderIndexPage } from './river-page.js';
import { FORMATS } from './document.js';
import type { Story } from '../model.js';
import { feedStories, pagePath, type FeedKey, type Publisher } from './feeds.js';
import { renderOpml } from './opml.js';

async function atomicWrite(file: string, data: Buffer | string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(tmp, data);
  await rename(tmp, file);
}

/** The file and its precompressed twins (nginx gzip_static / brotli_static). */
async function writeWithTwins(file: string, data: Buffer): Promise<string[]> {
  await atomicWrite(`${file}.gz`, gzipSync(data, { level: 9 }));
  await atomicWrite(`${file}.br`, brotliCompressSync(data));
  await atomicWrite(file, data);
  return [file, `${file}.gz`, `${file}.br`];
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

export interface ExportResult {
  files: number;
  removed: number;
}

/**
 * Write the site into `dir`. With `only`, just those feeds' pages (after a poll that
 * changed them) and the index; without, everything, and stale feed files are removed.
 */
export async function exportStatic(
  publisher: Publisher,
  config: Config,
  dir: string,
  stories: readonly Story[],
  only?: readonly FeedKey[],
): Promise<ExportResult> {
  const same = (a: FeedKey, b: FeedKey) => a.kind === b.kind && ('id' in a ? a.id : '') === ('id' in b ? b.id : '');
  const pages = publisher.pages().filter((p) => !only || only.some((k) => same(k, p.key)));
  const written = new Set<string>();
  for (const { key, page } of pages) {
    for (const format of FORMATS) {
      const rendered = publisher.render(key, format, {}, page);
      if (!rendered) continue;
      for (const f of await writeWithTwins(join(dir, pagePath(key, format, page)), rendered.body)) written.add(f);
    }
  }
  const river = (topicId?: string) =>
    Buffer.from(renderIndexPage({ config, stories: feedStories(stories, topicId ? { kind: 'topic', id: topicId } : { kind: 'all' }).slice(0, RIVER_LENGTH), topicId }));
  for (const f of await writeWithTwins(join(dir, 'index.html'), river())) written.add(f);
  for (const t of config.topics) for (const f of await writeWithTwins(join(dir, 'topics', t.id, 'index.html'), river(t.id))) written.add(f);
  for (const f of await writeWithTwins(join(dir, 'opml.xml'), Buffer.from(renderOpml(config)))) written.add(f);
  let removed = 0;
  if (!only) {
    for (const file of await listFiles(join(dir, 'feeds'))) {
      if (!written.has(file) && !relative(dir, file).split('/').some((p) => p.startsWith('.'))) {
        await rm(file, { force: true });
        removed++;
      }
    }
  }
  return { files: written.size, removed };
}
