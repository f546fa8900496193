// `npm run corpus`: run the parse and normalize stages over every feed of the shared
// corpus (../shared/corpus: the Universal Feed Parser's and the W3C Feed Validator's test
// feeds, rss-parser's and feed-parser's) and count, per folder, what was read and why the
// rest was rejected. test/corpus.test.ts pins these counts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FeedError } from '../src/errors.js';
import { decodeFeed } from '../src/fetch/charset.js';
import { normalizeItem } from '../src/normalize/item.js';
import { createTitleKeyFolder } from '../src/normalize/title-key.js';
import { parseFeed } from '../src/parse/parse.js';

export interface FolderCounts {
  files: number;
  parsed: number;
  /** Rejections by FeedError code. */
  rejected: Record<string, number>;
  items: number;
  /** Files read without error that yielded no item although they hold <item> or <entry>. */
  emptyWithItems: string[];
  /** Entries dropped by normalize (no title, link or content). */
  skippedItems: number;
  /** Files their suite calls valid (feedparser wellformed/, W3C "Expect: !Error") that nahr rejects. */
  validRejected: string[];
  /** Anything other than a FeedError: must stay empty. */
  crashed: string[];
}

export const defaultCorpus = resolve(fileURLToPath(import.meta.url), '..', '..', '..', 'shared', 'corpus');

function listFeeds(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFeeds(p));
    else if (/\.(xml|rss|atom|rdf)$/i.test(name)) out.push(p);
  }
  return out;
}

/** Which folder a file counts under: the suite and its first level ("feedparser/wellformed"). */
function folderOf(rel: string): string {
  const parts = rel.split('/');
  if (parts[0] === 'others') return parts.slice(0, 2).join('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Does the file's own suite say it is a valid feed? AtomPub service and category
 * documents (RFC 5023: <service>, <app:categories>) are valid, but they are not feeds. */
function suiteSaysValid(rel: string, text: string): boolean {
  if (rel.startsWith('feedparser/wellformed/')) return true;
  if (/^(?:\s|<\?[^>]*\?>|<!--[\s\S]*?-->)*<(?:[\w-]+:)?(?:service|categories)[\s>]/.test(text)) return false;
  if (rel.startsWith('feedvalidator/')) return /<!--\s*Description:[\s\S]*?Expect:\s*!Error\s*-->/.test(text.slice(0, 4000));
  return false;
}

export async function runCorpus(root = defaultCorpus): Promise<Map<string, FolderCounts>> {
  const counts = new Map<string, FolderCounts>();
  const titleKey = createTitleKeyFolder([]);
  for (const file of listFeeds(root)) {
    const rel = relative(root, file).split('\\').join('/');
    const folder = folderOf(rel);
    let c = counts.get(folder);
    if (!c) counts.set(folder, (c = { files: 0, parsed: 0, rejected: {}, items: 0, emptyWithItems: [], skippedItems: 0, validRejected: [], crashed: [] }));
    c.files++;
    const bytes = readFileSync(file);
    try {
      const { text } = decodeFeed(bytes);
      const feed = await parseFeed(text);
      for (const raw of feed.items) {
        const n = normalizeItem(raw, { sourceId: 'corpus', feedUrl: 'https://example.org/feed', now: Date.now(), titleKey });
        if (n.ok) c.items++;
        else c.skippedItems++;
      }
      if (feed.items.length === 0 && /<(?:[\w-]+:)?(?:item|entry)[\s>]/i.test(text)) c.emptyWithItems.push(rel);
      c.parsed++;
    } catch (err) {
      if (err instanceof FeedError) {
        c.rejected[err.code] = (c.rejected[err.code] ?? 0) + 1;
        if (suiteSaysValid(rel, bytes.toString('latin1'))) c.validRejected.push(`${rel}: ${err.message}`);
      } else c.crashed.push(`${rel}: ${String(err)}`);
    }
  }
  return counts;
}

function table(counts: Map<string, FolderCounts>): string {
  const rows = [['folder', 'files', 'parsed', 'rejected (by reason)', 'items', 'entries skipped', 'valid but rejected']];
  const total: FolderCounts = { files: 0, parsed: 0, rejected: {}, items: 0, emptyWithItems: [], skippedItems: 0, validRejected: [], crashed: [] };
  for (const [folder, c] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    const reasons = Object.entries(c.rejected).sort().map(([k, v]) => `${k} ${v}`).join(', ') || '—';
    rows.push([folder, String(c.files), String(c.parsed), reasons, String(c.items), String(c.skippedItems), String(c.validRejected.length)]);
    total.files += c.files;
    total.skippedItems += c.skippedItems;
    total.parsed += c.parsed;
    total.items += c.items;
    total.validRejected.push(...c.validRejected);
    for (const [k, v] of Object.entries(c.rejected)) total.rejected[k] = (total.rejected[k] ?? 0) + v;
  }
  const reasons = Object.entries(total.rejected).sort().map(([k, v]) => `${k} ${v}`).join(', ');
  rows.push(['**all**', String(total.files), String(total.parsed), reasons, String(total.items), String(total.skippedItems), String(total.validRejected.length)]);
  return rows.map((r, i) => `| ${r.join(' | ')} |${i === 0 ? `\n|${r.map(() => '---').join('|')}|` : ''}`).join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? defaultCorpus;
  if (!existsSync(root)) {
    console.error(`corpus not found at ${root} (expected ../shared/corpus beside the checkout)`);
    process.exit(1);
  }
  const started = Date.now();
  const counts = await runCorpus(root);
  console.log(table(counts));
  const valid = [...counts.values()].flatMap((c) => c.validRejected);
  const crashed = [...counts.values()].flatMap((c) => c.crashed);
  const empty = [...counts.values()].flatMap((c) => c.emptyWithItems);
  if (empty.length > 0) console.log(`\nread, but no item although the text has <item>/<entry>:\n${empty.map((v) => `  ${v}`).join('\n')}`);
  if (valid.length > 0) console.log(`\nvalid feeds rejected:\n${valid.map((v) => `  ${v}`).join('\n')}`);
  if (crashed.length > 0) console.log(`\nUNHANDLED:\n${crashed.map((v) => `  ${v}`).join('\n')}`);
  console.log(`\n${[...counts.values()].reduce((n, c) => n + c.files, 0)} files in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exitCode = crashed.length > 0 ? 1 : 0;
}
