// Conditional GET (RFC 9110 13.1): If-None-Match first, If-Modified-Since only without it.

/** Does an If-None-Match header (one tag, a list, weak W/ tags, or "*") match `etag`? */
export function etagMatches(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const ours = opaque(etag);
  return header.split(',').some((tag) => opaque(tag) === ours); // weak comparison (13.1.2)
}

export function isNotModified(
  headers: { 'if-none-match'?: string | string[]; 'if-modified-since'?: string | string[] },
  etag: string,
  lastModified: string,
): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) return etagMatches(Array.isArray(inm) ? inm.join(',') : inm, etag);
  const ims = headers['if-modified-since'];
  if (typeof ims !== 'string') return false;
  const since = Date.parse(ims);
  const modified = Date.parse(lastModified);
  return !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since;
}
