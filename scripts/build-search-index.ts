#!/usr/bin/env node
/**
 * node scripts/build-search-index.ts DATA_DIR OUTPUT_DIR [--all]: validates the data as `npm run validate` does and, when it passes,
 * writes the site's search index (Pagefind bundle) to OUTPUT_DIR, without building pages: to try the index alone.
 * `npm run build` writes the same index inside Astro, from the data it has read (src/integrations/search-index.ts).
 * Exit 0 written, 1 data invalid or indexing failed, 2 usage error.
 */
import { indexedLine } from '../src/node/build-channel.ts';
import { loadData } from '../src/node/load.ts';
import { formatReport, passes } from '../src/lib/report.ts';
import { siteRecords } from '../src/lib/search-records.ts';
import { writeSearchIndex } from './build/pagefind.ts';

async function main(argv: string[]): Promise<number> {
  const all = argv.includes('--all'); // the report lists acknowledged warnings too
  const [dataDir, outputDir, ...rest] = argv.filter((a) => a !== '--all');
  if (!dataDir || !outputDir || rest.length > 0) {
    console.error(
      '用法：node scripts/build-search-index.ts 数据目录 输出目录 [--all]（usage）\n退出码：0 成功，1 数据有错误或索引失败，2 用法错误',
    );
    return 2;
  }
  const data = loadData(dataDir);
  const ok = passes(data.findings);
  (ok ? console.log : console.error)(formatReport(data, { all }));
  if (!ok) return 1;
  const started = performance.now();
  const count = await writeSearchIndex(siteRecords(data), outputDir);
  console.log(indexedLine(count, (performance.now() - started) / 1000));
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(
    `搜索索引生成失败：${error instanceof Error ? error.message : String(error)}（search index failed）`,
  );
  process.exitCode = 1;
}
