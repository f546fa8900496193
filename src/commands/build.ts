// `nahr build --out DIR`: the static site from what the store holds now.
import { loadConfig } from '../config/load.js';
import type { Log } from '../log.js';
import { createPublisher } from '../publish/feeds.js';
import { exportStatic } from '../publish/static-export.js';
import { openForReading } from './stories.js';

export async function runBuild(cmd: { configFile: string; dataDir: string; outDir: string; out: (line: string) => void; log: Log }): Promise<void> {
  const config = await loadConfig(cmd.configFile);
  const store = await openForReading(config, cmd.dataDir, cmd.log);
  try {
    const result = await exportStatic(createPublisher(config, store), config, cmd.outDir);
    const { stories } = await store.stats(new Date().toISOString());
    cmd.out(`${cmd.outDir}: ${result.files} files (${result.written} written), ${result.removed} stale removed (${stories} stories)`);
  } finally {
    await store.close();
  }
}
