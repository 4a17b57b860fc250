/**
 * Writes the site's Pagefind bundle from the data alone: one record per bulletin, website and account
 * (src/lib/search-records.ts), several records to a Pagefind page at large scales (`searchPages`). In two steps, so
 * that Pagefind never holds its memory while Astro holds its own: `npm run build` writes the pages at the start of the
 * Astro build (src/integrations/search-index.ts, from the dataset Astro has read) and indexes them after Astro has
 * exited (scripts/build.ts); scripts/build-search-index.ts does both at once. Processes, scratch folders and
 * Pagefind live here, beside the build scripts, not in src/lib.
 *
 * Pagefind reads the pages as tiny HTML files from a scratch folder (in memory where /dev/shm has room)
 * through its directory walk, not through `addCustomRecord`: Pagefind 1.6 compares each custom record's URL with every
 * record added before it, so 186,000 records took 88 s to add, against 13 s for the walk (BENCHMARKS.md).
 */
import { mkdirSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { WrittenPages } from '../../src/node/build-channel.ts';
import { SEARCH_LANGUAGE, pageHtml, searchPages, type SearchRecord } from '../../src/lib/search-records.ts';

/**
 * The file Pagefind turns back into `url`: `/accounts/x/` is read from `accounts/x/index.html`.
 * Site URLs are ASCII slugs; anything else is refused rather than indexed under a URL that differs from the page's.
 */
export function recordPath(url: string): string {
  if (!/^\/(?:[A-Za-z0-9._~-]+\/)*$/.test(url) || url.includes('/../') || url.includes('/./')) {
    throw new Error(`搜索记录的网址无法作为文件路径：${url}（unsupported record URL）`);
  }
  return `${url.slice(1)}index.html`;
}

interface PagefindResponse {
  errors: string[];
}

/** Throws when Pagefind reports errors: a failed index is a failed build. */
function check<T extends PagefindResponse>(response: T, step: string): T {
  if (response.errors.length > 0) {
    throw new Error(`搜索索引生成失败：${step}：${response.errors.join('；')}（Pagefind ${step} failed）`);
  }
  return response;
}

/**
 * Records per Pagefind page, instead of what their number calls for (src/lib/search-records.ts `membersPerPage`): the
 * tests set it so that a small fixture's pages hold several records, as a national dataset's do.
 */
export const PAGE_MEMBERS_ENV = 'SEARCH_PAGE_MEMBERS';

const SCRATCH_PREFIX = 'search-records-';
/** Room a record takes in the scratch folder: a file and a folder, a block each. */
const BYTES_PER_RECORD = 8192;

/** Free bytes on the file system of `dir` (0 when it cannot be read). */
function freeBytes(dir: string): number {
  try {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return 0;
  }
}

/**
 * Where to put `records` record files: in memory (/dev/shm) when it has room for them twice over, else the system's
 * temporary folder. A container's /dev/shm may be as small as 64 MB; the 186,000 records of a national index take 0.7 GB.
 */
export function scratchBase(records: number): string {
  return freeBytes('/dev/shm') > 2 * records * BYTES_PER_RECORD ? '/dev/shm' : tmpdir();
}

const scratchFolder = (base: string, pid: number) => join(base, `${SCRATCH_PREFIX}${pid}`);

/**
 * The scratch folders of the build process `pid` (the one that indexes them: scripts/build.ts, or
 * scripts/build-search-index.ts). Named by process so that a build can remove its own when stopped, and the next one
 * those of killed builds.
 */
export const scratchFolders = (pid: number): string[] =>
  [...new Set(['/dev/shm', tmpdir()])].map((base) => scratchFolder(base, pid));

/** Whether a process is still running (the scratch folder of a running build must be left alone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes scratch folders that killed builds left behind. */
function removeStaleScratch(base: string, owner: number): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(SCRATCH_PREFIX) ? Number(name.slice(SCRATCH_PREFIX.length)) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && pid !== owner && !alive(pid))
      rmSync(join(base, name), { recursive: true, force: true });
  }
}

/**
 * Writes `records` as Pagefind pages of several records each (src/lib/search-records.ts `searchPages`) into the
 * scratch folder of the build process `owner`, replacing what is there. The records and pages are let go when it
 * returns: only the files stay, for Pagefind.
 */
export function writeSearchPages(records: readonly SearchRecord[], owner = process.pid): WrittenPages {
  const pages = searchPages(records, Number(process.env[PAGE_MEMBERS_ENV]) || undefined);
  const base = scratchBase(records.length);
  removeStaleScratch(base, owner);
  const folder = scratchFolder(base, owner);
  rmSync(folder, { recursive: true, force: true });
  try {
    for (const page of pages) {
      const file = join(folder, recordPath(page.url));
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, pageHtml(page));
    }
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return { folder, pages: pages.length, records: pages.reduce((n, page) => n + page.members.length, 0) };
}

/**
 * Indexes the pages `writeSearchPages` wrote and writes the Pagefind bundle to `outputPath` (replacing what is there);
 * removes the scratch folder either way.
 */
export async function indexSearchPages(written: WrittenPages, outputPath: string): Promise<void> {
  try {
    const { index } = check(await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE }), '创建索引');
    if (!index) throw new Error('Pagefind 未返回索引（no index returned）');
    const added = check(await index.addDirectory({ path: written.folder }), '读入记录');
    // Pagefind has read the files: their memory (/dev/shm) is free before it builds the index.
    rmSync(written.folder, { recursive: true, force: true });
    if (added.page_count !== written.pages) {
      throw new Error(
        `搜索索引只收入了 ${added.page_count} 页，应为 ${written.pages} 页（Pagefind indexed too few pages）`,
      );
    }
    rmSync(outputPath, { recursive: true, force: true });
    check(await index.writeFiles({ outputPath }), '写出索引');
  } finally {
    rmSync(written.folder, { recursive: true, force: true });
    await pagefind.close();
  }
}

/** Stops a Pagefind process `indexSearchPages` started (an interrupted build), without waiting for it. */
export function stopPagefind(): void {
  void pagefind.close().catch(() => {});
}

/** Both steps at once: indexes `records` into a Pagefind bundle at `outputPath`; returns how many records it holds. */
export async function writeSearchIndex(
  records: readonly SearchRecord[],
  outputPath: string,
): Promise<number> {
  const written = writeSearchPages(records);
  await indexSearchPages(written, outputPath);
  return written.records;
}
