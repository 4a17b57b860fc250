/** Builds a whole site from a data folder, as `npm run build` does. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './fixtures.ts';

/** Runs the production build (validation, then Astro) for `dataDir` into a fresh folder. */
export function buildSite(dataDir: string, env: Record<string, string> = {}, out = join(tempDir('bulletins-dist-'), 'dist')) {
  const r = spawnSync('npm', ['run', 'build', '--', '--outDir', out], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: dataDir, ASTRO_CACHE_DIR: join(tempDir('astro-cache-'), 'c'), ...env },
  });
  return { out, code: r.status, log: r.stdout + r.stderr, page: (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8') };
}

