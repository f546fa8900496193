// Item times. A feed's date is trusted only when it parses, is after 1990, and is not in
// the future (outlets schedule posts, and some emit the wrong time zone): otherwise the
// item's time is when nahr first saw it.

const EARLIEST = Date.UTC(1990, 0, 1);
// RFC 822 zones rss-parser's Date() does not know; Date.parse handles GMT/UT/EST… itself.
const ARABIC_ZONES: Record<string, string> = { AST: '+0300', EET: '+0200', EEST: '+0300' };

export function parseDate(raw: string): number | undefined {
  let s = raw.trim();
  const zone = s.match(/\s([A-Z]{3,4})$/);
  if (zone && ARABIC_ZONES[zone[1]!]) s = s.replace(/[A-Z]{3,4}$/, ARABIC_ZONES[zone[1]!]!);
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

/** The first date that is valid and not in the future, as ISO text; else undefined. */
export function itemTime(dates: readonly string[], now: number): string | undefined {
  for (const raw of dates) {
    const t = parseDate(raw);
    if (t === undefined || t < EARLIEST) continue;
    if (t > now) return undefined; // a future date is not trusted, and not replaced by an older field
    return new Date(t).toISOString();
  }
  return undefined;
}
