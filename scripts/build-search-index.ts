#!/usr/bin/env node
/**
 * node scripts/build-search-index.ts DATA_DIR OUTPUT_DIR [--all]: validates the data as `npm run validate` does and, when it passes,
 * writes the site's search index (Pagefind bundle) to OUTPUT_DIR. `npm run build` runs it beside Astro.
 * Exit 0 written, 1 data invalid or indexing failed, 2 usage error.
 *
 * Started by scripts/build.ts (with an IPC channel), it sends the validation verdict as soon as it has it, so the
 * build can show the report and stop Astro early, and then indexes at the lowest CPU priority: the index is done
 * well before Astro's pages, and Astro, the longer of the two, should not wait for the processor.
 */
import { setPriority } from 'node:os';
import { loadData } from '../src/node/load.ts';
import { formatReport, passes } from '../src/lib/report.ts';
import { siteRecords } from '../src/lib/search-records.ts';
import { writeSearchIndex } from './build/pagefind.ts';

/** What this process tells scripts/build.ts. */
export type IndexerMessage = { kind: 'validated'; ok: boolean; report: string };

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
  const report = formatReport(data, { all });
  if (process.send) {
    const message: IndexerMessage = { kind: 'validated', ok, report };
    process.send(message);
  } else {
    (ok ? console.log : console.error)(report);
  }
  if (!ok) return 1;

  try {
    setPriority(19); // this thread and Pagefind, which it starts, inherit it
  } catch {
    // Not allowed here: index at normal priority.
  }
  const started = performance.now();
  const count = await writeSearchIndex(siteRecords(data), outputDir);
  console.log(
    `搜索索引：${count} 条记录（通报、网站和账号），用时 ${((performance.now() - started) / 1000).toFixed(1)} 秒`,
  );
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
// The IPC channel would keep the process alive.
process.disconnect?.();
