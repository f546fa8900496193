// `nahr import-opml FILE [--topic ID]`: add an OPML's feeds as sources.
import { readFile, rename, writeFile } from 'node:fs/promises';
import { addSources, readOpml } from '../config/opml-import.js';

export interface ImportCommand {
  opmlFile: string;
  configFile: string;
  topic?: string;
  out: (line: string) => void;
}

export async function runImportOpml(cmd: ImportCommand): Promise<void> {
  const feeds = await readOpml(await readFile(cmd.opmlFile, 'utf8'), cmd.opmlFile);
  const configText = await readFile(cmd.configFile, 'utf8');
  const result = addSources(configText, feeds, cmd.topic, cmd.configFile);
  for (const a of result.added) cmd.out(`added ${a.id}: ${a.name} <${a.url}>`);
  for (const s of result.skipped) cmd.out(`skipped (${s.reason}): ${s.url}`);
  if (result.added.length > 0) {
    // Written beside and renamed over: a running `serve` never reads half a file.
    const tmp = `${cmd.configFile}.nahr-import.tmp`;
    await writeFile(tmp, result.text);
    await rename(tmp, cmd.configFile);
  }
  cmd.out(`${result.added.length} added, ${result.skipped.length} skipped`);
}
