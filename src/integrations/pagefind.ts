/**
 * Builds the Pagefind search index from the data alone: one record per bulletin, website and account
 * (src/lib/search.ts). Records are added and the index is written to a staging folder while Astro is still writing
 * pages (Pagefind runs in its own process, on the other core); when the build is done the folder is moved into
 * place. Any Pagefind error fails the build.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { cpSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { passes } from '../lib/report.ts';
import { SEARCH_LANGUAGE, bulletinRecord, searchRecords, type SearchRecord } from '../lib/search.ts';
import { paths } from '../site.ts';
import { dataDir as currentDataDir, loadedData, loadedHistory } from '../utils/dataset.ts';

/**
 * Where a search hit on a website or account leads: its own page, with every quarter it was inspected in.
 * The one place to change if search results should link elsewhere.
 * URLs are without the base path: Pagefind's browser side prefixes the folder it is served from.
 */
export function entityUrl(entity: { kind: 'website' | 'account'; key: string }): string {
  return entity.kind === 'website' ? paths.website(entity) : paths.account(entity);
}

interface PagefindResponse {
  errors: string[];
}

/** Logs and throws when Pagefind reports errors, as a failed index is a failed build. */
function check<T extends PagefindResponse>(response: T, step: string, logger: AstroIntegrationLogger): T {
  if (response.errors.length > 0) {
    for (const error of response.errors) logger.error(`Pagefind（${step}）：${error}`);
    throw new Error(`搜索索引生成失败：${step}（Pagefind ${step} failed）`);
  }
  return response;
}

const RECORD_BATCH = 256;

/** Every record of the site: the published bulletins, then each website and account. */
export function siteRecords(dataDir: string): SearchRecord[] {
  const bulletins = loadedData(dataDir).quarters.filter((q) => q.published).map((q) => bulletinRecord(q, paths.bulletin(q)));
  return [...bulletins, ...searchRecords(loadedHistory(dataDir), entityUrl)];
}

/** Creates the index, adds every record and writes the bundle to `staging`; returns how many records it holds. */
async function writeIndex(dataDir: string, staging: string, logger: AstroIntegrationLogger): Promise<number> {
  const started = performance.now();
  const { index } = check(await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE }), '创建索引', logger);
  if (!index) throw new Error('Pagefind 未返回索引（no index returned）');
  const records = siteRecords(dataDir);
  // In batches: one record at a time waits on a round trip to the Pagefind process for each of many thousands.
  for (let i = 0; i < records.length; i += RECORD_BATCH) {
    const batch = records.slice(i, i + RECORD_BATCH);
    const responses = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
    responses.forEach((response, j) => check(response, `索引记录 ${batch[j]!.url}`, logger));
  }
  rmSync(staging, { recursive: true, force: true });
  check(await index.writeFiles({ outputPath: staging }), '写出索引', logger);
  logger.info(`搜索索引：${records.length} 条记录（通报、网站和账号），${Math.round(performance.now() - started)} ms`);
  return records.length;
}

/** Moves the written index into the built site (a copy when the two are on different file systems). */
function moveInto(staging: string, target: string): void {
  rmSync(target, { recursive: true, force: true });
  try {
    renameSync(staging, target);
  } catch {
    cpSync(staging, target, { recursive: true });
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Whether a process is still running (a staging folder of a running build must be left alone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes staging folders that killed builds left in the cache folder. */
function removeStale(cacheDir: string): void {
  const names = existsSync(cacheDir) ? readdirSync(cacheDir) : [];
  for (const name of names) {
    const pid = /^pagefind-(\d+)$/.exec(name)?.[1];
    if (pid && !alive(Number(pid))) rmSync(join(cacheDir, name), { recursive: true, force: true });
  }
}

/**
 * Astro integration: starts the index as soon as the build is configured (Pagefind then works while Vite bundles and
 * Astro writes pages), and moves it into the output when the build is done.
 */
export default function searchIndex(options: { dataDir?: string } = {}): AstroIntegration {
  const dataDir = () => options.dataDir ?? currentDataDir();
  let staging = '';
  let pending: Promise<number> | undefined;
  const start = (logger: AstroIntegrationLogger) => {
    // Data with errors is refused by the content loader, with the staff's report; nothing to index then.
    if (pending || !passes(loadedData(dataDir()).findings)) return;
    pending = writeIndex(dataDir(), staging, logger);
    // Reported in astro:build:done; until then a failure must not surface as an unhandled rejection.
    pending.catch(() => undefined);
  };
  const cleanUp = () => staging && existsSync(staging) && rmSync(staging, { recursive: true, force: true });
  return {
    name: 'pagefind-search',
    hooks: {
      'astro:config:setup': ({ command, config, logger }) => {
        if (command !== 'build') return;
        // One folder per build process: parallel builds (tests, benchmark) may share a cache folder.
        removeStale(fileURLToPath(config.cacheDir));
        staging = join(fileURLToPath(config.cacheDir), `pagefind-${process.pid}`);
        process.once('exit', cleanUp); // a build that fails before build:done leaves no staging folder behind
        start(logger);
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          if (!pending) start(logger);
          await pending;
          moveInto(staging, join(fileURLToPath(dir), 'pagefind'));
        } catch (cause) {
          throw new Error('搜索索引生成失败，网站未完成构建（Failed to run Pagefind）', { cause });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
