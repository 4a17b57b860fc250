/**
 * Parsed table → typed records, with a located finding for everything that is wrong.
 * Every problem is reported, not just the first; records are returned only for clean rows.
 */
import { allowedValues, SUGGESTIONS, type ColumnDef } from './columns.ts';
import type { Finding } from './findings.ts';
import { unitKey } from './keys.ts';
import {
  cleanCell,
  nearest,
  NO_PROBLEMS,
  parseNumber,
  splitProblems,
  splitScoreCell,
  toHalfWidth,
} from './normalize.ts';
import type { ParsedTable, Row } from './parse.ts';
import type { RecordOf, TableDef } from './tables.ts';
import { round2 } from './score.ts';
import {
  checkTotalsRow,
  fillDownNotice,
  headerForm,
  isRepeatedHeader,
  totalsLabel,
  type CellValue,
} from './structure.ts';

const COMBINED_SCORE = '得分情况';
const SCORE_KEYS = ['bonus', 'deduction', 'total'] as const;

interface HeaderMap {
  /** Column index → definition. */
  byIndex: Map<number, ColumnDef>;
  /** Index of the combined 得分情况 column, when the table has one instead of 加分/扣分/总分. */
  combinedScore?: number;
  present: Set<string>;
}

function mapHeader(def: TableDef, parsed: ParsedTable, file: string, findings: Finding[]): HeaderMap {
  const columns = def.columns;
  const byForm = new Map(columns.map((c) => [headerForm(c.name), c]));
  const map: HeaderMap = { byIndex: new Map(), present: new Set() };
  const seenAt = new Map<string, number>();
  const line = parsed.headerLine;
  parsed.header.forEach((name, index) => {
    const raw = cleanCell(parsed.rawHeader[index] ?? '');
    if (name === '') {
      findings.push({
        severity: 'error',
        file,
        line,
        message: `表头第 ${index + 1} 列为空；请填写列名，或删除这一列`,
        gloss: 'empty header cell',
      });
      return;
    }
    const isCombined = def.combinedScore === true && headerForm(name) === COMBINED_SCORE;
    const column = byForm.get(headerForm(name));
    const id = isCombined ? COMBINED_SCORE : column?.key;
    if (id === undefined) {
      const suggestion = nearest(
        name,
        columns.map((c) => c.name),
      );
      findings.push({
        severity: 'error',
        file,
        line,
        column: raw,
        message: `不认识的列名${suggestion ? `；是不是“${suggestion}”？` : ''}。${def.file} 可用的列为：${columns.map((c) => c.name).join('、')}`,
        gloss: 'unknown column',
      });
      return;
    }
    if (seenAt.has(id)) {
      findings.push({
        severity: 'error',
        file,
        line,
        column: raw,
        message: `列名重复：第 ${seenAt.get(id)! + 1} 列和第 ${index + 1} 列都是这一列；请删除其中一列`,
        gloss: 'duplicate column',
      });
      return;
    }
    seenAt.set(id, index);
    if (isCombined) {
      map.combinedScore = index;
      return;
    }
    if (raw !== column!.name) {
      findings.push({
        severity: 'notice',
        file,
        line,
        column: raw,
        message: `已按“${column!.name}”列读取`,
        gloss: 'header normalised',
      });
    }
    map.byIndex.set(index, column!);
    map.present.add(column!.key);
  });
  if (map.combinedScore !== undefined) {
    const clash = SCORE_KEYS.filter((k) => map.present.has(k));
    if (clash.length > 0) {
      findings.push({
        severity: 'error',
        file,
        line,
        column: COMBINED_SCORE,
        message: '表中既有“得分情况”列，又有单独的加分、扣分或总分列；请只保留一种写法',
        gloss: 'combined and separate score columns',
      });
    } else {
      for (const k of SCORE_KEYS) map.present.add(k);
      findings.push({
        severity: 'notice',
        file,
        line,
        column: COMBINED_SCORE,
        message: '已将“得分情况”拆分为加分、扣分、总分三列',
        gloss: 'combined score cell split',
      });
    }
  }
  for (const column of columns) {
    if (column.required && !map.present.has(column.key)) {
      findings.push({
        severity: 'error',
        file,
        line,
        column: column.name,
        message: `缺少必填列“${column.name}”；请在表头加上这一列`,
        gloss: `missing required column ${column.gloss}`,
      });
    }
  }
  return map;
}

/** A column's `pattern` compiled once, not once per cell. */
const patterns = new Map<string, RegExp>();
const patternOf = (column: ColumnDef) => {
  const source = column.pattern ?? '';
  let pattern = patterns.get(source);
  if (!pattern) patterns.set(source, (pattern = new RegExp(source)));
  return pattern;
};

/** Where the cells being read are, and where their findings go: one per row. */
interface CellAt {
  file: string;
  line: number;
  findings: Finding[];
}

/** A cell's error finding; undefined, what readCell returns for a refused cell. */
function cellError(at: CellAt, column: ColumnDef, value: string, message: string, gloss: string): undefined {
  at.findings.push({
    severity: 'error',
    file: at.file,
    line: at.line,
    column: column.name,
    value,
    message,
    gloss,
  });
  return undefined;
}

/** Converts one cell, trimmed (cleanCell); pushes a finding and returns undefined when the value is not acceptable. */
function readCell(column: ColumnDef, value: string, at: CellAt): CellValue | undefined | null {
  if (column.type === 'text' && value !== '') return value;
  if (value === '') {
    if (column.required && !column.allowEmpty)
      return cellError(at, column, value, '必填，不能为空', `required ${column.gloss} is empty`);
    return column.blank ?? null;
  }
  const allowed = allowedValues(column);
  if (allowed) {
    if (allowed.includes(value)) return column.type === 'flag' ? value === '是' : value;
    const suggestion = SUGGESTIONS[column.type][value] ?? nearest(value, allowed);
    return cellError(
      at,
      column,
      value,
      `${suggestion ? `应为“${suggestion}”？` : ''}可填：${allowed.join('、')}`,
      `not an allowed ${column.gloss}`,
    );
  }
  if (column.type === 'integer' || column.type === 'number') {
    const n = parseNumber(value);
    if (n === undefined)
      return cellError(
        at,
        column,
        value,
        '应为数字（可含小数点，如 9.5）',
        `${column.gloss} is not a number`,
      );
    if (column.type === 'integer' && !Number.isInteger(n))
      return cellError(at, column, value, '应为整数', `${column.gloss} must be a whole number`);
    // Bulletins print at most two decimals. Refusing more here means the value read is the value published: page,
    // CSV and JSON print the same number, and nothing downstream rounds a cell.
    if (round2(n) !== n) {
      return cellError(
        at,
        column,
        value,
        '最多两位小数（通报中的分数至多两位小数）；请核对后改为两位小数',
        `${column.gloss} has more than two decimals`,
      );
    }
    if ((column.min !== undefined && n < column.min) || (column.max !== undefined && n > column.max)) {
      const range =
        column.max === undefined ? `不小于 ${column.min}` : `在 ${column.min} 到 ${column.max} 之间`;
      return cellError(at, column, value, `应${range}`, `${column.gloss} out of range`);
    }
    return n;
  }
  if (column.type === 'siteCode') {
    const code = toHalfWidth(value).toUpperCase();
    if (!patternOf(column).test(code))
      return cellError(
        at,
        column,
        value,
        '网站标识码应为 10 位数字或字母',
        'site code must be 10 characters',
      );
    return code;
  }
  if (column.type === 'url') {
    if (/^https?:\/\/[^\s<>"]+$/i.test(value)) return value;
    const fix = /^[\w.-]+\.[a-z]{2,}(\/\S*)?$/i.test(value) ? `；是不是“http://${value}”？` : '';
    return cellError(
      at,
      column,
      value,
      `网址应以 http:// 或 https:// 开头，且不含空格、引号或尖括号${fix}`,
      'URL must start with http:// or https://',
    );
  }
  return value;
}

function checkCellCount(row: Row, width: number, file: string, findings: Finding[]): void {
  if (row.cells.length === width) return;
  const extra = row.cells.slice(width).filter((c) => cleanCell(c) !== '');
  if (extra.length > 0) {
    findings.push({
      severity: 'error',
      file,
      line: row.line,
      message: `本行有 ${width + row.cells.slice(width).length} 个单元格，比表头（${width} 列）多；常见原因是某个单元格里有英文逗号却没有加引号，可改用中文逗号“，”`,
      gloss: 'more cells than header columns',
    });
  } else if (row.cells.length < width) {
    findings.push({
      severity: 'error',
      file,
      line: row.line,
      message: `本行只有 ${row.cells.length} 个单元格，表头有 ${width} 列；请补齐缺少的单元格`,
      gloss: 'fewer cells than header columns',
    });
  }
}

/** The line `key` was first seen on, or undefined when it is new (and is now seen at `line`). */
function seenBefore<K>(seen: Map<K, number>, key: K, line: number): number | undefined {
  const first = seen.get(key);
  if (first === undefined) seen.set(key, line);
  return first;
}

function duplicateFinding(
  file: string,
  line: number,
  first: number,
  label: { column: string; value: string; what: string },
): Finding {
  return {
    severity: 'error',
    file,
    line,
    column: label.column,
    value: label.value,
    message: `与第 ${first} 行重复：同一季度${label.what}只能出现一次`,
    gloss: `duplicate ${label.column}`,
  };
}

export interface TableResult<T> {
  records: T[];
  findings: Finding[];
  /** The columns the table has, in definition order, so pages and downloads show exactly the published columns. */
  columns: ColumnDef[];
}

const hasErrorSince = (findings: Finding[], start: number) => {
  for (let i = start; i < findings.length; i++) if (findings[i]!.severity === 'error') return true;
  return false;
};

interface ReadRows {
  rows: { line: number; values: Record<string, CellValue> }[];
  findings: Finding[];
  columns: ColumnDef[];
  /** Checks the totals rows against the rows they close; called once the records are checked, so rows with errors are left out. */
  checkTotals: () => void;
}

function readRows(def: TableDef, parsed: ParsedTable, file: string): ReadRows {
  const findings: Finding[] = [...parsed.findings];
  if (parsed.header.length === 0) {
    findings.push({
      severity: 'error',
      file,
      message: '文件没有表头和数据；第 1 行应为表头',
      gloss: 'no header row',
    });
    return { rows: [], findings, columns: [], checkTotals: () => {} };
  }
  const header = mapHeader(def, parsed, file, findings);
  // With a missing or unknown column no row is complete; cells are still checked so every problem shows at once.
  const headerOk = findings.every((f) => f.severity !== 'error');
  const width = parsed.header.length;
  const scoreColumns = Object.fromEntries(
    def.columns.filter((c) => (SCORE_KEYS as readonly string[]).includes(c.key)).map((c) => [c.key, c]),
  );
  const rows: { line: number; values: Record<string, CellValue> }[] = [];
  let fullWidth = 0;
  let padded = 0;
  const headerNames = new Set([
    ...def.columns.map((c) => headerForm(c.name)),
    ...(def.combinedScore ? [COMBINED_SCORE] : []),
  ]);
  /** Every data row, with its values (undefined when it had an error); a totals row checks its sums against them. */
  const dataRows: { line: number; values?: Record<string, CellValue> }[] = [];
  const totalsRows: { label: string; line: number; cells: string[]; from: number; to: number }[] = [];
  let subtotalFrom = 0;
  /** Merged cells: the last value seen in each fill-down column, and the runs of blank rows filled from it. */
  const fillDown: readonly string[] = def.fillDown;
  const fillColumns = [...header.byIndex].filter(([, c]) => fillDown.includes(c.key));
  const lastValue = new Map<string, string>();
  const filledRuns = new Map<string, { from: number; to: number }[]>();
  let previousLine: number | undefined;
  /** Where each row's cells are and where their findings go; readCell copies what it needs into a finding. */
  const at: CellAt = { file, line: 0, findings };
  const columnIndexes = [...header.byIndex.keys()];
  const columnDefs = [...header.byIndex.values()];
  for (const row of parsed.rows) {
    // A header repeated where the table crossed a page, or a 合计 row, is one finding, not one per cell.
    if (isRepeatedHeader(row.cells, headerNames)) {
      findings.push({
        severity: 'error',
        file,
        line: row.line,
        message: '重复的表头行，请删除这一行：表格跨页复制时会把表头也带进来',
        gloss: 'repeated header row',
      });
      lastValue.clear();
      continue;
    }
    const totals = totalsLabel(row.cells);
    if (totals !== undefined) {
      totalsRows.push({
        label: totals,
        line: row.line,
        cells: row.cells,
        from: totals === '小计' ? subtotalFrom : 0,
        to: dataRows.length,
      });
      subtotalFrom = dataRows.length;
      lastValue.clear();
      continue;
    }
    const before = findings.length;
    checkCellCount(row, width, file, findings);
    let cells = row.cells;
    for (const [index, column] of fillColumns) {
      const value = cleanCell(cells[index] ?? '');
      const above = lastValue.get(column.key);
      if (value !== '') lastValue.set(column.key, value);
      else if (above !== undefined) {
        // Excel exports a merged cell as its value on the first row and blanks below.
        if (cells === row.cells) cells = [...row.cells];
        cells[index] = above;
        const runs = filledRuns.get(column.key) ?? [];
        const last = runs[runs.length - 1];
        if (last && last.to === previousLine) last.to = row.line;
        else runs.push({ from: row.line, to: row.line });
        filledRuns.set(column.key, runs);
      }
    }
    previousLine = row.line;
    // Empty optional cells (null) are left out: the record has no such field.
    const values: Record<string, CellValue> = {};
    at.line = row.line;
    for (let c = 0; c < columnIndexes.length; c++) {
      const column = columnDefs[c]!;
      const raw = cells[columnIndexes[c]!] ?? '';
      if (column.type === 'integer' || column.type === 'number') if (toHalfWidth(raw) !== raw) fullWidth++;
      const value = cleanCell(raw);
      if (value !== raw) padded++;
      const v = readCell(column, value, at);
      if (v !== undefined && v !== null) values[column.key] = v;
    }
    if (header.combinedScore !== undefined) {
      const cell = row.cells[header.combinedScore] ?? '';
      if (cleanCell(cell) !== cell) padded++;
      const raw = cleanCell(cell);
      if (toHalfWidth(raw) !== raw) fullWidth++;
      const parts = splitScoreCell(raw);
      if (!parts) {
        findings.push({
          severity: 'error',
          file,
          line: row.line,
          column: COMBINED_SCORE,
          value: raw,
          message: '应写成“加分：X 扣分：Y 总分：Z”',
          gloss: 'combined score cell not understood',
        });
      } else {
        for (const k of SCORE_KEYS) {
          const v = readCell(scoreColumns[k]!, cleanCell(parts[k]), at);
          if (v !== undefined && v !== null) values[k] = v;
        }
      }
    }
    const clean = headerOk && !hasErrorSince(findings, before);
    const read = { line: row.line, values };
    if (clean) rows.push(read);
    dataRows.push(clean ? read : { line: row.line, values: undefined });
  }
  for (const [, column] of fillColumns) {
    const runs = filledRuns.get(column.key);
    if (runs) findings.push(fillDownNotice(column, runs, file));
  }
  if (dataRows.length === 0) {
    findings.push({
      severity: 'error',
      file,
      message: `还没有数据行：请在表头下面填写数据，${def.rowNoun}；如本季度没有检查${def.subject}，请删除这个文件`,
      gloss: 'no data rows',
    });
  }
  if (padded > 0) {
    findings.push({
      severity: 'notice',
      file,
      message: `已去掉 ${padded} 个单元格首尾的空格`,
      gloss: 'padding spaces trimmed',
    });
  }
  if (fullWidth > 0) {
    findings.push({
      severity: 'notice',
      file,
      message: `已将 ${fullWidth} 个数字单元格中的全角数字或小数点转换为半角`,
      gloss: 'full-width digits converted',
    });
  }
  const checkTotals = () => {
    const errorLines = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.line));
    for (const t of totalsRows) {
      const closes = dataRows.slice(t.from, t.to).map((r) => (errorLines.has(r.line) ? undefined : r.values));
      findings.push(
        checkTotalsRow(t.label, t.line, t.cells, header.byIndex, header.combinedScore, closes, file),
      );
    }
  };
  return { rows, findings, columns: def.columns.filter((c) => header.present.has(c.key)), checkTotals };
}

/** Reads a parsed annex table into records of its definition, with a located finding for everything that is wrong. */
export function readTable<D extends TableDef>(
  def: D,
  parsed: ParsedTable,
  file: string,
): TableResult<RecordOf<D>> {
  const { rows, findings, columns, checkTotals } = readRows(def, parsed, file);
  // 序号 is a whole number (readCell): two are the same number exactly when they print the same. The usual ones, 1 to
  // the number of rows, are looked up by position rather than hashed.
  const seqs = new Map<unknown, number>();
  const seqLines = new Int32Array(rows.length + 1);
  const entities = new Map<string, number>();
  const records: RecordOf<D>[] = [];
  for (const { line, values: fields } of rows) {
    const problems =
      def.problemsColumn === undefined
        ? NO_PROBLEMS
        : splitProblems(String(fields[def.problemsColumn] ?? ''));
    // The row's values become the record (no copy per row): the facts follow its columns, in this order.
    const facts = fields as Record<string, unknown>;
    facts.line = line;
    facts.position = records.length;
    facts.key = '';
    facts.problems = problems;
    // The one assertion between cells and records: readCell accepted each value as its column's type, and readRows
    // refused the row unless every required column is present (a missing column is a header error).
    const record = facts as RecordOf<D>;
    record.key = def.identify(record);
    if (def.unitColumn !== undefined) record.unitKey = unitKey(String(fields[def.unitColumn]));
    const n = fields.seq;
    let firstSeq: number | undefined;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= rows.length) {
      firstSeq = seqLines[n] || undefined;
      if (firstSeq === undefined) seqLines[n] = line;
    } else firstSeq = seenBefore(seqs, n, line);
    if (firstSeq !== undefined) {
      const seq = String(fields.seq);
      findings.push(duplicateFinding(file, line, firstSeq, { column: '序号', value: seq, what: '序号' }));
    }
    const firstEntity = seenBefore(entities, record.key, line);
    if (firstEntity !== undefined)
      findings.push(duplicateFinding(file, line, firstEntity, identityLabel(def, fields)));
    if (def.checkRow) findings.push(...def.checkRow(record, file));
    records.push(record);
  }
  checkTotals();
  return { records, findings, columns };
}

/** How a duplicate row is named: by the columns its identity comes from. */
function identityLabel(
  def: TableDef,
  fields: Record<string, CellValue>,
): { column: string; value: string; what: string } {
  switch (def.entity) {
    case 'website':
      return fields.siteCode !== undefined
        ? { column: '网站标识码', value: String(fields.siteCode), what: '同一网站（按网站标识码）' }
        : { column: '网站名称', value: String(fields.name), what: '同一网站（按网站名称）' };
    case 'account':
      return {
        column: '账号名称',
        value: `${String(fields.platform)} ${String(fields.account)}`,
        what: '同一账号（按账号类型和账号名称）',
      };
    default:
      return def.entity satisfies never;
  }
}
