// Plain text for readers: the outlet's own title, cleaned but not folded.
import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';

// C0/C1 controls and Unicode format characters (bidi marks, zero-width joiners, BOM).
// Readers render direction from xml:lang/dir; stray marks only garble copy-and-paste.
// Two format characters carry meaning and stay where they do: a zero-width joiner inside
// an emoji sequence ("👨‍👩‍👧"), and a zero-width non-joiner between letters (Persian and
// Urdu spell words with it: "می‌خواهم").
const CONTROL_OR_FORMAT = /(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})|(?<!\p{L})\u200C|\u200C(?!\p{L})|\p{Cc}|(?![\u200C\u200D])\p{Cf}/gu;

/**
 * A title as plain text: markup some feeds put in titles removed, entities decoded once
 * (feeds double-escape: "&amp;quot;"), control and format characters removed, white
 * space collapsed and trimmed.
 */
// Block-level tags and <br> separate words: "<p>حمص</p><p>درعا</p>" is two words.
const BLOCK_TAGS = /<(?:br|p|div|li|ul|ol|tr|td|th|h[1-6]|blockquote|figure|figcaption|section|article|table|hr)\b[^>]*>|<\/(?:p|div|li|tr|td|th|h[1-6]|blockquote|figure|figcaption|section|article|table)>/gi;

export function plainText(raw: string | undefined): string {
  if (!raw) return '';
  let s = raw;
  if (/[<&]/.test(s)) {
    // Tags removed by a real HTML parser (a regex would eat "a < b"), then entities.
    s = decodeHTML(sanitizeHtml(s.replace(BLOCK_TAGS, ' $& '), { allowedTags: [], allowedAttributes: {} }));
    // A feed that escaped twice leaves entities after one decode ("&amp;quot;" → "&quot;").
    if (/&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(s)) s = decodeHTML(s);
  }
  return cleanSpace(s);
}

function cleanSpace(s: string): string {
  return s.replace(CONTROL_OR_FORMAT, (c) => (/\s/.test(c) ? ' ' : '')).replace(/\s+/gu, ' ').trim();
}

/**
 * `plainText` for HTML that `sanitizeContent` made: sanitize-html escapes every "<" and
 * ">" in text and attribute values and drops comments, so each "<…>" is a tag and a
 * regex strips them exactly, without a second HTML parse of every stored item.
 */
export function plainTextOfSanitized(html: string): string {
  if (!html) return '';
  let s = decodeHTML(html.replace(BLOCK_TAGS, ' ').replace(/<[^>]*>/g, ''));
  if (/&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(s)) s = decodeHTML(s); // escaped twice, as plainText
  return cleanSpace(s);
}

// Not allowed in XML 1.0 at all: C0 controls except tab/newline/return, lone surrogates,
// U+FFFE and U+FFFF. Stripped from everything we serialize.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(XML_INVALID, '');
}

const segmenter = new Intl.Segmenter('ar', { granularity: 'grapheme' });

/**
 * At most `max` user-perceived characters, cut on a grapheme boundary (a letter keeps its
 * marks: "تَّ" is one grapheme) and, where one is near, at a space; "…" marks the cut.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const graphemes = Array.from(segmenter.segment(text), (g) => g.segment);
  if (graphemes.length <= max) return text;
  let cut = graphemes.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.7) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}
