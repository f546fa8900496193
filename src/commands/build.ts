// `nahr build --out DIR`: the static site from what the store holds now.
import { loadConfig } from '../config/load.js';
import { createPublisher } from '../publish/feeds.js';
import { exportStatic } from '../publish/static-export.js';
import { readSnapshot } from '../store/snapshot.js';

export async function runBuild(cmd: { configFile: string; dataDir: string; outDir: string; out: (line: string) => void }): Promise<void> {
  const config = await loadConfig(cmd.configFile);
  const store = await readSnapshot(cmd.dataDir);
  const result = await exportStatic(createPublisher(config, store), config, cmd.outDir, store.read().stories);
  cmd.out(`${cmd.outDir}: ${result.files} files (${result.written} written), ${result.removed} stale removed (${store.read().stories.length} stories)`);
}
