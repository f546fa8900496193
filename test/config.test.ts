import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../src/config/load.js';
import { ConfigError } from '../src/errors.js';
import { repoRoot } from './helpers/paths.js';

const problems = (yaml: string): string[] => {
  try {
    parseConfig(yaml, 'feeds.yaml');
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

const valid = `sources:
  - id: sana
    name: "سانا"
    url: "https://sana.sy/?feed=rss2"
topics:
  - id: daraa
    title: "درعا"
`;

describe('config', () => {
  it('fills the defaults', () => {
    const c = parseConfig(valid);
    expect(c.schedule).toBe('*/10 * * * *');
    expect(c.dedupe.windowHours).toBe(72);
    expect(c.retention.days).toBe(30);
    expect(c.feed.maxEntries).toBe(100);
    expect(c.publicUrl).toBe('http://localhost:8080');
    expect(c.sources[0]).toMatchObject({ enabled: true, lang: 'ar', topics: [] });
    expect(c.topics[0]).toMatchObject({ keywords: [], exclude: [], categories: [] });
  });

  it('reports a bad URL with its line and 0-based path', () => {
    const yaml = valid.replace('"https://sana.sy/?feed=rss2"', '"not a url"');
    expect(problems(yaml)).toEqual(['line 4: sources[0].url: not a URL (expected http:// or https://) (feeds.yaml, column 10)']);
  });

  it('reports every problem at once, in line order', () => {
    const yaml = `schedule: "every ten minutes"
sources:
  - id: sana
    name: "سانا"
    url: "https://sana.sy/?feed=rss2"
    topics: [politcs]
  - id: sana
    name: "الوطن"
    url: "https://alwatan.sy/feed"
  - id: Bad_ID
    url: "https://x.example/feed"
    keyword: ["x"]
topics:
  - id: politics
    title: "سياسة"
`;
    const p = problems(yaml);
    expect(p).toEqual([
      'line 1: schedule: not a valid cron expression (e.g. "*/10 * * * *") (feeds.yaml, column 11)',
      'line 6: sources[0].topics[0]: unknown topic "politcs" (not listed under topics:) (feeds.yaml, column 14)',
      'line 7: sources[1].id: duplicate id "sana" (also sources[0]) (feeds.yaml, column 9)',
      'line 10: sources[2].name: required (feeds.yaml, column 5)',
      'line 10: sources[2].id: expected an id of lowercase a-z, 0-9 and "-" (feeds.yaml, column 9)',
      'line 12: sources[2].keyword: unknown key (feeds.yaml, column 5)',
    ]);
  });

  it('says what was expected for a value of the wrong type, not "required"', () => {
    const yaml = `dedupe: { windowHours: "72" }
sources:
  - { id: sana, name: "سانا", url: "https://sana.sy/feed", enabled: "yes", topics: daraa }
`;
    expect(problems(yaml)).toEqual([
      'line 1: dedupe.windowHours: expected a number of hours (feeds.yaml, column 24)',
      'line 3: sources[0].enabled: expected true or false (feeds.yaml, column 69)',
      'line 3: sources[0].topics: expected a list of topic ids (feeds.yaml, column 84)',
    ]);
  });

  it('refuses an empty file and an unresolvable alias with a line, never a crash', () => {
    expect(problems('')).toEqual(['line 1: the config is empty (feeds.yaml, column 1)']);
    expect(problems('sources: *nope\n')[0]).toMatch(/^line 1: a YAML alias \(\*name\) that cannot be resolved: /);
  });

  it('reports bad per-source options', () => {
    const p = problems('sources:\n  - { id: a, name: "A", url: "https://a.example/f", interval: "soon", timezone: "Mars/Olympus", timeoutSeconds: -1 }\n');
    expect(p).toEqual([
      'line 2: sources[0].interval: expected a duration of at least 1 minute, such as "15m", "6h" or "1d" (feeds.yaml, column 63)',
      'line 2: sources[0].timezone: not a known time zone (an IANA name such as "Asia/Damascus") (feeds.yaml, column 81)',
      'line 2: sources[0].timeoutSeconds: must be > 0 (feeds.yaml, column 113)',
    ]);
  });

  it('reports YAML syntax errors with their line', () => {
    const p = problems('sources:\n  - id: a\n   name: b\n');
    expect(p.length).toBeGreaterThan(0);
    expect(p[0]).toMatch(/^line 3: /);
  });

  it('reports a missing file clearly', async () => {
    await expect(loadConfig('/nonexistent/feeds.yaml')).rejects.toThrow(/file not found/);
  });

  it('accepts the shipped config/feeds.yaml', async () => {
    const c = await loadConfig(join(repoRoot, 'config', 'feeds.yaml'));
    expect(c.sources.length).toBeGreaterThanOrEqual(10);
    expect(c.topics.map((t) => t.id)).toEqual(expect.arrayContaining(['politics', 'economy', 'humanitarian', 'damascus', 'daraa', 'hama']));
  });
});

describe('nahr check-config', () => {
  const run = (file: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'src', 'cli.ts'), 'check-config', '--config', file], { encoding: 'utf8', cwd: repoRoot });

  it('exits 0 on a valid config', () => {
    const r = run(join(repoRoot, 'config', 'feeds.yaml'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/OK/);
  });

  it('exits 1 and prints each problem with its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nahr-config-'));
    const file = join(dir, 'feeds.yaml');
    writeFileSync(file, valid.replace('"https://sana.sy/?feed=rss2"', 'ftp://sana.sy/feed'));
    const r = run(file);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('line 4: sources[0].url: not a URL');
  });
});
