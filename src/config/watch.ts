// Live reload: `serve` watches its config file. A valid edit is handed on; an invalid one
// is reported with its problems and the last good config keeps running.
import { unwatchFile, watch, watchFile, type FSWatcher, type Stats } from 'node:fs';
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

  const reload = async (): Promise<void> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return; // mid-rename, or removed: the next event tells
    }
    // An empty read is an editor half-way through a save (truncate, then write): wait for
    // the write's own event.
    if (closed || text === lastText || text.trim() === '') return;
    lastText = text;
    let next: Config;
    try {
      next = parseConfig(text, file);
    } catch (err) {
      // Whatever the edit, a running server never goes down for it.
      handlers.onInvalid(err instanceof ConfigError ? err : new ConfigError(file, [`cannot read the config: ${(err as Error).message}`]));
      return;
    }
    handlers.onChange(next);
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void reload(), debounceMs);
  };
  const watcher: FSWatcher = watch(dirname(path), (_event, changed) => {
    if (changed === null || changed === name) schedule();
  });
  // A stat poll as well: it follows symlinks (a Kubernetes ConfigMap mounts the config as
  // one, and edits swap its target) and a folder that was removed and made again.
  const poll = (curr: Stats, prev: Stats) => {
    if (curr.mtimeMs !== prev.mtimeMs || curr.ino !== prev.ino || curr.size !== prev.size) schedule();
  };
  watchFile(path, { interval: 1000, persistent: false }, poll);
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      watcher.close();
      unwatchFile(path, poll);
    },
  };
}
