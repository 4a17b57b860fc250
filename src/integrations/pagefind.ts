/**
 * Builds the Pagefind search index: one record per website and account, added while Astro writes the site,
 * then every page marked `data-pagefind-body` (the bulletins). Any Pagefind error fails the build.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { SEARCH_LANGUAGE, searchRecords } from '../lib/search.ts';
import { paths } from '../site.ts';
import { passes } from '../lib/report.ts';
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

/** Pages that have searchable text of their own (data-pagefind-body); everything else is a custom record. */
const BULLETIN_PAGES = 'bulletins/*/index.html';
const RECORD_BATCH = 256;

interface Started {
  index: pagefind.PagefindIndex;
  records: number;
  started: number;
}

/**
 * Creates the index and adds one record per website and account. Needs only the data, so it runs in the Pagefind process
 * while Astro is still writing pages: on two cores that overlap is most of what indexing costs.
 */
async function startIndex(dataDir: string, logger: AstroIntegrationLogger): Promise<Started> {
  const started = performance.now();
  const { index } = check(await pagefind.createIndex({ forceLanguage: SEARCH_LANGUAGE }), '创建索引', logger);
  if (!index) throw new Error('Pagefind 未返回索引（no index returned）');
  const records = searchRecords(loadedHistory(dataDir), entityUrl);
  // In batches: one record at a time waits on a round trip to the Pagefind process for each of many thousands.
  for (let i = 0; i < records.length; i += RECORD_BATCH) {
    const batch = records.slice(i, i + RECORD_BATCH);
    const responses = await Promise.all(batch.map((record) => index.addCustomRecord(record)));
    responses.forEach((response, j) => check(response, `索引记录 ${batch[j]!.url}`, logger));
  }
  return { index, records: records.length, started };
}

/** Adds the built bulletin pages in `dir` and writes the bundle to `dir/pagefind/`. */
async function finishIndex({ index, records, started }: Started, dir: string, logger: AstroIntegrationLogger): Promise<void> {
  // Only bulletin pages carry data-pagefind-body; reading the thousands of other pages would only cost time.
  const { page_count } = check(await index.addDirectory({ path: dir, glob: BULLETIN_PAGES }), '索引页面', logger);
  check(await index.writeFiles({ outputPath: join(dir, 'pagefind') }), '写出索引', logger);
  logger.info(`已索引 ${page_count} 期通报，加入 ${records} 条网站和账号记录（${Math.round(performance.now() - started)} ms）`);
}

/**
 * Astro integration: starts the index as soon as the build is configured (Pagefind then works in its own process
 * while Vite bundles and Astro writes pages), finishes it on the build output.
 */
export default function searchIndex(options: { dataDir?: string } = {}): AstroIntegration {
  const dataDir = () => options.dataDir ?? currentDataDir();
  let pending: Promise<Started> | undefined;
  const start = (logger: AstroIntegrationLogger) => {
    // Data with errors is refused by the content loader, with the staff's report; nothing to index then.
    if (!passes(loadedData(dataDir()).findings)) return;
    pending ??= startIndex(dataDir(), logger);
    // Reported in astro:build:done; until then a failure must not surface as an unhandled rejection.
    pending.catch(() => undefined);
  };
  return {
    name: 'pagefind-search',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command === 'build') start(logger);
      },
      'astro:build:done': async ({ dir, logger }) => {
        try {
          await finishIndex(await (pending ?? startIndex(dataDir(), logger)), fileURLToPath(dir), logger);
        } catch (cause) {
          throw new Error('搜索索引生成失败，网站未完成构建（Failed to run Pagefind）', { cause });
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
