/** `npm run new-quarter`: writes a new quarter folder from the template (src/lib/scaffold.ts). */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseQuarterId } from '../lib/quarter.ts';
import { quarterTemplate } from '../lib/scaffold.ts';

export type ScaffoldResult =
  | { ok: true; dir: string; files: string[] }
  /** `usage`: the name is not a quarter; `exists`/`io`: the folder cannot be created. */
  | { ok: false; reason: 'usage' | 'exists' | 'io'; message: string };

/** Creates `<dataDir>/<name>/` with the template; refuses a malformed name or an existing folder. */
export function scaffoldQuarter(dataDir: string, name: string): ScaffoldResult {
  const id = parseQuarterId(name);
  if (!id) {
    const loose = /^(\d{4})\s*[-_ ]?\s*[Qq]\s*([1-4])$/.exec(name);
    const hint = loose ? `；是不是“${loose[1]}-Q${loose[2]}”？` : '';
    return {
      ok: false,
      reason: 'usage',
      message: `“${name}”不是有效的季度名：应为“年份-Q季度”，如 2021-Q1${hint}（invalid quarter name）`,
    };
  }
  const dir = join(dataDir, name);
  if (existsSync(dir)) {
    return {
      ok: false,
      reason: 'exists',
      message: `${dir} 已经存在，没有改动任何文件；如要重新开始，请先删除或改名这个文件夹（quarter folder exists）`,
    };
  }
  const files = quarterTemplate(id);
  try {
    mkdirSync(dir, { recursive: true });
    for (const [file, content] of Object.entries(files))
      writeFileSync(join(dir, file), content, { flag: 'wx' });
  } catch (error) {
    return {
      ok: false,
      reason: 'io',
      message: `无法创建 ${dir}：${error instanceof Error ? error.message : String(error)}（cannot write）`,
    };
  }
  return { ok: true, dir, files: Object.keys(files).map((f) => join(dir, f)) };
}
