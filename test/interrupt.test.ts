/**
 * Ctrl+C, or a CI job's timeout, in the middle of `npm run build`: the previous site stays as it was, and the build
 * leaves no folder and no process behind (Astro, the search pages it wrote, and the Pagefind process the build starts
 * once Astro is done). Linux only: it finds Pagefind through /proc.
 */
import { spawn } from 'node:child_process';
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

/** Whether `pid` is a live process (a zombie is dead). */
function alive(pid: number): boolean {
  try {
    return !/^\S+ \S+ Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/\(.*\)/, 'x'));
  } catch {
    return false;
  }
}

/** The command name of `pid` (`pagefind_extended`), or '' when it is gone. */
function comm(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
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

    // Wait until Astro has written the search pages and Pagefind is reading them: the most to clean up.
    let pagefind: number | undefined;
    for (let waited = 0; !pagefind && waited < 90_000; waited += 10) {
      pagefind = children(build.pid!).find((pid) => comm(pid).startsWith('pagefind'));
      if (!pagefind) await sleep(10);
    }
    expect(pagefind, 'Pagefind never started').toBeDefined();

    build.kill('SIGINT');
    expect(await exited).toBe(130);
    await sleep(500);
    expect(scratchFolders(build.pid!).filter((folder) => existsSync(folder))).toEqual([]);
    expect(alive(pagefind!), 'Pagefind still running').toBe(false);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('上一次的网站');
    expect(readdirSync(dirname(out))).toEqual(['dist']); // no temporary build or search index folder
  });
});
