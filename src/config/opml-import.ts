// OPML → new sources, written into the operator's YAML without losing its comments or
// order (yaml's Document API edits the parsed tree, not a re-dump of the data).
import { isSeq, parseDocument } from 'yaml';
import { parseStringPromise } from 'xml2js';
import { parseConfig } from './load.js';

export interface OpmlFeed {
  title: string;
  url: string;
}

type Outline = { $?: Record<string, string>; outline?: Outline[] };

/** Every outline with an xmlUrl, at any depth (readers nest them in folders). */
export async function readOpml(text: string): Promise<OpmlFeed[]> {
  const doc = (await parseStringPromise(text, { strict: true })) as { opml?: { body?: Array<{ outline?: Outline[] }> } };
  const body = doc.opml?.body?.[0];
  if (!body) throw new Error('not an OPML document (no <opml><body>)');
  const out: OpmlFeed[] = [];
  const walk = (outlines: Outline[] | undefined) => {
    for (const o of outlines ?? []) {
      const a = o.$ ?? {};
      const url = a.xmlUrl ?? a.xmlurl ?? a.url;
      if (url && /^https?:\/\//i.test(url.trim())) out.push({ title: (a.title ?? a.text ?? '').trim(), url: url.trim() });
      walk(o.outline);
    }
  };
  walk(body.outline);
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

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();

export interface ImportResult {
  text: string;
  added: Array<{ id: string; name: string; url: string }>;
  skipped: Array<{ url: string; reason: string }>;
}

/**
 * The config text with the OPML's new feeds appended to `sources:`. The new entries are
 * inserted as text after the last source, indented like the others, so every other byte
 * of the operator's file (comments, alignment, order) stays as it was. Throws on a topic
 * the config does not have.
 */
export function addSources(configText: string, feeds: OpmlFeed[], topic?: string, file = 'config'): ImportResult {
  const config = parseConfig(configText, file);
  if (topic && !config.topics.some((t) => t.id === topic)) throw new Error(`unknown topic "${topic}" (not listed under topics: in ${file})`);
  const ids = new Set(config.sources.map((s) => s.id));
  const urls = config.sources.map((s) => s.url);
  const added: ImportResult['added'] = [];
  const skipped: ImportResult['skipped'] = [];
  for (const feed of feeds) {
    if (urls.some((u) => sameUrl(u, feed.url))) {
      skipped.push({ url: feed.url, reason: 'already a source' });
      continue;
    }
    const base = deriveId(feed.title, feed.url);
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    urls.push(feed.url);
    added.push({ id, name: feed.title || new URL(feed.url).hostname, url: feed.url });
  }
  if (added.length === 0) return { text: configText, added, skipped };

  const doc = parseDocument(configText);
  const seq = doc.get('sources', true);
  let text: string;
  if (isSeq(seq) && !seq.flow && seq.items.length > 0 && seq.range) {
    const firstItem = (seq.items[0] as { range?: [number, number, number] }).range![0];
    const lineStart = configText.lastIndexOf('\n', firstItem - 1) + 1;
    const dash = configText.slice(lineStart, firstItem).indexOf('-');
    const pad = ' '.repeat(Math.max(0, dash));
    const lastItem = seq.items[seq.items.length - 1] as { range?: [number, number, number] };
    const lineEnd = configText.indexOf('\n', lastItem.range![1] - 1);
    const at = lineEnd < 0 ? configText.length : lineEnd + 1;
    const entries = added
      .map((a) =>
        [
          `${pad}- id: ${a.id}`,
          `${pad}  name: ${JSON.stringify(a.name)}`,
          `${pad}  url: ${JSON.stringify(a.url)}`,
          ...(topic ? [`${pad}  topics: [${topic}]`] : []),
        ].join('\n'),
      )
      .join('\n');
    const before = configText.slice(0, at);
    text = `${before}${before.endsWith('\n') ? '' : '\n'}${entries}\n${configText.slice(at)}`;
  } else {
    // No block list to extend (no sources yet, or a flow list): let yaml write it.
    const list = isSeq(seq) ? seq : doc.createNode([]);
    for (const a of added) list.add(doc.createNode(topic ? { id: a.id, name: a.name, url: a.url, topics: [topic] } : a));
    doc.set('sources', list);
    text = doc.toString({ lineWidth: 0 });
  }
  parseConfig(text, file); // never write a config that does not load
  return { text, added, skipped };
}
