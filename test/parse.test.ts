import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../src/errors.js';
import { decodeFeed } from '../src/fetch/charset.js';
import { parseFeed, repairEntities } from '../src/parse/parse.js';
import { plainText } from '../src/normalize/text.js';
import { itemTime } from '../src/normalize/dates.js';
import { fixtures } from './helpers/paths.js';

const load = async (file: string) => parseFeed(decodeFeed(readFileSync(join(fixtures, file))).text);

describe('parseFeed on the Arabic fixtures', () => {
  it('reads RSS 2.0 with guids, categories and content:encoded', async () => {
    const feed = await load('sana-rss2.xml');
    expect(feed.title).toBe('سانا');
    expect(feed.items).toHaveLength(6);
    const bulletin = feed.items.filter((i) => i.title === 'نشرة أخبار الصباح');
    expect(bulletin.map((i) => i.guid)).toEqual(['sana-bulletin-20261128', 'sana-bulletin-20261129']);
    expect(feed.items.some((i) => i.categories.length > 0)).toBe(true);
    expect(feed.items.some((i) => i.content && i.content.length > 0)).toBe(true);
  });
  it('reads Atom 1.0, with categories, and survives an invalid date', async () => {
    const feed = await load('alwatan-atom.xml');
    expect(feed.items).toHaveLength(5);
    const undated = feed.items.find((i) => i.guid === 'tag:alwatan.example,2026:news-88060');
    expect(undated?.dates).toEqual(['not-a-date', 'not-a-date']); // kept for our parser, which rejects them
    expect(itemTime(undated!.dates, Date.now())).toBeUndefined();
    expect(feed.items.some((i) => i.categories.length > 0)).toBe(true);
  });
  it('reads RSS 1.0 (RDF) with dc:date and dc:subject', async () => {
    const feed = await load('enab-rss1.rdf');
    expect(feed.items).toHaveLength(4);
    expect(feed.items[0]!.dates.length).toBeGreaterThan(0);
    expect(feed.items[0]!.link).toMatch(/^https:\/\/enab\.example\//);
  });
  it('reads windows-1256 and ISO-8859-6 feeds as Arabic', async () => {
    const thawra = await load('thawra-1256.xml');
    expect(thawra.items.map((i) => i.title)).toContain('ارتفاع سعر الصرف إلى ١٣٥٠٠ ليرة');
    const tishreen = await load('iso-8859-6.xml');
    expect(tishreen.items.map((i) => i.title)).toContain('افتتاح معرض للكتاب في حماة');
  });
});

describe('parseFeed on bad input', () => {
  it('rejects an HTML page served as a feed', async () => {
    await expect(parseFeed('<!DOCTYPE html><html><body>Error</body></html>')).rejects.toMatchObject({ code: 'not-a-feed' });
  });
  it('rejects an empty body', async () => {
    await expect(parseFeed('  ')).rejects.toMatchObject({ code: 'empty' });
  });
  it('rejects truncated XML with a parse error', async () => {
    await expect(parseFeed('<rss version="2.0"><channel><item><title>x')).rejects.toMatchObject({ code: 'parse' });
  });
  it('never expands DOCTYPE entities (billion laughs)', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss version="2.0"><channel><title>&lol2;</title></channel></rss>`;
    const result = await parseFeed(bomb).then(
      (f) => f.title ?? '',
      (e: unknown) => (e instanceof FeedError ? 'rejected' : 'other'),
    );
    expect(result === 'rejected' || !result.includes('lollol')).toBe(true);
  });
  it('repairs a bare "&" and HTML entities', async () => {
    const feed = await parseFeed('<rss version="2.0"><channel><title>أخبار & تقارير&nbsp;اليوم</title><item><title>a & b</title></item></channel></rss>');
    expect(feed.title).toBe('أخبار & تقارير\u00A0اليوم');
    expect(feed.items[0]!.title).toBe('a & b');
    expect(repairEntities('&amp; &lt; &#38; &#x26; & &nbsp; &bogus;')).toBe('&amp; &lt; &#38; &#x26; &amp; &#160; &amp;bogus;');
  });
  it('reads <rss> without a version attribute as RSS 2.0', async () => {
    const feed = await parseFeed('<rss><channel><title>t</title><item><title>خبر</title></item></channel></rss>');
    expect(feed.items[0]!.title).toBe('خبر');
  });
});

describe('parseFeed: more shapes', () => {
  it('reads the text of an Atom type="xhtml" title', async () => {
    const feed = await parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id><updated>2026-11-29T00:00:00Z</updated>
      <entry><id>e1</id><updated>2026-11-29T00:00:00Z</updated><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">افتتاح <b>مشفى</b> في درعا</div></title></entry></feed>`);
    expect(plainText(feed.items[0]!.title)).toBe('افتتاح مشفى في درعا');
  });
  it('reads RSS 0.91 (fixture)', async () => {
    const feed = await load('rss091.xml');
    expect(feed.title).toBe('الوكالة العربية السورية');
    expect(feed.items.map((i) => i.title)).toEqual(['انطلاق معرض دمشق الدولي', 'أمطار غزيرة في طرطوس']);
    expect(feed.items[0]!.link).toBe('https://rss091.example/news/1');
  });
});

describe('Atom dates', () => {
  const atom = (published: string) => `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id><updated>2026-11-29T00:00:00Z</updated>
    <entry><id>e1</id><title>خبر</title><published>${published}</published><updated>${published}</updated></entry></feed>`;
  it('keeps the raw string of a zone-less time (not converted in this machine\'s zone)', async () => {
    const feed = await parseFeed(atom('2026-11-29T10:00:00'));
    expect(feed.items[0]!.dates[0]).toBe('2026-11-29T10:00:00');
  });
  it('keeps an Arabic date Date cannot read, for our own parser', async () => {
    const feed = await parseFeed(atom('٢٩ تشرين الثاني ٢٠٢٦ ١٠:٠٠'));
    expect(feed.items[0]!.dates).toContain('٢٩ تشرين الثاني ٢٠٢٦ ١٠:٠٠');
  });
});
