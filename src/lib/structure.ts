/**
 * Rows that are not data but what Excel, Word and PDF leave in a table: a 合计/总计/小计 row, a header repeated where
 * the table crossed a page, blank cells below a merged cell. Each is recognised here so that validation names it once,
 * at its cause, instead of reporting every cell of the row.
 */
import type { ColumnDef } from './columns.ts';
import type { Finding } from './findings.ts';
import { cleanCell, mayNeedCleaning, normalizeHeader, parseNumber, splitScoreCell } from './normalize.ts';
import { round2 } from './score.ts';

/** Header match ignores punctuation inside the name: `安全泄密事故等严重问题` is the flag column too. */
export const headerForm = (name: string) => name.replace(/[、，,（）()]/g, '');

/**
 * A row whose first non-empty cell and most other non-empty cells are column names of the table: the header copied
 * again where the table crossed a PDF or Word page. `names` holds the accepted header names in headerForm.
 */
export function isRepeatedHeader(cells: readonly string[], names: ReadonlySet<string>): boolean {
  let filled = 0;
  let matching = 0;
  for (const cell of cells) {
    // Most first cells are numbers, which neither conversion changes.
    const form = mayNeedCleaning(cell) ? headerForm(normalizeHeader(cell)) : cell;
    if (form === '') continue;
    filled++;
    if (names.has(form)) matching++;
    // Every data row stops here, after one cell: its first cell is a value, not a column name.
    else if (filled === 1) return false;
  }
  return matching >= 2 && matching * 2 >= filled;
}

/** `合计`, `总 计`, `小计：`, `合计（28个）` in one of the first two cells: a totals row. */
const TOTALS = /^(合计|总计|小计|共计)(?:[:：(（\d].*)?$/;

/** The totals word a row starts with (`合计`, `总计`, `小计`, `共计`), or undefined for an ordinary row. */
export function totalsLabel(cells: readonly string[]): string | undefined {
  for (let i = 0; i < 2 && i < cells.length; i++) {
    const cell = cells[i]!;
    if (!cell.includes('计')) continue;
    const match = TOTALS.exec(normalizeHeader(cell));
    if (match) return match[1];
  }
  return undefined;
}

/** `第 3–5、8 行`: lines as runs of consecutive data rows; at most `limit` runs, then `等`. */
export function describeRuns(runs: readonly { from: number; to: number }[], limit = 8): string {
  const shown = runs.slice(0, limit).map((r) => (r.from === r.to ? String(r.from) : `${r.from}–${r.to}`));
  return `第 ${shown.join('、')} 行${runs.length > limit ? `等 ${runs.length} 处` : ''}`;
}

/** Merged-cell notices, one per column: which blank rows were filled and from where. */
export function fillDownNotice(
  column: ColumnDef,
  runs: readonly { from: number; to: number }[],
  file: string,
): Finding {
  return {
    severity: 'notice',
    file,
    line: runs[0]!.from,
    column: column.name,
    message: `${describeRuns(runs)}为空，已按 Excel 合并单元格读取：沿用上面最近一行的${column.name}`,
    gloss: 'merged cells filled down',
  };
}

export type CellValue = string | number | boolean;

/** A totals row's figure that can be checked: a number in a score column, a count in a 是/否 column. */
interface Check {
  name: string;
  written: number;
  sum: number;
}

const formatNumber = (n: number) => String(round2(n));

/**
 * Checks a totals row against the data rows it closes. `rows` are the values of those rows (undefined for a row that
 * had errors: then the sums are not known and nothing is checked). Returns one finding: a notice when the row is
 * skipped, an error when its figures are not the sums of the rows.
 */
export function checkTotalsRow(
  label: string,
  line: number,
  cells: readonly string[],
  columns: ReadonlyMap<number, ColumnDef>,
  combinedScore: number | undefined,
  rows: readonly (Record<string, CellValue | null> | undefined)[],
  file: string,
): Finding {
  const base = { file, line };
  const known = rows.length > 0 && rows.every((r) => r !== undefined);
  const checks: Check[] = [];
  if (known) {
    const sum = (key: string) =>
      rows.reduce((s, r) => s + (typeof r![key] === 'number' ? (r![key] as number) : 0), 0);
    const count = (key: string) => rows.filter((r) => r![key] === true).length;
    for (const [index, column] of columns) {
      if (column.key === 'seq') continue;
      const written = parseNumber(cleanCell(cells[index] ?? ''));
      if (written === undefined) continue;
      if (column.type === 'number' || column.type === 'integer')
        checks.push({ name: column.name, written, sum: sum(column.key) });
      else if (column.type === 'flag') checks.push({ name: column.name, written, sum: count(column.key) });
    }
    if (combinedScore !== undefined) {
      const parts = splitScoreCell(cleanCell(cells[combinedScore] ?? ''));
      for (const [key, name] of [
        ['bonus', '加分'],
        ['deduction', '扣分'],
        ['total', '总分'],
      ] as const) {
        const written = parts ? parseNumber(parts[key]) : undefined;
        if (written !== undefined) checks.push({ name, written, sum: sum(key) });
      }
    }
  }
  const what = `${label}行（${label === '小计' ? '上一个小计之后' : '上面'}共 ${rows.length} 行）`;
  const wrong = checks.filter((c) => Math.abs(c.written - c.sum) > 0.005);
  if (wrong.length > 0) {
    const detail = wrong
      .map((c) => `${c.name}写的是 ${formatNumber(c.written)}，各行${c.name}之和为 ${formatNumber(c.sum)}`)
      .join('；');
    return {
      ...base,
      severity: 'error',
      message: `这是${what}，它的数字与各行之和不符：${detail}。合计由网站自动计算，请删除这一行，或改正其中的数字`,
      gloss: 'totals row does not match the sum of the rows',
    };
  }
  const checked =
    checks.length > 0 ? `；其中的${checks.map((c) => `“${c.name}”`).join('')}与各行之和相符` : '';
  return {
    ...base,
    severity: 'notice',
    message: `这是${what}，已跳过，不作为数据发布（合计由网站自动计算）${checked}`,
    gloss: checks.length > 0 ? 'totals row skipped after checking its sums' : 'totals row skipped',
  };
}
