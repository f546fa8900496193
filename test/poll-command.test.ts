// `nahr poll` on a terminal: progress while it runs, a table at the end.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTable, runPoll } from '../src/commands/poll.js';
import { silentLog } from '../src/log.js';
import { fileRoute, startFixtureServer, type FixtureServer } from './helpers/fixture-server.js';
import { storeYaml } from './helpers/stores.js';

let feeds: FixtureServer;
beforeAll(async () => {
  feeds = await startFixtureServer({ '/sana.xml': fileRoute('sana-rss2.xml'), '/down.xml': (_q, res) => res.writeHead(500).end() });
});
afterAll(() => feeds.close());

describe('nahr poll on a terminal', () => {
  it('shows sources done / total and failures, then a summary table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nahr-tty-'));
    writeFileSync(join(dir, 'feeds.yaml'), `retention: { days: 36500 }\nsources:\n  - { id: sana, name: "سانا", url: "${feeds.url('/sana.xml')}" }\n  - { id: down, name: "down", url: "${feeds.url('/down.xml')}" }\n${storeYaml()}`);
    const screen: string[] = [];
    const lines: string[] = [];
    await runPoll({ configFile: join(dir, 'feeds.yaml'), dataDir: join(dir, 'data'), onlyDue: false, log: silentLog, out: (l) => lines.push(l), tty: { write: (t) => screen.push(t) } });
    const progress = screen.join('');
    expect(progress).toMatch(/polling: 1\/2 sources done/);
    expect(progress).toMatch(/polling: 2\/2 sources done, 1 failing/);
    const table = lines.join('\n').split('\n');
    expect(table[0]).toMatch(/^source\s+result\s+new\s+folded\s+known\s+error$/);
    expect(table.find((l) => l.startsWith('sana'))).toMatch(/^sana\s+ok\s+6\s+0\s+0$/);
    expect(table.find((l) => l.startsWith('down'))).toMatch(/^down\s+failed\s+0\s+0\s+0\s+server error \(HTTP 500\)$/);
    expect(table.at(-1)).toBe('2 sources, 6 new stories, 1 failed');
  }, 20_000);

  it('pads numbers to the right in the table', () => {
    const r = { outcome: 'ok' as const, newStories: 12, folded: 3, updated: 0, known: 100, skipped: 0 };
    const t = formatTable([{ sourceId: 'a', ...r }, { sourceId: 'bb', ...r, newStories: 1 }]).split('\n');
    expect(t[2]).toBe('a       ok       12       3    100');
    expect(t[3]).toBe('bb      ok        1       3    100');
  });
});
