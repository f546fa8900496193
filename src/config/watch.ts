// Live reload: `serve` watches its config file. A valid edit is handed on; an invalid one
// is reported with its problems and the last good config keeps running.
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { parseConfig } from './load.js';
import type { Config } from './schema.js';

export interface ConfigWatcher {
  close(): void;
}

export interface WatchHandlers {
  onChange(config: Config): void;
  onInvalid(error: ConfigError): void;
}

/**
 * Watches the file's folder, not the file: editors save by writing a new file and
 * renaming it over the old one, which a watch on the old inode would miss. Events come in
 * bursts (write, rename, chmod): they are debounced, and a save that changed nothing is
 * ignored.
 */
export function watchConfig(file: string, initialText: string, handlers: WatchHandlers, debounceMs = 200): ConfigWatcher {
  const path = resolve(file);
  const name = basename(path);
  let lastText = initialText;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const reload = async () => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return; // mid-rename, or removed: the next event tells
    }
    if (closed || text === lastText) return;
    lastText = text;
    try {
      handlers.onChange(parseConfig(text, file));
    } catch (err) {
      if (err instanceof ConfigError) handlers.onInvalid(err);
      else throw err;
    }
  };

  const watcher: FSWatcher = watch(dirname(path), (_event, changed) => {
    if (changed !== null && changed !== name) return;
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  });
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      watcher.close();
    },
  };
}
