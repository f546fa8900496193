// Which store a config opens, and what it says when it cannot.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/load.js';
import { postgresUrl, StoreConfigError } from '../src/store/open.js';

describe('store config', () => {
  it('defaults to lowdb; postgres takes store.url, else DATABASE_URL, else says what to set', () => {
    expect(parseConfig('sources: []\n').store).toEqual({ kind: 'lowdb', schema: 'nahr', leaseSeconds: 300 });
    const withUrl = parseConfig('store: { kind: postgres, url: "postgres://a@db:5432/x" }\n');
    expect(postgresUrl(withUrl, { DATABASE_URL: 'postgres://env/y' })).toBe('postgres://a@db:5432/x');
    const fromEnv = parseConfig('store: { kind: postgres }\n');
    expect(postgresUrl(fromEnv, { DATABASE_URL: 'postgres://env/y' })).toBe('postgres://env/y');
    expect(() => postgresUrl(fromEnv, {})).toThrow(StoreConfigError);
    expect(() => postgresUrl(fromEnv, {})).toThrow('neither store.url (in the config) nor DATABASE_URL (in the environment) is set');
  });

  it('names the line of a wrong store setting', () => {
    expect(() => parseConfig('sources: []\nstore:\n  kind: mysql\n', 'feeds.yaml')).toThrow(/line 3: store.kind: expected lowdb or postgres/);
    expect(() => parseConfig('store: { kind: postgres, url: "mysql://x" }\n', 'feeds.yaml')).toThrow(/line 1: store.url: expected a postgres:\/\/ URL/);
    expect(() => parseConfig('store: { schema: "Bad-Name" }\n', 'feeds.yaml')).toThrow(/store.schema: expected a lower-case SQL name/);
  });
});
