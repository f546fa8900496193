import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../src/fetch/charset.js';
import { fixtures } from './helpers/paths.js';

const xml = (decl: string, body: string) => `<?xml version="1.0"${decl}?><rss version="2.0"><channel><title>${body}</title></channel></rss>`;
const encode1256 = (text: string): Uint8Array => {
  // windows-1256 bytes for the few letters used here (TextEncoder only writes UTF-8).
  const table: Record<string, number> = { د: 0xcf, م: 0xe3, ش: 0xd4, ق: 0xde, ' ': 0x20 };
  return Uint8Array.from([...text].map((c) => table[c] ?? c.charCodeAt(0)));
};

describe('decodeFeed', () => {
  it('decodes windows-1256 named in the XML declaration (real fixture bytes)', () => {
    const { text, charset } = decodeFeed(readFileSync(join(fixtures, 'thawra-1256.xml')));
    expect(charset).toBe('windows-1256');
    expect(text).toContain('تكريم حماة الديار في ذكرى التأسيس');
  });
  it('decodes iso-8859-6 named in the XML declaration (real fixture bytes)', () => {
    const { text, charset } = decodeFeed(readFileSync(join(fixtures, 'iso-8859-6.xml')));
    expect(charset).toBe('iso-8859-6');
    expect(text).toContain('افتتاح معرض للكتاب في حماة');
  });
  it('takes the charset from the HTTP Content-Type', () => {
    const bytes = encode1256(xml('', 'دمشق'));
    expect(decodeFeed(bytes, 'application/rss+xml; charset=windows-1256').text).toContain('<title>دمشق</title>');
  });
  it('lets a declared charset win over a default ISO-8859-1 header', () => {
    const bytes = encode1256(xml(' encoding="windows-1256"', 'دمشق'));
    expect(decodeFeed(bytes, 'text/xml; charset=ISO-8859-1').text).toContain('دمشق');
  });
  it('falls back to the declaration when a UTF-8 header is wrong', () => {
    const bytes = encode1256(xml(' encoding="windows-1256"', 'دمشق'));
    expect(decodeFeed(bytes, 'text/xml; charset=utf-8').text).toContain('دمشق');
  });
  it('falls back to windows-1256 for undeclared non-UTF-8 bytes', () => {
    const bytes = encode1256(xml('', 'دمشق'));
    expect(decodeFeed(bytes).text).toContain('دمشق');
  });
  it('honours a UTF-8 BOM over a wrong header', () => {
    const body = new TextEncoder().encode(xml('', 'دمشق'));
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    const { text } = decodeFeed(bytes, 'text/xml; charset=windows-1256');
    expect(text).toContain('دمشق');
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });
  it('detects UTF-16 with and without a BOM', () => {
    const s = xml(' encoding="UTF-16"', 'دمشق');
    const le = Buffer.from(s, 'utf16le');
    expect(decodeFeed(le).text).toContain('دمشق');
    expect(decodeFeed(Buffer.concat([Buffer.from([0xff, 0xfe]), le])).text).toContain('دمشق');
    const be = Buffer.from(le).swap16();
    expect(decodeFeed(be).text).toContain('دمشق');
  });
  it('reads plain UTF-8 with no declaration', () => {
    expect(decodeFeed(new TextEncoder().encode(xml('', 'دمشق'))).charset).toBe('utf-8');
  });
  it('survives an unknown charset label', () => {
    expect(decodeFeed(new TextEncoder().encode(xml(' encoding="x-made-up"', 'abc'))).text).toContain('abc');
  });
});

describe('decodeFeed with a default ISO-8859-1 header', () => {
  it('reads valid UTF-8 as UTF-8 when the document names no charset', () => {
    const bytes = new TextEncoder().encode('<?xml version="1.0"?><rss version="2.0"><channel><title>دمشق</title></channel></rss>');
    expect(decodeFeed(bytes, 'text/xml; charset=ISO-8859-1').text).toContain('<title>دمشق</title>');
  });
  it('still honours ISO-8859-1 for bytes that are not UTF-8', () => {
    const bytes = Uint8Array.from([...'<rss><channel><title>caf'].map((c) => c.charCodeAt(0)).concat([0xe9], [...'</title></channel></rss>'].map((c) => c.charCodeAt(0))));
    expect(decodeFeed(bytes, 'text/xml; charset=ISO-8859-1').text).toContain('café');
  });
});

describe('decodeFeed and UTF-32', () => {
  it('decodes UTF-32 in both byte orders, with or without a BOM', () => {
    const s = '<?xml version="1.0" encoding="UTF-32"?><rss version="2.0"><channel><title>دمشق 😀</title></channel></rss>';
    const cps = [...s].map((c) => c.codePointAt(0)!);
    const be = Buffer.alloc(cps.length * 4);
    const le = Buffer.alloc(cps.length * 4);
    cps.forEach((cp, i) => {
      be.writeUInt32BE(cp, i * 4);
      le.writeUInt32LE(cp, i * 4);
    });
    expect(decodeFeed(be).text).toBe(s);
    expect(decodeFeed(le).text).toBe(s);
    expect(decodeFeed(Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), le])).text).toBe(s);
  });
});

describe('decodeFeed when the labels lie', () => {
  const arabic = '<rss version="2.0"><channel><title>طيران دمشق</title></channel></rss>';
  const cp1256 = (s: string) => {
    const table: Record<string, number> = { ط: 0xd8, ي: 0xed, ر: 0xd1, ا: 0xc7, ن: 0xe4, د: 0xcf, م: 0xe3, ش: 0xd4, ق: 0xde, ' ': 0x20 };
    return Uint8Array.from([...s].map((c) => table[c] ?? c.charCodeAt(0)));
  };
  it('reads windows-1256 under a default ISO-8859-1 header with no declaration', () => {
    expect(decodeFeed(cp1256(arabic), 'text/xml; charset=ISO-8859-1').text).toBe(arabic);
  });
  it('reads UTF-8 labelled windows-1256 by the header or the declaration', () => {
    const utf8 = new TextEncoder().encode(arabic);
    expect(decodeFeed(utf8, 'text/xml; charset=windows-1256').text).toBe(arabic);
    const declared = new TextEncoder().encode(`<?xml version="1.0" encoding="windows-1256"?>${arabic}`);
    expect(decodeFeed(declared).text).toContain('طيران دمشق');
  });
  it('ignores a UTF-16 declaration the bytes themselves disprove', () => {
    const bytes = new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-16"?>${arabic}`);
    expect(decodeFeed(bytes).text).toContain('طيران دمشق');
  });
});
