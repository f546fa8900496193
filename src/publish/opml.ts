// OPML 2.0, the format every reader imports and exports: nahr's sources as a list to
// subscribe to the outlets directly, or to move them to another aggregator.
import { create } from 'xmlbuilder2';
import type { Config } from '../config/schema.js';
import { xmlSafe } from '../normalize/text.js';

export function renderOpml(config: Config, topicId?: string): string {
  const topic = topicId ? config.topics.find((t) => t.id === topicId) : undefined;
  const sources = config.sources.filter((s) => s.enabled && (!topicId || s.topics.includes(topicId)));
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const opml = doc.ele('opml', { version: '2.0' });
  const head = opml.ele('head');
  head.ele('title').txt(xmlSafe(topic ? `نهر — مصادر ${topic.title}` : 'نهر — المصادر'));
  head.ele('docs').txt('http://opml.org/spec2.opml');
  const body = opml.ele('body');
  for (const s of sources) {
    // Attribute values: XML-invalid characters stripped, and white space as plain spaces
    // (a parser would turn a raw newline in an attribute into a space anyway).
    const attr = (v: string) => xmlSafe(v).replace(/\s+/g, ' ').trim();
    const attrs: Record<string, string> = { type: 'rss', text: attr(s.name), title: attr(s.name), xmlUrl: attr(s.url), language: s.lang };
    if (s.topics.length > 0) attrs.category = s.topics.map((t) => `/${t}`).join(',');
    body.ele('outline', attrs);
  }
  return doc.end({ prettyPrint: true }) + '\n';
}
