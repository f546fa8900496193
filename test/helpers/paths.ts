import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = join(repoRoot, 'test', 'fixtures', 'feeds');
/** ../shared beside the checkout (the corpus and the Atom schema). */
export const shared = resolve(repoRoot, '..', 'shared');
export const atomSchema = join(shared, 'schema', 'atom.rnc');
export const corpus = join(shared, 'corpus');
export const haveShared = existsSync(atomSchema);
if (!haveShared) {
  if (process.env.CI === 'true') throw new Error(`../shared is required under CI (the Atom schema at ${atomSchema})`);
  console.warn(`[skipped] ${atomSchema} not found: the schema checks are skipped`);
}
