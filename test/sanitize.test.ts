import { describe, expect, it } from 'vitest';
import { cleanLink } from '../src/normalize/links.js';
import { sanitizeContent } from '../src/normalize/sanitize.js';
import { plainText, plainTextOfSanitized, xmlSafe } from '../src/normalize/text.js';

const base = 'https://sana.example/news/1.html';

describe('sanitizeContent', () => {
  it('removes script, its text, and event handlers', () => {
    const out = sanitizeContent('<p onclick="steal()">خبر</p><script>alert(1)</script><img src="https://x.example/a.jpg" onerror="evil()">', base);
    expect(out).not.toMatch(/script|alert|onclick|onerror|steal|evil/);
    expect(out).toContain('<p>خبر</p>');
    expect(out).toContain('<img src="https://x.example/a.jpg" />');
  });
  it('removes iframes, objects, forms and style (element and attribute)', () => {
    const out = sanitizeContent(
      '<iframe src="https://evil.example/"></iframe><object data="x"></object><form><input></form><style>p{}</style><p style="color:red">نص</p>',
      base,
    );
    expect(out).not.toMatch(/iframe|object|form|input|style|color/);
    expect(out).toBe('<p>نص</p>');
  });
  it('drops javascript: and data: URLs', () => {
    const out = sanitizeContent('<a href="javascript:alert(1)">x</a><a href="JaVaScRiPt:alert(1)">y</a><img src="data:image/png;base64,AAAA" width="300">', base);
    expect(out).not.toMatch(/javascript|data:/i);
  });
  it('removes tracking pixels', () => {
    const out = sanitizeContent(
      '<p>نص</p><img src="https://tracker.example/p.gif" width="1" height="1"><img src="https://feeds.feedburner.com/~r/x/~4/abc"><img src="https://img.example/photo.jpg" width="600">',
      base,
    );
    expect(out).not.toContain('tracker.example');
    expect(out).not.toContain('feedburner');
    expect(out).toContain('https://img.example/photo.jpg');
  });
  it('removes utm_* and click-id parameters from links, keeps the others', () => {
    const out = sanitizeContent('<a href="https://sana.example/news/5?utm_source=rss&utm_medium=feed&id=5&fbclid=abc">x</a>', base);
    expect(out).toContain('href="https://sana.example/news/5?id=5"');
  });
  it('keeps dir and lang', () => {
    expect(sanitizeContent('<p dir="rtl" lang="ar">نص</p>', base)).toBe('<p dir="rtl" lang="ar">نص</p>');
  });
  it('resolves relative links and images against the base', () => {
    const out = sanitizeContent('<a href="/news/2.html">x</a><img src="img/a.jpg" alt="">', base);
    expect(out).toContain('href="https://sana.example/news/2.html"');
    expect(out).toContain('src="https://sana.example/news/img/a.jpg"');
  });
  it('strips characters XML cannot carry', () => {
    expect(sanitizeContent('<p>a\u0001b\u000Bc</p>', base)).toBe('<p>abc</p>');
  });
});

describe('plainText (titles)', () => {
  it('trims and collapses white space', () => {
    expect(plainText('  وزير   الخارجية\n يبحث  ')).toBe('وزير الخارجية يبحث');
  });
  it('removes control and format characters, keeps the letters', () => {
    expect(plainText('\u200Fتعديل ساعات المعا\u200Dبر\u0007')).toBe('تعديل ساعات المعابر');
  });
  it('keeps the joiners that carry meaning: emoji sequences, Persian ZWNJ', () => {
    expect(plainText('عائلة 👨\u200D👩\u200D👧')).toBe('عائلة 👨\u200D👩\u200D👧');
    expect(plainText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(plainText('\u200Cدمشق\u200D')).toBe('دمشق');
  });
  it('removes markup and decodes entities, also when escaped twice', () => {
    expect(plainText('<b>عاجل</b>: &quot;السورية للتجارة&quot;')).toBe('عاجل: "السورية للتجارة"');
    expect(plainText('&amp;quot;السورية للتجارة&amp;quot;')).toBe('"السورية للتجارة"');
  });
  it('keeps a literal "<" that is not markup', () => {
    expect(plainText('3 < 5')).toBe('3 < 5');
  });
});

describe('links', () => {
  it('resolves relative links against the feed URL and drops tracking params', () => {
    expect(cleanLink('/news/123.html?utm_campaign=x', 'https://sana.example/feed/rss.xml')).toBe('https://sana.example/news/123.html');
  });
  it('refuses non-web schemes', () => {
    expect(cleanLink('javascript:alert(1)', undefined)).toBeUndefined();
    expect(cleanLink('ftp://x.example/a', undefined)).toBeUndefined();
  });
  it('xmlSafe strips lone surrogates and U+FFFE', () => {
    expect(xmlSafe('a\uD800b\uFFFEc😀')).toBe('abc😀');
  });
});

describe('plainText keeps words apart across blocks', () => {
  it('puts a space where a paragraph, line break or list item ended', () => {
    expect(plainText('<p>حمص</p><p>درعا</p>')).toBe('حمص درعا');
    expect(plainText('حمص<br>درعا')).toBe('حمص درعا');
    expect(plainText('<ul><li>حمص</li><li>درعا</li></ul>')).toBe('حمص درعا');
    expect(plainText('<b>حم</b>ص')).toBe('حمص'); // inline tags do not split words
  });
});

describe('plainTextOfSanitized (the fast path for stored HTML)', () => {
  // Whatever the feed sent, once sanitized the regex strip must read the same text as a
  // real HTML parse does.
  const inputs = [
    '<p dir="rtl">قصف على <b>درعا</b></p><p>حمص</p>',
    '<a title="a>b<c" href="https://x.example/?a=1&amp;b=2">رابط &lt;x&gt; y</a>',
    '<p>1 < 2 > 0 &amp;&amp; 3</p><!-- تعليق --><script>alert(1)</script>',
    'نص <img src="https://x.example/a.jpg" alt="صورة <b>"> بعد<br>سطر',
    '<table><tr><td>أ</td><td>ب</td></tr></table>&nbsp;&quot;مقتبس&quot;',
    '<div>\u200fعلامة اتجاه\u200f</div><p>&amp;quot;مرتين&amp;quot;</p>',
  ];
  it.each(inputs)('%s', (raw) => {
    const html = sanitizeContent(raw, 'https://x.example/');
    expect(plainTextOfSanitized(html)).toBe(plainText(html));
    expect(plainTextOfSanitized(html)).not.toMatch(/href|title=|x\.example|alert|تعليق/); // no markup or hidden text leaks
  });
});
