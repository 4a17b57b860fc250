/**
 * Builds the Pagefind search index after Astro has written the site: every page marked `data-pagefind-body`
 * (the bulletins) plus one record per annex row of every quarter. Any Pagefind error fails the build.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { loadDataDir } from '../lib/load.ts';
import { SEARCH_LANGUAGE, rowAnchor, searchRecords, type SearchRow } from '../lib/search.ts';
import { paths, quarterAnchor } from '../site.ts';

/**
 * Where a search hit on an annex row leads: the website's or account's own page once the build has one,
 * else the row on its bulletin page. The one place to change if search results should link elsewhere.
 * URLs are without the base path: Pagefind's browser side prefixes the folder it is served from.
 */
export function rowUrl(row: SearchRow, pageBuilt: (path: string) => boolean): string {
  const own = row.kind === 'website' ? paths.website(row.record) : paths.account(row.record);
  if (pageBuilt(own)) return `${own}#${quarterAnchor(row.quarter)}`;
  return `${paths.bulletin(row.quarter)}#${rowAnchor(row)}`;
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

/** Pages that have searchable text of their own (data-pagefind-body); everything else is a custom record. */
const BULLETIN_PAGES = 'bulletins/*/index.html';
const RECORD_BATCH = 256;

/** Indexes the built site in `dir` and writes the bundle to `dir/pagefind/`. */
export async function indexSite(dir: string, dataDir: string, logger: AstroIntegrationLogger): Promise<void> {
  const started = performance.now();
  try {
    const { index } = check(await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE }), '创建索引', logger);
    if (!index) throw new Error('Pagefind 未返回索引（no index returned）');
    // Only bulletin pages carry data-pagefind-body; reading the thousands of other pages would only cost time.
    const { page_count } = check(await index.addDirectory({ path: dir, glob: BULLETIN_PAGES }), '索引页面', logger);

    const { quarters } = loadDataDir(dataDir);
    const built = new Map<string, boolean>();
    const pageBuilt = (path: string) => {
      if (!built.has(path)) built.set(path, existsSync(join(dir, path, 'index.html')));
      return built.get(path)!;
    };
    const records = searchRecords(quarters.filter((q) => q.published), (row) => rowUrl(row, pageBuilt));
    // In batches: one record at a time waits on a round trip to the Pagefind process for each of many thousands.
    for (let i = 0; i < records.length; i += RECORD_BATCH) {
      const batch = records.slice(i, i + RECORD_BATCH);
      const responses = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
      responses.forEach((response, j) => check(response, `索引记录 ${batch[j]!.url}`, logger));
    }

    check(await index.writeFiles({ outputPath: join(dir, 'pagefind') }), '写出索引', logger);
    logger.info(`已索引 ${page_count} 期通报，加入 ${records.length} 条网站和账号记录（${Math.round(performance.now() - started)} ms）`);
  } catch (cause) {
    throw new Error('搜索索引生成失败，网站未完成构建（Failed to run Pagefind）', { cause });
  } finally {
    await pagefind.close();
  }
}

/** Astro integration: runs `indexSite` on the build output. */
export default function searchIndex(options: { dataDir?: string } = {}): AstroIntegration {
  return {
    name: 'pagefind-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await indexSite(fileURLToPath(dir), options.dataDir ?? process.env.DATA_DIR ?? 'data', logger);
      },
    },
  };
}
