/**
 * Writes the site's Pagefind bundle from the data alone: one record per bulletin, website and account
 * (src/lib/search.ts). `npm run build` runs it in a process of its own beside Astro (scripts/search-index.ts), so the
 * index is built while Astro writes pages, and moves it into the built site at the end.
 *
 * Pagefind reads the records as tiny HTML pages from a scratch folder (in memory where the machine has /dev/shm)
 * through its directory walk, not through `addCustomRecord`: Pagefind 1.6 compares each custom record's URL with every
 * record added before it, so 186,000 records took 88 s to add, against 13 s for the walk (BENCHMARKS.md).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { paths } from '../site.ts';
import { buildHistory } from './history.ts';
import type { LoadResult } from './load.ts';
import { SEARCH_LANGUAGE, bulletinRecord, recordHtml, searchRecords, type SearchRecord } from './search.ts';

/**
 * Where a search hit on a website or account leads: its own page, with every quarter it was inspected in.
 * The one place to change if search results should link elsewhere.
 * URLs are without the base path: Pagefind's browser side prefixes the folder it is served from.
 */
export function entityUrl(entity: { kind: 'website' | 'account'; key: string }): string {
  return entity.kind === 'website' ? paths.website(entity) : paths.account(entity);
}

/** Every record of the site: the published bulletins, then each website and account. */
export function siteRecords(data: LoadResult): SearchRecord[] {
  const bulletins = data.quarters.filter((q) => q.published).map((q) => bulletinRecord(q, paths.bulletin(q)));
  return [...bulletins, ...searchRecords(buildHistory(data.quarters), entityUrl)];
}

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

/** In memory where there is /dev/shm, else the system's temporary folder. */
const SCRATCH_BASE = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const SCRATCH_PREFIX = 'search-records-';

/**
 * The scratch folder of the indexing process `pid`. Named by process so that scripts/build.ts can remove it when it
 * stops an indexer, and an indexer can remove those of killed ones.
 */
export const scratchFolder = (pid: number): string => join(SCRATCH_BASE, `${SCRATCH_PREFIX}${pid}`);

/** Whether a process is still running (the scratch folder of a running indexer must be left alone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes scratch folders that killed indexers left behind. */
function removeStaleScratch(): void {
  for (const name of readdirSync(SCRATCH_BASE)) {
    const pid = name.startsWith(SCRATCH_PREFIX) ? Number(name.slice(SCRATCH_PREFIX.length)) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !alive(pid)) rmSync(join(SCRATCH_BASE, name), { recursive: true, force: true });
  }
}

/**
 * Indexes `records` and writes the Pagefind bundle to `outputPath` (replacing what is there).
 * Returns how many pages Pagefind indexed, which is the number of records.
 */
export async function writeSearchIndex(records: readonly SearchRecord[], outputPath: string): Promise<number> {
  removeStaleScratch();
  const scratch = scratchFolder(process.pid);
  rmSync(scratch, { recursive: true, force: true });
  try {
    for (const record of records) {
      const file = join(scratch, recordPath(record.url));
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, recordHtml(record));
    }
    const { index } = check(await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE }), '创建索引');
    if (!index) throw new Error('Pagefind 未返回索引（no index returned）');
    const added = check(await index.addDirectory({ path: scratch }), '读入记录');
    rmSync(scratch, { recursive: true, force: true });
    if (added.page_count !== records.length) {
      throw new Error(`搜索索引只收入了 ${added.page_count} 条记录，应为 ${records.length} 条（Pagefind indexed too few records）`);
    }
    rmSync(outputPath, { recursive: true, force: true });
    check(await index.writeFiles({ outputPath }), '写出索引');
    return added.page_count;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await pagefind.close();
  }
}
