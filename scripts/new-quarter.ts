#!/usr/bin/env node
/** npm run new-quarter -- 2021-Q1: scaffolds a quarter folder; exit 0 created, 1 folder exists or cannot be written, 2 usage error. */
import { dataDirFromEnv } from '../src/node/data-dir.ts';
import { scaffoldQuarter } from '../src/node/scaffold.ts';

const USAGE = `用法：npm run new-quarter -- 年份-Q季度      例如 npm run new-quarter -- 2021-Q1
  在数据目录（环境变量 DATA_DIR，未设置时为 data）下新建季度文件夹，内含 websites.csv、new-media.csv（只有表头）和 bulletin.mdx（模板）
退出码：0 已新建，1 文件夹已存在或无法写入，2 用法错误`;

function main(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (argv.length !== 1 || argv[0]!.startsWith('-')) {
    console.error(
      `${argv.length === 0 ? '缺少季度名（missing quarter name）' : `不认识的参数：${argv.join(' ')}（unknown argument）`}\n${USAGE}`,
    );
    return 2;
  }
  const dataDir = dataDirFromEnv();
  const result = scaffoldQuarter(dataDir, argv[0]!);
  if (!result.ok) {
    console.error(result.reason === 'usage' ? `${result.message}\n${USAGE}` : result.message);
    return result.reason === 'usage' ? 2 : 1;
  }
  console.log(`已新建 ${result.dir}：
${result.files.map((f) => `  ${f}`).join('\n')}
下一步：
  1. 把附件1、附件2 从 Excel 另存为 CSV，覆盖 websites.csv 和 new-media.csv（保留表头，列名见 README）；
  2. 在 bulletin.mdx 中把所有“（请填写…）”换成通报内容，核对无误后把 draft: true 改为 false；
  3. 运行 npm run validate，按提示修改，直到显示“校验通过”。
在填好之前，npm run validate 会把还没填的地方逐条列为错误。`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(
    `新建季度时程序内部出错：${error instanceof Error ? error.message : String(error)}（internal error）`,
  );
  process.exitCode = 1;
}
