// OPML → new sources, written into the operator's YAML without losing its comments or
// order: the new entries are inserted as text, never by re-serializing the file.
import { isSeq, LineCounter, parseDocument } from 'yaml';
import { parseStringPromise } from 'xml2js';
import { httpUrlProblem } from './schema.js';
import { parseConfig } from './load.js';

export interface OpmlFeed {
  title: string;
  url: string;
}

type Outline = { $?: Record<string, string>; outline?: Outline[] };

/** Every feed outline, at any depth (readers nest them in folders). "link" and "include"
 * outlines point at a web page or another OPML, not a feed, and are left out. */
export async function readOpml(text: string, file = 'OPML'): Promise<OpmlFeed[]> {
  let doc: { opml?: { body?: Array<{ outline?: Outline[] } | string> } };
  try {
    doc = (await parseStringPromise(text, { strict: true })) as typeof doc;
  } catch (err) {
    const msg = String((err as Error).message);
    const line = /Line: (\d+)/.exec(msg)?.[1];
    throw new Error(`${file}: not well-formed XML${line ? ` (line ${Number(line) + 1})` : ''}: ${msg.split('\n')[0]}`);
  }
  if (!doc?.opml) throw new Error(`${file}: not an OPML document (no <opml> root)`);
  const body = doc.opml.body?.[0];
  const out: OpmlFeed[] = [];
  const walk = (outlines: Outline[] | undefined) => {
    for (const o of outlines ?? []) {
      const a = o.$ ?? {};
      const type = (a.type ?? '').toLowerCase();
      const url = (a.xmlUrl ?? a.xmlurl ?? (type === 'rss' ? a.url : undefined))?.trim();
      if (url && type !== 'link' && type !== 'include') out.push({ title: (a.title ?? a.text ?? '').replace(/\s+/g, ' ').trim(), url });
      walk(o.outline);
    }
  };
  if (body && typeof body === 'object') walk(body.outline);
  return out;
}

// A plain transliteration, good enough for an id an operator can read and keep.
const LATIN: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z',
  س: 's', ش: 'sh', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: 'a', غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n',
  ه: 'h', و: 'w', ي: 'y', ى: 'a', ة: 'a', ء: '', ؤ: 'w', ئ: 'y', پ: 'p', چ: 'ch', ژ: 'zh', گ: 'g', ک: 'k', ی: 'y',
};

/** An id ([a-z0-9-]+) from a title, else from the feed's host. */
export function deriveId(title: string, url: string): string {
  const slug = (s: string) =>
    [...s.normalize('NFKD').replace(/[\u064B-\u065F\u0670\u0300-\u036F]/g, '').toLowerCase()]
      .map((c) => LATIN[c] ?? c)
      .join('')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '');
  const fromTitle = slug(title);
  if (fromTitle) return fromTitle;
  let host = '';
  try {
    host = new URL(url).hostname.replace(/^(www|feeds?|rss)\./, '');
  } catch {
    // keep empty
  }
  return slug(host) || 'source';
}

/** Same feed: scheme and host compared without case, path and query exactly. */
function sameUrl(a: string, b: string): boolean {
  const norm = (u: string) => {
    try {
      const x = new URL(u);
      return `${x.protocol}//${x.host}${x.pathname.replace(/\/+$/, '')}${x.search}`;
    } catch {
      return u;
    }
  };
  return norm(a) === norm(b);
}

export interface ImportResult {
  text: string;
  added: Array<{ id: string; name: string; url: string }>;
  skipped: Array<{ url: string; reason: string }>;
}

/** Where the new list items go: the span of text they replace (empty for an insertion),
 * the text before them on that span, and their indent. */
interface Placement {
  start: number;
  end: number;
  head: string;
  pad: string;
  /** A line break after the entries (not when they end the replaced `sources:` line). */
  tail: boolean;
}

function placement(text: string, nl: string): Placement {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const seq = doc.get('sources', true);
  if (isSeq(seq) && !seq.flow && seq.items.length > 0) {
    const firstItem = (seq.items[0] as { range: [number, number, number] }).range[0];
    const lineStart = text.lastIndexOf('\n', firstItem - 1) + 1;
    const dash = Math.max(0, text.slice(lineStart, firstItem).indexOf('-'));
    const last = seq.items[seq.items.length - 1] as { range: [number, number, number] };
    let at = text.indexOf('\n', last.range[1] - 1);
    at = at < 0 ? text.length : at + 1;
    // Comment lines indented under the last source belong to it (a commented-out field):
    // the new entries go after them, but before a section comment at the list's level.
    for (;;) {
      const end = text.indexOf('\n', at);
      const line = text.slice(at, end < 0 ? text.length : end).replace(/\r$/, '');
      const indent = line.length - line.trimStart().length;
      if (end < 0 || !line.trimStart().startsWith('#') || indent <= dash) break;
      at = end + 1;
    }
    return { start: at, end: at, head: at > 0 && !text.slice(0, at).endsWith('\n') ? nl : '', pad: ' '.repeat(dash), tail: true };
  }
  // `sources: []`, `sources:` with nothing, or no key at all: write the block list there.
  const keyLine = /^sources:[ \t]*(\[\s*\])?[ \t]*(#.*)?$/m.exec(text);
  if (keyLine) {
    const comment = keyLine[2] ? ` ${keyLine[2]}` : '';
    return { start: keyLine.index, end: keyLine.index + keyLine[0].length, head: `sources:${comment}${nl}`, pad: '  ', tail: false };
  }
  return { start: text.length, end: text.length, head: `${text.endsWith('\n') || text === '' ? '' : nl}sources:${nl}`, pad: '  ', tail: true };
}

/**
 * The config text with the OPML's new feeds added to `sources:`, as text, indented like
 * the other entries and in the file's own line endings, so every other byte of the
 * operator's file stays as it was. Outlines that cannot be sources are skipped with a
 * reason. Throws on a topic the config does not have.
 */
export function addSources(configText: string, feeds: OpmlFeed[], topic?: string, file = 'config'): ImportResult {
  const config = parseConfig(configText, file);
  if (topic && !config.topics.some((t) => t.id === topic)) throw new Error(`unknown topic "${topic}" (not listed under topics: in ${file})`);
  const ids = new Set(config.sources.map((s) => s.id));
  const known = config.sources.map((s) => s.url);
  const added: ImportResult['added'] = [];
  const skipped: ImportResult['skipped'] = [];
  for (const feed of feeds) {
    const problem = httpUrlProblem(feed.url);
    if (problem) {
      skipped.push({ url: feed.url, reason: problem });
      continue;
    }
    if (known.some((u) => sameUrl(u, feed.url))) {
      const inOpml = added.some((a) => sameUrl(a.url, feed.url));
      skipped.push({ url: feed.url, reason: inOpml ? 'listed twice in the OPML' : 'already a source' });
      continue;
    }
    const base = deriveId(feed.title, feed.url);
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    known.push(feed.url);
    added.push({ id, name: feed.title || new URL(feed.url).hostname, url: feed.url });
  }
  if (added.length === 0) return { text: configText, added, skipped };

  const nl = configText.includes('\r\n') ? '\r\n' : '\n';
  const { start, end, head, pad, tail } = placement(configText, nl);
  const entries = added
    .map((a) =>
      [`${pad}- id: ${a.id}`, `${pad}  name: ${JSON.stringify(a.name)}`, `${pad}  url: ${JSON.stringify(a.url)}`, ...(topic ? [`${pad}  topics: [${topic}]`] : [])].join(nl),
    )
    .join(nl);
  const text = `${configText.slice(0, start)}${head}${entries}${tail ? nl : ''}${configText.slice(end)}`;
  parseConfig(text, file); // never write a config that does not load
  return { text, added, skipped };
}
