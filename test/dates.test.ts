import { describe, expect, it } from 'vitest';
import { FUTURE_SKEW_MS, itemTime, parseDate } from '../src/normalize/dates.js';
import { truncateText } from '../src/normalize/text.js';

const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());
const tz = 'Asia/Damascus'; // UTC+3 all year since 2022

describe('parseDate', () => {
  it.each([
    ['RFC 822 with GMT', 'Sun, 29 Nov 2026 10:00:00 GMT', '2026-11-29T10:00:00.000Z'],
    ['RFC 822 with an offset', 'Sun, 29 Nov 2026 10:00:00 +0300', '2026-11-29T07:00:00.000Z'],
    ['ISO 8601 with Z', '2026-11-29T10:00:00Z', '2026-11-29T10:00:00.000Z'],
    ['ISO 8601 without a zone: the source\'s zone', '2026-11-29T10:00:00', '2026-11-29T07:00:00.000Z'],
    ['ISO with a space, no zone', '2026-11-29 10:00:00', '2026-11-29T07:00:00.000Z'],
    ['RFC 822 without a zone', 'Sun, 29 Nov 2026 10:00:00', '2026-11-29T07:00:00.000Z'],
    ['Levantine month name and Arabic day', 'الأحد، 29 تشرين الثاني 2026 10:00:00', '2026-11-29T07:00:00.000Z'],
    ['Arabic-Indic digits', '٢٩ تشرين الثاني ٢٠٢٦ ١٠:٠٠', '2026-11-29T07:00:00.000Z'],
    ['Egyptian/Gulf month name with ص (AM)', '29 نوفمبر 2026 10:00 ص', '2026-11-29T07:00:00.000Z'],
    ['م (PM) after a dash', 'الأحد 29 نوفمبر 2026 - 10:00 م', '2026-11-29T19:00:00.000Z'],
    ['آب (August), a two-letter month', '29 آب 2026 10:00', '2026-08-29T07:00:00.000Z'],
    ['كانون الثاني (January)', '3 كانون الثاني 2027 08:30', '2027-01-03T05:30:00.000Z'],
    ['day/month/year', '29/11/2026 10:00', '2026-11-29T07:00:00.000Z'],
    ['an RFC 822 zone Date.parse lacks (AST, Arabia)', 'Sun, 29 Nov 2026 10:00:00 AST', '2026-11-29T07:00:00.000Z'],
  ])('%s', (_what, raw, expected) => {
    expect(iso(parseDate(raw, tz))).toBe(expected);
  });
  it('reads a zone-less date in the given zone (DST-aware)', () => {
    expect(iso(parseDate('2026-07-15T10:00:00', 'Europe/Berlin'))).toBe('2026-07-15T08:00:00.000Z');
    expect(iso(parseDate('2026-01-15T10:00:00', 'Europe/Berlin'))).toBe('2026-01-15T09:00:00.000Z');
  });
  it('rejects what is not a date', () => {
    expect(parseDate('not a date', tz)).toBeUndefined();
    expect(parseDate('', tz)).toBeUndefined();
  });
});

describe('itemTime', () => {
  const now = Date.parse('2026-11-29T12:00:00Z');
  it('takes the first valid date', () => {
    expect(itemTime(['garbage', '2026-11-29T10:00:00Z'], now)).toBe('2026-11-29T10:00:00.000Z');
  });
  it('never returns 1970 or a date before 1990', () => {
    expect(itemTime(['Thu, 01 Jan 1970 00:00:00 GMT'], now)).toBeUndefined();
    expect(itemTime(['0'], now)).toBeUndefined();
  });
  it('takes a date a few minutes ahead as now, and distrusts one further ahead', () => {
    expect(itemTime([new Date(now + 60_000).toISOString()], now)).toBe(new Date(now).toISOString());
    expect(itemTime([new Date(now + FUTURE_SKEW_MS + 60_000).toISOString(), '2026-11-29T10:00:00Z'], now)).toBeUndefined();
  });
});

describe('truncateText', () => {
  it('leaves short text alone', () => {
    expect(truncateText('دمشق', 10)).toBe('دمشق');
  });
  it('never splits a letter from its marks', () => {
    const marked = 'تَّ'.repeat(50); // 50 graphemes of 3 code units each
    const cut = truncateText(marked, 10);
    expect(cut).toBe(`${'تَّ'.repeat(10)}…`);
  });
  it('cuts at a space when one is near', () => {
    expect(truncateText('وزير الخارجية يبحث مع نظيره الأردني تعزيز التعاون', 30)).toBe('وزير الخارجية يبحث مع نظيره…');
  });
  it('keeps emoji sequences whole', () => {
    expect(truncateText('👨‍👩‍👧'.repeat(5), 2)).toBe('👨‍👩‍👧👨‍👩‍👧…');
  });
});
