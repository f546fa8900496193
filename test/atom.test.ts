import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Story } from '../src/model.js';
import { renderAtom } from '../src/publish/atom.js';
import { alsoReportedBy, entryDoc, feedUpdated, type SourceInfo } from '../src/publish/document.js';
import { atomRuleViolations } from './helpers/atom-rules.js';
import { atomSchema, haveShared } from './helpers/paths.js';
import { feedparserBozo, haveFeedparser, haveTool, jing } from './helpers/tools.js';

const sources = new Map<string, SourceInfo>([
  ['sana', { id: 'sana', name: 'سانا', url: 'https://sana.example/feed', lang: 'ar', state: { consecutiveFailures: 0, feedLink: 'https://sana.example/' } }],
  ['alwatan', { id: 'alwatan', name: 'الوطن', url: 'https://alwatan.example/feed', lang: 'ar' }],
  ['bbc', { id: 'bbc', name: 'BBC <World> & "Co"', url: 'https://bbc.example/feed', lang: 'en' }],
]);
const reporter = (sourceId: string, title: string, link?: string, html = '') => ({
  sourceId, guid: `${sourceId}-1`, title, link, html, categories: [], author: undefined, seenAt: '2026-11-29T10:00:00.000Z',
});
const stories: Story[] = [
  {
    id: 'aaa', titleKey: 'k1', published: '2026-11-29T09:00:00.000Z', updated: '2026-11-29T10:00:00.000Z', topics: ['daraa'],
    reporters: [
      reporter('sana', 'افتتاح مشفى جديد في درعا', 'https://sana.example/1', '<p dir="rtl">نص الخبر</p>'),
      reporter('alwatan', 'افتتاح مشفى جديد فى درعا', 'https://alwatan.example/1?x=1&y=2'),
    ],
  },
  {
    // Everything the `feed` package turns into malformed XML (PACKAGES.md).
    id: 'bbb', titleKey: 'k2', published: '2026-11-29T08:00:00.000Z', updated: '2026-11-29T08:00:00.000Z', topics: ['weird'],
    reporters: [reporter('bbc', 'a ]]> b ]]> c <script> & \u0001\u0008 control', undefined, '<p>x ]]> y</p>')],
  },
];

function render() {
  const topicTitles = new Map([['daraa', 'درعا'], ['weird', 'a<b "c" & d']]);
  const self = { atom: 'http://localhost:8080/feeds/all.atom', rss: 'http://localhost:8080/feeds/all.rss', json: 'http://localhost:8080/feeds/all.json' };
  return renderAtom({
    id: 'tag:nahr,2026:feed/all', title: 'نهر — كل الأخبار', subtitle: 'sub', updated: feedUpdated(stories), homeUrl: 'http://localhost:8080/', self,
    hubs: ['https://hub.example/'],
    entries: stories.map((s) => entryDoc(s, sources, topicTitles)),
  });
}

describe('renderAtom', () => {
  const xml = render();

  it('declares xml:lang="ar" and UTF-8, and keeps Arabic byte for byte', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toMatch(/<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="ar" xmlns:media="http:\/\/search\.yahoo\.com\/mrss\/">/);
    expect(Buffer.from(xml, 'utf8').includes(Buffer.from('افتتاح مشفى جديد في درعا', 'utf8'))).toBe(true);
  });
  it('links the first reporter as alternate and every other outlet as related', () => {
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://sana.example/1"/>');
    expect(xml).toContain('<link rel="related" type="text/html" href="https://alwatan.example/1?x=1&amp;y=2" title="الوطن"/>');
    expect(xml).toContain('أوردته أيضًا');
  });
  it('emits atom:source, categories with labels, tag: ids and an author', () => {
    expect(xml).toContain('<id>tag:nahr,2026:story/aaa</id>');
    expect(xml).toMatch(/<source>\s*<id>tag:nahr,2026:source\/sana<\/id>\s*<title type="text">سانا<\/title>/);
    expect(xml).toContain('<category term="daraa" label="درعا"');
    expect(xml).toContain('label="a&lt;b &quot;c&quot; &amp; d"');
    expect(xml).toMatch(/<author>\s*<name>سانا<\/name>/);
  });
  it('names its WebSub hub', () => {
    expect(xml).toContain('<link rel="hub" href="https://hub.example/"/>');
  });
  it('marks an entry of a non-Arabic source with its own xml:lang', () => {
    expect(xml).toContain('<entry xml:lang="en">');
  });
  it('escapes "]]>", "<" and "&" in text and strips control characters', () => {
    expect(xml).not.toMatch(/[\u0001-\u0008]/);
    expect(xml).toContain('a ]]&gt; b ]]&gt; c &lt;script&gt; &amp;');
  });
  it('the checkers do catch an invalid document', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nahr-atom-')), 'bad.atom');
    writeFileSync(file, xml.replace('<id>tag:nahr,2026:story/aaa</id>', '').replace(/<author>\s*<name>نهر<\/name>[\s\S]*?<\/author>/, ''));
    if (haveShared && haveTool('jing')) expect(jing(atomSchema, file)).not.toBe('');
    writeFileSync(file, xml.replace('<id>tag:nahr,2026:story/aaa</id>', '<id> </id>').replace(/<author>\s*<name>نهر<\/name>[\s\S]*?<\/author>/, '').replace(/<author>\s*<name>سانا<\/name>\s*<\/author>/, ''));
    if (haveTool('xmllint')) expect(atomRuleViolations(file)).toEqual(['an entry has no author and the feed has none', 'an empty atom:id']);
  });
  it('has the same bytes for the same content', () => {
    expect(render()).toBe(xml);
  });

  it('is valid Atom: jing with RFC 4287 schema, the rules jing skips, and feedparser', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'nahr-atom-')), 'feed.atom');
    writeFileSync(file, xml);
    if (haveShared && haveTool('jing')) expect(jing(atomSchema, file)).toBe('');
    if (haveTool('xmllint')) expect(atomRuleViolations(file)).toEqual([]);
    if (haveFeedparser()) {
      const fp = feedparserBozo(file);
      expect(fp).toMatchObject({ bozo: 0, entries: 2 });
    }
  });
});

describe('alsoReportedBy', () => {
  it('is empty for a story with one reporter', () => {
    expect(alsoReportedBy([], sources)).toBe('');
  });
  it('escapes names and links', () => {
    expect(alsoReportedBy([reporter('bbc', 't', 'https://b.example/?a=1&b=2')], sources)).toBe(
      '<p dir="rtl">أوردته أيضًا: <a href="https://b.example/?a=1&amp;b=2">BBC &lt;World&gt; &amp; &quot;Co&quot;</a></p>',
    );
  });
});
