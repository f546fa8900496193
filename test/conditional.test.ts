import { describe, expect, it } from 'vitest';
import { etagMatches, isNotModified } from '../src/serve/conditional.js';

describe('conditional GET', () => {
  const etag = '"abc"';
  const lastModified = 'Sun, 29 Nov 2026 10:00:00 GMT';
  it.each([
    ['one tag', '"abc"', true],
    ['a list', '"x", "abc" , "y"', true],
    ['a weak tag', 'W/"abc"', true],
    ['a star', '*', true],
    ['another tag', '"abd"', false],
    ['a list without it', '"x", "y"', false],
  ])('If-None-Match with %s', (_what, header, expected) => {
    expect(etagMatches(header, etag)).toBe(expected);
  });
  it('If-Modified-Since at or after Last-Modified is 304; before is 200', () => {
    expect(isNotModified({ 'if-modified-since': lastModified }, etag, lastModified)).toBe(true);
    expect(isNotModified({ 'if-modified-since': 'Sun, 29 Nov 2026 11:00:00 GMT' }, etag, lastModified)).toBe(true);
    expect(isNotModified({ 'if-modified-since': 'Sun, 29 Nov 2026 09:59:59 GMT' }, etag, lastModified)).toBe(false);
    expect(isNotModified({ 'if-modified-since': 'garbage' }, etag, lastModified)).toBe(false);
  });
  it('If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)', () => {
    expect(isNotModified({ 'if-none-match': '"old"', 'if-modified-since': lastModified }, etag, lastModified)).toBe(false);
  });
});
