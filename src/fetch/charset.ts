// Bytes → text. rss-parser reads a Buffer as UTF-8 and ignores the XML declaration, so
// windows-1256 Arabic (still served by some Syrian sites) came out garbled. We pick the
// charset ourselves: a BOM wins; then the HTTP Content-Type charset; then the XML
// declaration; else UTF-8. Node's TextDecoder has full ICU (windows-1256, iso-8859-6).

function charsetFromContentType(contentType: string | undefined): string | undefined {
  const m = contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i);
  return m?.[1]?.toLowerCase();
}

function charsetFromXmlDeclaration(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII in every ASCII-compatible charset; read only the head.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  const m = head.match(/^\s*<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']/i);
  return m?.[1]?.toLowerCase();
}

/** UTF-32, which TextDecoder does not offer: code points straight from the bytes. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  for (let i = 0; i + 3 < bytes.byteLength; i += 4) {
    const cp = view.getUint32(i, littleEndian);
    if (i === 0 && cp === 0xfeff) continue; // the BOM
    out.push(cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\uFFFD');
  }
  return out.join('');
}

function utf32Order(bytes: Uint8Array): 'le' | 'be' | undefined {
  const [a, b, c, d] = bytes;
  if ((a === 0 && b === 0 && c === 0xfe && d === 0xff) || (a === 0 && b === 0 && c === 0 && d === 0x3c)) return 'be';
  if ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0x3c && b === 0 && c === 0 && d === 0)) return 'le';
  return undefined;
}

/** A byte-order mark, or the UTF-16 shape of "<?" (XML 1.0 appendix F). */
function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  // No BOM, but "<?" in UTF-16 (XML 1.0 appendix F): the declaration itself says which.
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return 'utf-16be';
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return 'utf-16le';
  return undefined;
}

function decoderFor(label: string, fatal: boolean): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal });
  } catch {
    return undefined; // a label ICU does not know ("utf8x", a typo)
  }
}

const WEAK_DEFAULTS = new Set(['iso-8859-1', 'latin1', 'us-ascii', 'ascii', 'windows-1252']);

export interface Decoded {
  text: string;
  charset: string;
}

/**
 * Decode a feed body. A server that says UTF-8 (or says nothing) while sending other
 * bytes is common; when strict UTF-8 fails we fall back to the XML declaration's charset,
 * then to windows-1256, the legacy charset of Arabic sites, rather than emit U+FFFD.
 */
export function decodeFeed(bytes: Uint8Array, contentType?: string): Decoded {
  const utf32 = utf32Order(bytes);
  if (utf32) return { text: decodeUtf32(bytes, utf32 === 'le'), charset: `utf-32${utf32}` };
  const bom = bomCharset(bytes);
  if (bom) return { text: new TextDecoder(bom).decode(bytes), charset: bom };
  // Multibyte text that is valid UTF-8 is UTF-8, whatever the labels say: windows-1256
  // or Latin-1 text is practically never valid UTF-8 by accident, and servers and
  // templates mislabel UTF-8 far more often than the other way round.
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, charset: 'utf-8' };

  const header = charsetFromContentType(contentType);
  // A declaration readable as ASCII proves the document is not UTF-16 or UTF-32.
  const declared = charsetFromXmlDeclaration(bytes)?.replace(/^utf-?(16|32).*$/, '') || undefined;
  // Servers default to ISO-8859-1 in Content-Type (Apache did for years) whatever the
  // document is; such a header yields to the declaration, and with no declaration to
  // windows-1256 when that reads as Arabic: this is an Arabic aggregator.
  const weakHeader = header !== undefined && WEAK_DEFAULTS.has(header);
  let labels = (weakHeader ? [declared, header] : [header, declared]).filter((c): c is string => !!c && !/^utf-?8$/.test(c));
  if (weakHeader && !declared && readsAsArabic(bytes)) labels = ['windows-1256'];
  for (const label of labels) {
    const decoder = decoderFor(label, false);
    if (decoder) return { text: decoder.decode(bytes), charset: decoder.encoding };
  }
  // Not UTF-8 and nothing usable named: the legacy charset of Arabic sites. (A label ICU
  // does not know, like "mac-cyrillic", ends here too, rather than losing the feed.)
  if (labels.length === 0 || readsAsArabic(bytes)) {
    return { text: new TextDecoder('windows-1256').decode(bytes), charset: 'windows-1256' };
  }
  return { text: new TextDecoder('utf-8').decode(bytes), charset: 'utf-8' };
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Do the non-ASCII bytes, read as windows-1256, come out as mostly Arabic letters? */
function readsAsArabic(bytes: Uint8Array): boolean {
  const text = new TextDecoder('windows-1256').decode(bytes);
  let arabic = 0;
  let other = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    if (cp >= 0x0600 && cp <= 0x06ff) arabic++;
    else other++;
  }
  return arabic > 0 && arabic >= 2 * other;
}
