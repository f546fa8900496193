// Item times. Feeds write dates every way: RFC 822, ISO 8601, Arabic month names of both
// families (كانون الثاني … / يناير …), Arabic-Indic digits, ص/م for AM/PM, and often no
// zone at all. A date is trusted only when it parses, is after 1990, and is not in the
// future beyond a small skew: otherwise the item's time is when nahr first saw it.
import { asciiDigits } from './arabic.js';

const EARLIEST = Date.UTC(1990, 0, 1);
/** Clocks disagree a little: a date up to this far ahead is taken as "now". */
export const FUTURE_SKEW_MS = 10 * 60_000;

// RFC 822 zones Date.parse does not know; it handles GMT/UT/Z/EST… itself.
const ZONE_OFFSETS: Record<string, string> = { AST: '+0300', EET: '+0200', EEST: '+0300', MSK: '+0300', IDT: '+0300', IST: '+0200' };

// Levantine (Syriac) month names and the Egyptian/Gulf transliterations, written folded
// (alef forms and ta marbuta as in foldLetters) → English, longest first so "تشرين الثاني"
// wins over a bare "تشرين".
const ARABIC_MONTHS: Array<[RegExp, string]> = (
  [
    ['كانون الثاني', 'Jan'], ['شباط', 'Feb'], ['اذار', 'Mar'], ['نيسان', 'Apr'], ['ايار', 'May'], ['حزيران', 'Jun'],
    ['تموز', 'Jul'], ['اب', 'Aug'], ['ايلول', 'Sep'], ['تشرين الاول', 'Oct'], ['تشرين الثاني', 'Nov'], ['كانون الاول', 'Dec'],
    // Without the article, as many sites write them ("كانون ثاني", "تشرين أول").
    ['كانون ثاني', 'Jan'], ['تشرين اول', 'Oct'], ['تشرين ثاني', 'Nov'], ['كانون اول', 'Dec'],
    ['يناير', 'Jan'], ['فبراير', 'Feb'], ['مارس', 'Mar'], ['ابريل', 'Apr'], ['مايو', 'May'],
    ['يونيو', 'Jun'], ['يونيه', 'Jun'], ['يوليو', 'Jul'], ['يوليه', 'Jul'], ['اغسطس', 'Aug'], ['سبتمبر', 'Sep'],
    ['اكتوبر', 'Oct'], ['نوفمبر', 'Nov'], ['ديسمبر', 'Dec'],
  ] as Array<[string, string]>
)
  .sort((a, b) => b[0].length - a[0].length)
  .map(([ar, en]) => [new RegExp(`(^|[\\s,،/-])${ar.replace(/ /g, '\\s+')}(?=$|[\\s,،/-])`, 'u'), `$1${en}`]);

// Day names, whole words only: "سبت" (Saturday) must not be cut out of "سبتمبر".
const ARABIC_DAYS = /(^|\s)(ال)?(احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)(?=[\s,،]|$)[\s,،]*/gu;

/** Arabic spelling of a date → text Date.parse can read (English months, ASCII digits). */
function latinize(raw: string): string {
  let s = asciiDigits(raw)
    .replace(/[\u0623\u0625\u0622]/g, '\u0627')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0649/g, '\u064A')
    .replace(/[\u064B-\u065F\u0640\u200E\u200F]/g, '')
    .replace(/\u060C/g, ',');
  if (!/[\u0600-\u06FF]/.test(s)) return s;
  s = s.replace(ARABIC_DAYS, '$1');
  for (const [month, en] of ARABIC_MONTHS) s = s.replace(month, en);
  // ص / صباحا (morning), م / مساء (evening) after the time.
  s = s
    .replace(/(\d{1,2}:\d{2}(?::\d{2})?)\s*(?:ص|صباحا)(?=\s|$)/u, '$1 AM')
    .replace(/(\d{1,2}:\d{2}(?::\d{2})?)\s*(?:م|مساء|مساءا)(?=\s|$)/u, '$1 PM');
  return s.replace(/\s+/g, ' ').trim();
}

const HAS_ZONE = /(?:[zZ]|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC?|[ECMP][SD]T|[A-Z]{3,4}))\s*$/;

/** The offset of `timezone` at the UTC instant `t`, in ms (Asia/Damascus: +3 h). */
function zoneOffsetMs(t: number, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(t / 1000) * 1000;
}

/** Milliseconds since the epoch, or undefined. A date without a zone is read in `timezone`. */
export function parseDate(raw: string, timezone = 'UTC'): number | undefined {
  let s = latinize(raw.trim());
  const zone = s.match(/\s([A-Z]{3,4})$/);
  if (zone && ZONE_OFFSETS[zone[1]!]) s = s.replace(/[A-Z]{3,4}$/, ZONE_OFFSETS[zone[1]!]!);
  // A dash between the date and the time ("… 2026 - 10:00 م").
  s = s.replace(/\s[-\u2013\u2014]\s/g, ' ');
  // Day/month/year, the order Syrian and most Arab sites write ("29/11/2026 10:00").
  s = s.replace(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/, (_m, d: string, m: string, y: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`);
  // ISO dates with a space instead of "T" ("2026-11-29 10:00:00") are common in feeds.
  s = s.replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/, '$1T$2');
  // ... and an offset after a space ("2026-11-29T10:00:00 +0300").
  s = s.replace(/^(\d{4}-\d{2}-\d{2}T[\d:.]+)\s+([+-]\d{2}:?\d{2})$/, '$1$2');
  // V8's Date.parse guesses at anything ("0" is the year 2000): a date must name its year.
  if (!/(^|\D)(19|20)\d{2}(\D|$)/.test(s)) return undefined;
  const hasZone = HAS_ZONE.test(s);
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(s);
  // Date.parse reads a zone-less date-time as local time of this machine: read it as UTC
  // (append "Z" or " UTC"), then shift by the source's zone.
  const t = hasZone ? Date.parse(s) : Date.parse(dateOnly ? s : /^\d{4}-/.test(s) ? `${s}Z` : `${s} UTC`);
  if (Number.isNaN(t)) return undefined;
  if (hasZone || timezone === 'UTC') return t;
  const guess = t - zoneOffsetMs(t, timezone);
  return t - zoneOffsetMs(guess, timezone); // second pass: right across a DST change
}

/**
 * The item's time as ISO text: the first of its dates that parses and is after 1990; a
 * date up to FUTURE_SKEW_MS ahead counts as now; further ahead it is not trusted (and
 * not replaced by an older field). Undefined means "use the time first seen".
 */
export function itemTime(dates: readonly string[], now: number, timezone = 'UTC'): string | undefined {
  for (const raw of dates) {
    const t = parseDate(raw, timezone);
    if (t === undefined || t < EARLIEST) continue;
    if (t > now + FUTURE_SKEW_MS) return undefined;
    return new Date(Math.min(t, now)).toISOString();
  }
  return undefined;
}
