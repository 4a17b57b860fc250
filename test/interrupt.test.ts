/**
 * Ctrl+C, or a CI job's timeout, in the middle of `npm run build`: the previous site stays as it was, and the build
 * leaves no folder and no process behind (Astro, the search indexer and the Pagefind process it starts).
 * Linux only: it finds the indexer through /proc.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSynthetic } from '../scripts/bench/synthetic.ts';
import { scratchFolders } from '../scripts/build/pagefind.ts';
import { freshOutDir } from './support/build.ts';
import { tempDir } from './support/fixtures.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Process ids of `pid`'s children. */
function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Live processes in the process group `pgid` (the indexer and the Pagefind process it started); zombies are dead. */
function group(pgid: number): string[] {
  let listed = '';
  try {
    listed = execFileSync('ps', ['-o', 'pid=,stat=,comm=', '-g', String(pgid)], { encoding: 'utf8' });
  } catch {
    // ps exits 1 when it lists nothing
  }
  return listed
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^\d+\s+Z/.test(line));
}

describe('an interrupted build', () => {
  it('keeps the previous site and leaves no folder or process behind', { timeout: 120_000 }, async () => {
    const data = tempDir();
    // Invented data, large enough that the indexer's record files exist for a while.
    writeSynthetic(data, {
      name: 'interrupt',
      label: '虚构（中断测试）',
      websites: 300,
      accounts: 3000,
      quarters: 2,
    });
    const out = freshOutDir();
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), '上一次的网站');
    const { BASE_URL, MODE, DEV, PROD, SSR, ...inherited } = process.env;
    const build = spawn(process.execPath, ['scripts/build.ts', '--outDir', out], {
      env: { ...inherited, DATA_DIR: data, ASTRO_CACHE_DIR: join(tempDir('astro-cache-'), 'c') },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => build.on('exit', (code) => resolve(code)));

    // Wait until the indexer has written its record files and Pagefind is reading them: the most to clean up.
    let indexer: number | undefined;
    for (let waited = 0; !indexer && waited < 90_000; waited += 10) {
      indexer = children(build.pid!).find((pid) => group(pid).some((line) => line.includes('pagefind')));
      if (!indexer) await sleep(10);
    }
    expect(indexer, 'Pagefind never started').toBeDefined();

    build.kill('SIGINT');
    expect(await exited).toBe(130);
    await sleep(500);
    expect(scratchFolders(indexer!).filter((folder) => existsSync(folder))).toEqual([]);
    expect(group(indexer!)).toEqual([]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('上一次的网站');
    expect(readdirSync(dirname(out))).toEqual(['dist']); // no temporary build or search index folder
  });
});
