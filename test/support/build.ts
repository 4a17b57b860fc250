/** Builds a whole site from a data folder, as `npm run build` does. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './fixtures.ts';

const BUILDS = join(process.cwd(), '.tmp', 'builds');

/**
 * A new output folder inside the project: Astro puts its intermediate server build next to outDir when outDir is
 * under the working directory, and otherwise in a shared ./.astro/, where parallel builds would overwrite each other.
 */
export function freshOutDir(): string {
  mkdirSync(BUILDS, { recursive: true });
  return join(mkdtempSync(join(BUILDS, 'site-')), 'dist');
}

/** Runs the production build (validation, then Astro) for `dataDir` into a fresh folder; `args` are more arguments to it. */
export function buildSite(
  dataDir: string,
  env: Record<string, string> = {},
  out = freshOutDir(),
  args: string[] = [],
) {
  // Vitest puts Vite's BASE_URL/MODE/DEV/PROD/SSR into process.env; passed on, they override the build's own
  // (a BASE_PATH build would link to `/` instead of its sub-path).
  const { BASE_URL, MODE, DEV, PROD, SSR, ...inherited } = process.env;
  const r = spawnSync('npm', ['run', 'build', '--', '--outDir', out, ...args], {
    encoding: 'utf8',
    env: { ...inherited, DATA_DIR: dataDir, ASTRO_CACHE_DIR: join(tempDir('astro-cache-'), 'c'), ...env },
  });
  return {
    out,
    code: r.status,
    log: r.stdout + r.stderr,
    page: (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8'),
  };
}
