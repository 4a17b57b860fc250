#!/usr/bin/env node
/** npm run validate [-- DIR] [--strict] [--all]: checks every quarter; exit 0 valid, 1 invalid, 2 usage error. */
import { enableCompileCache } from 'node:module';

// Stripping the types of the ~30 modules below takes about half of start-up; Node's compile cache keeps the result
// (in the system's temporary folder) for the next run. Set before they load, hence the dynamic imports.
enableCompileCache();
const { dataDirFromEnv } = await import('../src/node/data-dir.ts');
const { loadData } = await import('../src/node/load.ts');
const { formatReport, passes } = await import('../src/lib/report.ts');

const USAGE = `用法：npm run validate [-- 数据目录] [--strict] [--all]
  数据目录   默认为环境变量 DATA_DIR，未设置时为 data
  --strict   警告也视为错误（已确认的警告除外）
  --all      也列出已确认的警告（bulletin.mdx 中 acknowledged: 所列）
退出码：0 通过，1 数据有错误，2 用法错误`;

function main(argv: string[]): number {
  const flags = argv.filter((a) => a.startsWith('-'));
  const dirs = argv.filter((a) => !a.startsWith('-'));
  if (flags.includes('--help') || flags.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = flags.filter((f) => f !== '--strict' && f !== '--all');
  if (unknown.length > 0 || dirs.length > 1) {
    console.error(`不认识的参数：${[...unknown, ...dirs.slice(1)].join(' ')}（unknown argument）\n${USAGE}`);
    return 2;
  }
  const dir = dirs[0] ?? dataDirFromEnv();
  const result = loadData(dir);
  const options = { strict: flags.includes('--strict'), all: flags.includes('--all') };
  const ok = passes(result.findings, options);
  (ok ? console.log : console.error)(formatReport(result, options));
  return ok ? 0 : 1;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // Never a stack trace for staff: one line they can pass on.
  console.error(
    `校验程序内部出错：${error instanceof Error ? error.message : String(error)}（internal error）`,
  );
  process.exitCode = 1;
}
