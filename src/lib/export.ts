/**
 * Open-data downloads: each published quarter's annex tables as CSV and JSON, and all quarters combined.
 * Cells are written as the annex publishes them (see `cellText`), which is also what the page shows.
 *
 * CSV: UTF-8 with BOM (so Excel detects the encoding), CRLF line ends, RFC 4180 quoting, the annex's
 * Chinese headers. Spreadsheet safety: a text cell that begins with = + - @ TAB or CR gets a leading
 * apostrophe (`neutraliseFormula`), so Excel or WPS shows it as text instead of running it. Number
 * columns are never touched: they are validated to be ≥ 0 and so never begin with `-` or `+`.
 * JSON: English keys (`columns.ts` key), JSON types (flags true/false, numbers as numbers), no apostrophes.
 * A quarter's downloads are its published tables: a table the quarter did not publish has no file.
 */
import { createHash } from 'node:crypto';
import type { Correction } from './bulletin.ts';
import type { ColumnDef } from './columns.ts';
import type { QuarterLedger } from './ledger.ts';
import type { Quarter } from './load.ts';
import { compareQuarters } from './quarter.ts';
import {
  cellValue,
  fileStem,
  TABLE_KINDS,
  TABLES,
  type Table,
  type TableDef,
  type TableKind,
} from './tables.ts';
/** Folder of the combined files, beside the quarter folders. */
export const ALL_QUARTERS = 'all';
export const FORMATS = ['csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];
export const MEDIA_TYPES: Record<Format, string> = { csv: 'text/csv', json: 'application/json' };

/** The leading column of the combined files. */
export const QUARTER_COLUMN: ColumnDef = {
  key: 'quarter',
  name: '季度',
  type: 'text',
  required: true,
  pattern: '^[0-9]{4}-Q[1-4]$',
  description: '数据所属季度，格式“年份-Q季度”，如 2020-Q3（与数据文件夹名相同）。',
  gloss: 'quarter',
};

/** The columns a quarter's table publishes, in definition order (none when the quarter has no such table). */
export function publishedColumns(quarter: Quarter, kind: TableKind): ColumnDef[] {
  return quarter.tables[kind]?.columns ?? [];
}

/** The quarters that published a table. */
export const quartersWith = (quarters: readonly Quarter[], kind: TableKind) =>
  quarters.filter((q) => q.tables[kind]);

/** Every column any of the quarters publishes, in definition order (the combined files' columns after 季度). */
export function unionColumns(
  quarters: readonly Quarter[],
  kind: TableKind,
  def: TableDef = TABLES[kind],
): ColumnDef[] {
  const keys = new Set(quarters.flatMap((q) => publishedColumns(q, kind).map((c) => c.key)));
  return def.columns.filter((c) => keys.has(c.key));
}

const recordsOf = (quarter: Quarter, kind: TableKind): readonly object[] =>
  quarter.tables[kind]?.records ?? [];

/**
 * A cell as the annex prints it: flags 是/否, numbers and text as read (validation refuses more than two decimals and
 * reads a blank 其他问题 as “无”, so the page, the CSV and the JSON show the same value).
 */
export function cellText(column: ColumnDef, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (column.type === 'flag') return value ? '是' : '否';
  return String(value);
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a text cell inert in spreadsheets: a leading = + - @ TAB or CR gets an apostrophe in front. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A CSV field, quoted per RFC 4180 when it holds a comma, quote, CR or LF. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file: BOM, CRLF after every record. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\ufeff${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

const isNumeric = (c: ColumnDef) => c.type === 'integer' || c.type === 'number';
const safeCell = (c: ColumnDef, value: unknown) =>
  isNumeric(c) ? cellText(c, value) : neutraliseFormula(cellText(c, value));

/** A table as CSV, with the columns it has. */
export function tableCsv(table: Table<object>): string {
  const { columns } = table;
  return toCsv([
    columns.map((c) => c.name),
    ...table.records.map((r) => columns.map((c) => safeCell(c, cellValue(r, c)))),
  ]);
}

/** One quarter's table as CSV, with the columns that quarter published. */
export function quarterCsv(quarter: Quarter, kind: TableKind): string {
  return tableCsv({ records: [...recordsOf(quarter, kind)], columns: publishedColumns(quarter, kind) });
}

/** Every quarter's table in one CSV, oldest first, with a leading 季度 column; absent columns are empty. */
export function allQuartersCsv(quarters: Quarter[], kind: TableKind): string {
  const columns = unionColumns(quarters, kind);
  const rows = quarters.flatMap((q) =>
    recordsOf(q, kind).map((r) => [q.id, ...columns.map((c) => safeCell(c, cellValue(r, c)))]),
  );
  return toCsv([[QUARTER_COLUMN.name, ...columns.map((c) => c.name)], ...rows]);
}

/** A value in the JSON files: flags boolean, numbers number, text string; a column without a value is null. */
export function jsonValue(column: ColumnDef, value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (column.type === 'flag') return Boolean(value);
  if (isNumeric(column)) return value as number;
  return String(value);
}

/** The bulletin's metadata that travels with its data. */
export interface QuarterInfo {
  id: string;
  label: string;
  title: string;
  issuer: string;
  issued: string;
  published: string | null;
  docNumber: string | null;
  indexNumber: string | null;
  /** Absolute URL of the bulletin page. */
  url: string;
  corrections: Correction[];
}

/** Metadata of a quarter for the JSON files and the data package. */
export function quarterInfo(quarter: Quarter, url: string): QuarterInfo {
  const { meta } = quarter;
  return {
    id: quarter.id,
    label: quarter.label,
    title: meta.title,
    issuer: meta.issuer,
    issued: meta.issued,
    published: meta.published ?? null,
    docNumber: meta.docNumber ?? null,
    indexNumber: meta.indexNumber ?? null,
    url,
    corrections: meta.corrections ?? [],
  };
}

const jsonColumns = (columns: ColumnDef[]) => columns.map((c) => ({ key: c.key, name: c.name }));
const toJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const jsonRecord = (columns: readonly ColumnDef[], record: object) =>
  Object.fromEntries(columns.map((c) => [c.key, jsonValue(c, cellValue(record, c))]));

/** A table as JSON: quarter metadata, the table's title, the header mapping (English key → 中文列名), the records. */
export function tableJson(def: TableDef, table: Table<object>, quarter: QuarterInfo): string {
  return toJson({
    quarter,
    table: def.title,
    columns: jsonColumns(table.columns),
    records: table.records.map((r) => jsonRecord(table.columns, r)),
  });
}

/** One quarter's table as JSON. */
export function quarterJson(quarter: Quarter, kind: TableKind, url: string): string {
  return tableJson(
    TABLES[kind],
    { records: [...recordsOf(quarter, kind)], columns: publishedColumns(quarter, kind) },
    quarterInfo(quarter, url),
  );
}

/** Every quarter's table in one JSON file, oldest first; each record names its quarter. */
export function allQuartersJson(quarters: Quarter[], kind: TableKind, urlOf: (q: Quarter) => string): string {
  const columns = unionColumns(quarters, kind);
  return toJson({
    quarters: quarters.map((q) => quarterInfo(q, urlOf(q))),
    table: TABLES[kind].title,
    columns: jsonColumns([QUARTER_COLUMN, ...columns]),
    records: quarters.flatMap((q) =>
      recordsOf(q, kind).map((r) => ({ quarter: q.id, ...jsonRecord(columns, r) })),
    ),
  });
}

/** One downloadable file. */
export interface DataFile {
  /** Path below the data folder of the site, e.g. `2020-q3/websites.csv`, `all/new-media.json`. */
  path: string;
  /** Quarter folder id, or undefined for the combined files. */
  quarter?: string;
  kind: TableKind;
  format: Format;
  /**
   * The file's text, made anew on each call: a national download is hundreds of megabytes, so the site makes it when
   * its route renders rather than holding every file while Astro lists paths.
   */
  body: () => string;
  /** Set on a file of one published version (`2020-q3/v1/websites.csv`): which, and from which commit. */
  version?: FileVersion;
  /** A version's columns (those of its own data, which may differ from the current ones). */
  columns?: ColumnDef[];
}

export interface FileVersion {
  number: number;
  /** `YYYY-MM-DD` of the commit. */
  date: string;
  /** Full commit hash. */
  commit: string;
}

/** Size and digest of a download, as the downloads page and the data package give them. */
export interface FileFacts {
  bytes: number;
  /** `sha256:…` of the body. */
  hash: string;
}

/** The size in UTF-8 bytes and the SHA-256 of a file's text, or of its bytes. */
export const fileFacts = (body: string | Uint8Array): FileFacts => ({
  bytes: typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength,
  hash: `sha256:${(typeof body === 'string' ? createHash('sha256').update(body, 'utf8') : createHash('sha256').update(body)).digest('hex')}`,
});

const file = (
  path: string,
  kind: TableKind,
  format: Format,
  body: () => string,
  quarter?: string,
  version?: FileVersion,
  columns?: ColumnDef[],
): DataFile => ({
  path,
  quarter,
  kind,
  format,
  body,
  ...(version ? { version, columns } : {}),
});

/** Path of a quarter's (or the combined, with `all`) download below the data folder. */
export const dataFilePath = (folder: string, kind: TableKind, format: Format) =>
  `${folder}/${fileStem(TABLES[kind])}.${format}`;

/**
 * Every download the site publishes, for the published quarters (any order): per quarter, then combined.
 * `urlOf` gives a quarter's absolute bulletin URL.
 */
export function dataFiles(published: Quarter[], urlOf: (q: Quarter) => string): DataFile[] {
  const quarters = [...published].sort(compareQuarters);
  const files: DataFile[] = [];
  for (const q of quarters) {
    for (const kind of TABLE_KINDS) {
      if (!q.tables[kind]) continue;
      files.push(file(dataFilePath(q.slug, kind, 'csv'), kind, 'csv', () => quarterCsv(q, kind), q.id));
      files.push(
        file(dataFilePath(q.slug, kind, 'json'), kind, 'json', () => quarterJson(q, kind, urlOf(q)), q.id),
      );
    }
  }
  for (const kind of TABLE_KINDS) {
    const having = quartersWith(quarters, kind);
    if (having.length === 0) continue;
    files.push(
      file(dataFilePath(ALL_QUARTERS, kind, 'csv'), kind, 'csv', () => allQuartersCsv(having, kind)),
    );
    files.push(
      file(dataFilePath(ALL_QUARTERS, kind, 'json'), kind, 'json', () =>
        allQuartersJson(having, kind, urlOf),
      ),
    );
  }
  return files;
}

/** Folder of one version's downloads below the data folder: `2020-q3/v1`. */
export const versionFolder = (q: { slug: string }, number: number) => `${q.slug}/v${number}`;

/**
 * The downloads of every committed version of the published quarters (`2020-q3/v1/websites.csv`, …), made by the
 * same code as the current files from each version's own data and metadata, so a version's files do not change when
 * the quarter is corrected later. Uncommitted versions and quarters without git history have none.
 */
export function versionFiles(ledgers: readonly QuarterLedger[], urlOf: (q: Quarter) => string): DataFile[] {
  const files: DataFile[] = [];
  for (const ledger of ledgers) {
    for (const v of ledger.versions) {
      if (!v.commit || !v.date) continue;
      const q = v.quarter;
      const version = { number: v.number, date: v.date, commit: v.commit };
      for (const kind of TABLE_KINDS) {
        if (!q.tables[kind]) continue;
        const folder = versionFolder(q, v.number);
        const columns = publishedColumns(q, kind);
        files.push(
          file(
            dataFilePath(folder, kind, 'csv'),
            kind,
            'csv',
            () => quarterCsv(q, kind),
            q.id,
            version,
            columns,
          ),
        );
        files.push(
          file(
            dataFilePath(folder, kind, 'json'),
            kind,
            'json',
            () => quarterJson(q, kind, urlOf(q)),
            q.id,
            version,
            columns,
          ),
        );
      }
    }
  }
  return files;
}

/** `1234` → `1.2 KB`, as the downloads list shows sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
