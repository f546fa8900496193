// The fallback reader, for well-formed feeds rss-parser cannot map: prefixed RSS without a
// default namespace (<rss:channel>), RSS 1.1 (<Channel> root), Microsoft CDF (<CHANNEL>
// with HREF attributes), an Atom Entry Document (<entry> root), and RSS or RDF with no
// channel at all (an empty feed, which rss-parser crashes on). It reads by local names,
// case-insensitively, with the same strict, non-expanding XML parser rss-parser uses.
import { parseStringPromise, processors } from 'xml2js';
import type { RawFeed, RawItem } from './parse.js';

type Node = Record<string, unknown>;

const lower = (name: string) => processors.stripPrefix(name).toLowerCase();

function children(node: unknown, name: string): Node[] {
  if (!node || typeof node !== 'object') return [];
  const v = (node as Node)[name];
  return Array.isArray(v) ? (v as Node[]) : [];
}

function attr(node: unknown, name: string): string | undefined {
  const attrs = node && typeof node === 'object' ? ((node as Node).$ as Record<string, string> | undefined) : undefined;
  if (!attrs) return undefined;
  const key = Object.keys(attrs).find((k) => lower(k) === name);
  return key ? attrs[key] : undefined;
}

/** All text of a node, in document order as far as xml2js keeps it. */
function text(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return text(node[0]);
  if (node && typeof node === 'object') {
    const n = node as Node;
    if (typeof n._ === 'string') return n._;
  }
  return undefined;
}

const first = (node: unknown, ...names: string[]): string | undefined => {
  for (const name of names) {
    const value = text(children(node, name)[0]);
    if (value !== undefined && value.trim() !== '') return value;
  }
  return undefined;
};

function readItem(item: Node): RawItem {
  const atomLink = children(item, 'link').find((l) => attr(l, 'href') && (!attr(l, 'rel') || attr(l, 'rel') === 'alternate'));
  return {
    guid: first(item, 'guid', 'id') ?? attr(item, 'about'),
    title: first(item, 'title'),
    link: first(item, 'link') ?? attr(atomLink, 'href') ?? attr(item, 'href'),
    content: first(item, 'encoded', 'content'),
    summary: first(item, 'description', 'summary', 'abstract'),
    categories: [...children(item, 'category'), ...children(item, 'subject')]
      .map((c) => attr(c, 'term') ?? text(c))
      .filter((c): c is string => !!c && c.trim() !== ''),
    author: first(item, 'creator', 'author'),
    dates: [first(item, 'published', 'pubdate', 'date', 'issued', 'updated', 'modified'), attr(item, 'lastmod')].filter(
      (d): d is string => !!d,
    ),
  };
}

/** A RawFeed from a document whose root is a known feed shape, or undefined. */
export async function parseGeneric(xml: string): Promise<RawFeed | undefined> {
  const doc = (await parseStringPromise(xml, {
    strict: true,
    tagNameProcessors: [lower],
    explicitArray: true,
  })) as Node;
  const [rootName, root] = Object.entries(doc)[0] ?? [];
  if (!rootName || !root || typeof root !== 'object') return undefined;
  let channel: Node | undefined;
  let items: Node[] = [];
  switch (rootName) {
    case 'rss':
      channel = children(root, 'channel')[0];
      // Items straight under <rss>, without a channel, are still items.
      items = [...children(channel, 'item'), ...children(root, 'item')];
      break;
    case 'rdf':
      channel = children(root, 'channel')[0];
      items = children(root, 'item').length ? children(root, 'item') : children(children(channel, 'items')[0], 'item');
      break;
    case 'channel': // RSS 1.1 and CDF: the channel is the root
      channel = root as Node;
      items = [...children(root, 'item'), ...children(children(root, 'items')[0], 'item')];
      break;
    case 'feed':
      channel = root as Node;
      items = [...children(root, 'entry'), ...children(root, 'item')]; // <item> in a feed: a common slip
      break;
    case 'entry': // an Atom Entry Document (RFC 4287 4.1.2): a feed of one
      items = [root as Node];
      break;
    default:
      return undefined;
  }
  return {
    title: first(channel, 'title'),
    link: first(channel, 'link') ?? attr(channel, 'href') ?? attr(children(channel, 'link')[0], 'href'),
    items: items.map(readItem),
  };
}
