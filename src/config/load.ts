// YAML text → typed Config, or every problem at once with its line in the file.
import { readFile } from 'node:fs/promises';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { ConfigError } from '../errors.js';
import { configSchema, crossReferenceProblems, type Config } from './schema.js';

type Path = ReadonlyArray<PropertyKey>;

/** `sources[3].url` from ['sources', 3, 'url']. */
export function formatPath(path: Path): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

/** The deepest node of the document on `path` (a missing key points at its parent). */
function nodeAt(doc: Document, path: Path, wantKey: boolean): Node | undefined {
  let node: unknown = doc.contents;
  let found = node as Node | undefined;
  for (const [i, part] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === part);
      if (!pair) break;
      node = pair.value;
      found = (last && wantKey ? pair.key : (pair.value ?? pair.key)) as Node;
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
      if (!node) break;
      found = node as Node;
    } else break;
  }
  return found;
}

function lineOf(doc: Document, counter: LineCounter, path: Path, wantKey = false): { line: number; col: number } {
  const node = nodeAt(doc, path, wantKey);
  const offset = node?.range?.[0] ?? 0;
  return counter.linePos(offset);
}

function describe(issue: z.core.$ZodIssue): Array<{ path: Path; message: string; atKey: boolean }> {
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: [...issue.path, key], message: 'unknown key', atKey: true }));
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [{ path: issue.path, message: 'required', atKey: false }];
  }
  return [{ path: issue.path, message: issue.message, atKey: false }];
}

/** Parse and validate config text. Throws ConfigError listing every problem. */
export function parseConfig(text: string, file = 'config'): Config {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => {
        const pos = counter.linePos(e.pos[0]);
        return `line ${pos.line}: ${e.message.split('\n')[0]} (${file}, column ${pos.col})`;
      }),
    );
  }
  if (doc.contents === null) {
    // An empty file is never what an operator meant (and an editor's truncate-then-write
    // save passes through it): refuse it rather than run with no sources.
    throw new ConfigError(file, [`line 1: the config is empty (${file}, column 1)`]);
  }
  let data: unknown;
  try {
    // Aliases are resolved here: an unknown one, or an alias bomb, throws.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    const anchor = /alias|anchor/i.test(String(err)) ? 'a YAML alias (*name) that cannot be resolved' : 'YAML that cannot be read';
    throw new ConfigError(file, [`line 1: ${anchor}: ${(err as Error).message} (${file}, column 1)`]);
  }
  data ??= {};
  // reportInput: a wrong-type value carries its input, so only a truly absent key is "required".
  const result = configSchema.safeParse(data, { reportInput: true });
  const cross = crossReferenceProblems(data).map((p) => ({ ...p, atKey: false }));
  if (result.success && cross.length === 0) return result.data;
  const problems = [...(result.success ? [] : result.error.issues.flatMap(describe)), ...cross]
    .map((p) => ({ ...p, pos: lineOf(doc, counter, p.path, p.atKey) }))
    .sort((a, b) => a.pos.line - b.pos.line || a.pos.col - b.pos.col)
    .map((p) => `line ${p.pos.line}: ${formatPath(p.path) || '(top level)'}: ${p.message} (${file}, column ${p.pos.col})`);
  throw new ConfigError(file, problems);
}

export async function loadConfig(file: string): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(file, [code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(err)})`]);
  }
  return parseConfig(text, file);
}
