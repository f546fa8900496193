// The README's config reference is written from the zod schema; this keeps them in step:
// every key the schema accepts must appear in the reference table, and nothing else.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../src/config/schema.js';
import { repoRoot } from './helpers/paths.js';

interface Def {
  type: string;
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  shape?: Record<string, { _zod: { def: Def } }>;
}

function keys(def: Def, prefix: string): string[] {
  if (def.innerType) return keys(def.innerType._zod.def, prefix);
  if (def.type === 'array' && def.element) {
    const inner = keys(def.element._zod.def, `${prefix}[]`);
    return inner.length > 0 ? [`${prefix}[]`, ...inner] : [];
  }
  if (def.type === 'object' && def.shape) {
    return Object.entries(def.shape).flatMap(([k, v]) => {
      const path = prefix ? `${prefix}.${k}` : k;
      const nested = keys(v._zod.def, path);
      return nested.length > 0 ? nested : [path];
    });
  }
  return [];
}

describe('README config reference', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration reference'), readme.indexOf('## How titles are folded'));
  const documented = [...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
  const schemaKeys = keys(configSchema._zod.def as unknown as Def, '');

  it('documents every key of the schema, and only those', () => {
    expect(schemaKeys.length).toBeGreaterThan(15);
    expect([...documented].sort()).toEqual([...schemaKeys].sort());
  });
});
