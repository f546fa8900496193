// Links: resolved against the feed URL, tracking parameters removed, only web schemes.

const TRACKING_PARAMS = /^(utm_[a-z_]+|fbclid|gclid|dclid|mc_cid|mc_eid|yclid|_hsenc|_hsmi|igshid)$/i;

/** An absolute http(s) URL with tracking parameters removed, or undefined. */
export function cleanLink(raw: string | undefined, base: string | undefined): string | undefined {
  if (!raw) return undefined;
  const trimmed = raw.trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return stripTracking(url).toString();
}

export function stripTracking(url: URL): URL {
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
  }
  return url;
}
