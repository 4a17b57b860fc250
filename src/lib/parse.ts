/** Text → header and rows, each row with the line it starts on. Parsing is papaparse's; locating is ours. */
import Papa from 'papaparse';
import type { Finding } from './findings.ts';
import { cleanCell, normalizeHeader } from './normalize.ts';

export interface Row {
  /** 1-based line the row starts on. */
  line: number;
  cells: string[];
}

export interface ParsedTable {
  /** Header cells, normalised (spaces and line breaks removed); empty when there is no header. */
  header: string[];
  /** Header cells as written. */
  rawHeader: string[];
  headerLine: number;
  delimiter: ',' | '\t';
  rows: Row[];
  findings: Finding[];
}

/** Excel's "Unicode text" is tab-separated; a header line with tabs and no commas is too. */
function detectDelimiter(text: string, utf16: boolean): ',' | '\t' {
  if (utf16) return '\t';
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  const tabs = firstLine.split('\t').length - 1;
  const commas = firstLine.split(',').length - 1;
  return tabs > commas ? '\t' : ',';
}

const isBlank = (cells: string[]) => cells.every((c) => cleanCell(c) === '');

/** How many rows above the header a title copied from the bulletin may take. */
const MAX_TITLE_ROWS = 4;

/** Parses with papaparse, locating each row by the line it starts on. */
function parseQuoted(
  normalized: string,
  delimiter: ',' | '\t',
  file: string,
  all: Row[],
  findings: Finding[],
): void {
  let newlinesBefore = 0;
  let scanned = 0;
  let rowStart = 0;
  const lineAt = (offset: number) => {
    for (; scanned < offset; scanned++) if (normalized.charCodeAt(scanned) === 10) newlinesBefore++;
    return newlinesBefore + 1;
  };
  Papa.parse<string[]>(normalized, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    skipEmptyLines: false,
    step: (result) => {
      const line = lineAt(rowStart);
      for (const error of result.errors) {
        if (error.code === 'MissingQuotes') {
          findings.push({
            severity: 'error',
            file,
            line,
            message:
              '引号未闭合：本行有一个以英文双引号 " 开始的单元格，直到文件末尾都没有对应的结束引号；请删去多余的引号，或在单元格末尾补上引号',
            gloss: 'unclosed quote',
          });
        } else if (error.code === 'InvalidQuotes') {
          findings.push({
            severity: 'error',
            file,
            line,
            message:
              '引号位置不对：以英文双引号开始的单元格，结束引号后面还有文字；单元格内的引号应写成两个 ""，或改用中文引号“”',
            gloss: 'malformed quoted field',
          });
        }
      }
      all.push({ line, cells: result.data });
      rowStart = result.meta.cursor;
    },
  });
}

export function parseTable(text: string, file: string, options: { utf16?: boolean } = {}): ParsedTable {
  const findings: Finding[] = [];
  const normalized = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const delimiter = detectDelimiter(normalized, options.utf16 ?? false);
  const all: Row[] = [];
  // Without a quote character a row is a line and a cell is what lies between delimiters: what papaparse's own fast
  // mode does, without a callback and a result object per row (a national table has 150,000 rows). Papaparse strips a
  // leading BOM and gives no row for empty text, so those stay with it.
  if (normalized !== '' && normalized.charCodeAt(0) !== 0xfeff && !normalized.includes('"')) {
    // Line by line, so that each line's text is garbage at once rather than held in an array of them all.
    for (let start = 0, line = 1; ; line++) {
      const end = normalized.indexOf('\n', start);
      all.push({ line, cells: normalized.slice(start, end === -1 ? undefined : end).split(delimiter) });
      if (end === -1) break;
      start = end + 1;
    }
  } else parseQuoted(normalized, delimiter, file, all, findings);

  let headerIndex = all.findIndex((r) => !isBlank(r.cells));
  // A title row copied from the bulletin (`附件1`, `第三季度…统计表`) may sit above the header.
  const withSeq = all
    .slice(0, headerIndex + MAX_TITLE_ROWS + 1)
    .findIndex((r) => r.cells.some((c) => normalizeHeader(c) === '序号'));
  if (withSeq > headerIndex) {
    findings.push({
      severity: 'notice',
      file,
      line: all[headerIndex]!.line,
      message: `已跳过表头之上的 ${withSeq - headerIndex} 行标题，表头在第 ${all[withSeq]!.line} 行`,
      gloss: 'title rows above the header skipped',
    });
    headerIndex = withSeq;
  }
  if (headerIndex === -1) {
    return { header: [], rawHeader: [], headerLine: 1, delimiter, rows: [], findings };
  }
  const headerRow = all[headerIndex]!;
  const rawHeader = [...headerRow.cells];
  // Excel leaves empty columns to the right of the table.
  while (rawHeader.length > 0 && cleanCell(rawHeader[rawHeader.length - 1]!) === '') rawHeader.pop();
  const emptyColumns = headerRow.cells.length - rawHeader.length;
  if (emptyColumns > 0 && rawHeader.length > 0) {
    findings.push({
      severity: 'notice',
      file,
      line: headerRow.line,
      message: `已忽略表格右侧的 ${emptyColumns} 个空列`,
      gloss: 'empty trailing columns ignored',
    });
  }

  const rows: Row[] = [];
  let blankRows = 0;
  for (const row of all.slice(headerIndex + 1)) {
    if (isBlank(row.cells)) {
      blankRows++;
      continue;
    }
    rows.push(row);
  }
  // Papaparse reports the empty string after a final newline as a row; that is not a blank line anyone wrote.
  if (normalized.endsWith('\n') && blankRows > 0) blankRows--;
  if (blankRows > 0) {
    findings.push({
      severity: 'notice',
      file,
      message: `已忽略 ${blankRows} 个空行`,
      gloss: 'blank rows ignored',
    });
  }
  return {
    header: rawHeader.map(normalizeHeader),
    rawHeader,
    headerLine: headerRow.line,
    delimiter,
    rows,
    findings,
  };
}
