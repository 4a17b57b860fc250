/**
 * The data dictionary and the Frictionless Data Package (v2) of the downloads, both generated from
 * columns.ts, the definitions that validate the input: the documentation cannot drift from the data.
 *
 * Field names are the CSV headers (the annex's Chinese column names), as Table Schema requires; the
 * English key used in the JSON files is recorded on each field as `jsonKey`.
 */
import { allowedValues, FLAG_VALUES, type ColumnDef, type ColumnType } from './columns.ts';
import {
  MEDIA_TYPES,
  QUARTER_COLUMN,
  publishedColumns,
  quarterInfo,
  quartersWith,
  unionColumns,
  type DataFile,
  type FileFacts,
} from './export.ts';
import type { Quarter } from './load.ts';
import { compareQuarters } from './quarter.ts';
import { TABLES, type TableDef, type TableKind } from './tables.ts';

const defOf = (table: TableKind | TableDef): TableDef => (typeof table === 'string' ? TABLES[table] : table);

export const PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
export const RESOURCE_PROFILE = 'https://datapackage.org/profiles/2.0/dataresource.json';
export const TABLE_SCHEMA_PROFILE = 'https://datapackage.org/profiles/2.0/tableschema.json';

/** How a reader sees each column type in the dictionary. */
const TYPE_LABELS: Record<ColumnType, string> = {
  integer: '整数',
  number: '数值（可有小数）',
  flag: '是/否',
  result: '文本（限定取值）',
  platform: '文本（限定取值）',
  text: '文本',
  siteCode: '文本（10 位数字或大写字母）',
  url: '网址',
};

/** One row of the data dictionary, in Chinese. */
export interface DictionaryRow {
  name: string;
  key: string;
  description: string;
  type: string;
  /** Allowed values or range; `—` when free. */
  allowed: string;
  required: string;
}

/** A column described for readers of the /data/ page. */
export function dictionaryRow(column: ColumnDef): DictionaryRow {
  const values = allowedValues(column);
  const range =
    column.min !== undefined && column.max !== undefined
      ? `${column.min}–${column.max}`
      : column.min !== undefined
        ? `不小于 ${column.min}`
        : column.max !== undefined
          ? `不大于 ${column.max}`
          : undefined;
  return {
    name: column.name,
    key: column.key,
    description: column.description,
    type: TYPE_LABELS[column.type],
    allowed: values
      ? values.join('、')
      : (range ?? (column.type === 'url' ? '以 http:// 或 https:// 开头' : '—')),
    required: !column.required
      ? '可选列'
      : column.allowEmpty
        ? `必有此列，可留空${column.blank ? `（按“${column.blank}”发布）` : ''}`
        : '必填',
  };
}

/** The dictionary of a table: every column the input may have, the combined files' 季度 first. */
export function dictionary(table: TableKind | TableDef): DictionaryRow[] {
  return [QUARTER_COLUMN, ...defOf(table).columns].map(dictionaryRow);
}

export interface Field {
  name: string;
  title: string;
  description: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  trueValues?: string[];
  falseValues?: string[];
  constraints?: { required?: boolean; minimum?: number; maximum?: number; enum?: string[]; pattern?: string };
  /** Key of the column in the JSON downloads. */
  jsonKey: string;
}

/** A Table Schema field for a column. */
export function field(column: ColumnDef): Field {
  const f: Field = {
    name: column.name,
    title: column.name,
    description: column.description,
    type: 'string',
    jsonKey: column.key,
  };
  const constraints: NonNullable<Field['constraints']> = {};
  // A blank cell of a column with `blank` is published as that word, so the published column has no empty cell.
  if (column.required && (!column.allowEmpty || column.blank !== undefined)) constraints.required = true;
  if (column.type === 'integer' || column.type === 'number') {
    f.type = column.type;
    if (column.min !== undefined) constraints.minimum = column.min;
    if (column.max !== undefined) constraints.maximum = column.max;
  } else if (column.type === 'flag') {
    f.type = 'boolean';
    f.trueValues = [FLAG_VALUES[0]];
    f.falseValues = [FLAG_VALUES[1]];
  } else {
    const values = allowedValues(column);
    if (values) constraints.enum = [...values];
    if (column.type === 'url') f.format = 'uri';
  }
  if (column.pattern) constraints.pattern = column.pattern;
  if (Object.keys(constraints).length > 0) f.constraints = constraints;
  return f;
}

/** The Table Schema of a CSV file with these columns (and a leading 季度 when `combined`); 序号 is the primary key. */
export function tableSchema(table: TableKind | TableDef, columns: ColumnDef[], combined: boolean) {
  const all = combined ? [QUARTER_COLUMN, ...columns] : columns;
  const nameOf = (key: string) => all.find((c) => c.key === key)?.name;
  const withQuarter = (names: string[]) => (combined ? [QUARTER_COLUMN.name, ...names] : names);
  const uniqueKeys = defOf(table)
    .uniqueKeys.map((keys) => keys.map(nameOf))
    .filter((names): names is string[] => names.every((n) => n !== undefined))
    .map(withQuarter);
  return {
    $schema: TABLE_SCHEMA_PROFILE,
    fields: all.map(field),
    missingValues: [''],
    primaryKey: withQuarter([nameOf('seq')!]),
    ...(uniqueKeys.length > 0 ? { uniqueKeys } : {}),
  };
}

/** The CSV dialect of every download (see export.ts). */
export const CSV_DIALECT = {
  header: true,
  delimiter: ',',
  lineTerminator: '\r\n',
  quoteChar: '"',
  doubleQuote: true,
} as const;

export interface PackageOptions {
  /** Absolute URL of the /data/ page. */
  homepage: string;
  /** Absolute URL of a quarter's bulletin page. */
  urlOf: (q: Quarter) => string;
  title: string;
  description: string;
}

/** datapackage.json for the downloads of the published quarters. */
/** `files` with the size and digest of each (export.ts `fileFacts`). */
export function dataPackage(
  published: Quarter[],
  files: readonly (DataFile & FileFacts)[],
  options: PackageOptions,
) {
  const quarters = [...published].sort(compareQuarters);
  const byId = new Map(quarters.map((q) => [q.id, q]));
  const resources = files.map((f) => {
    const quarter = f.quarter ? byId.get(f.quarter) : undefined;
    const scope = quarter ? quarter.label : '全部季度合并';
    const name = f.path.replace(/\//g, '-').replace(/\./g, '-');
    const version = f.version ? `第 ${f.version.number} 版（${f.version.date}）` : '';
    const common = {
      $schema: RESOURCE_PROFILE,
      name,
      path: f.path,
      title: `${scope} ${TABLES[f.kind].title}${version}（${f.format.toUpperCase()}）`,
      // A published version (ledger.ts): fixed once published; the file without a version is the current data.
      ...(f.version
        ? { version: f.version.number, versionDate: f.version.date, commit: f.version.commit }
        : {}),
      format: f.format,
      mediatype: MEDIA_TYPES[f.format],
      encoding: 'utf-8',
      bytes: f.bytes,
      hash: f.hash,
    };
    if (f.format === 'json') {
      return {
        ...common,
        description: `与 ${f.path.replace(/json$/, 'csv')} 内容相同：records 中每条记录以英文键（各字段的 jsonKey）为名，是/否为 true/false，并附季度元数据与更正记录。`,
      };
    }
    const columns =
      f.columns ??
      (quarter ? publishedColumns(quarter, f.kind) : unionColumns(quartersWith(quarters, f.kind), f.kind));
    return {
      ...common,
      type: 'table',
      description:
        f.version && quarter
          ? `《${quarter.meta.title}》${TABLES[f.kind].title.replace(/\s.*/, '')}第 ${f.version.number} 版：${f.version.date} 提交 ${f.version.commit.slice(0, 7)} 中发布的数据，发布后不再改变。`
          : quarter
            ? `《${quarter.meta.title}》${TABLES[f.kind].title.replace(/\s.*/, '')}，与通报附件一致。`
            : `各季度${TABLES[f.kind].title}按季度先后合并，首列“季度”标明所属季度。`,
      dialect: { $schema: 'https://datapackage.org/profiles/2.0/tabledialect.json', ...CSV_DIALECT },
      schema: tableSchema(f.kind, columns, !quarter),
    };
  });
  const latest = quarters
    .flatMap((q) => [q.meta.issued, q.meta.published ?? '', ...(q.meta.corrections ?? []).map((c) => c.date)])
    .sort()
    .at(-1);
  return {
    $schema: PACKAGE_PROFILE,
    name: 'gov-website-new-media-inspections',
    title: options.title,
    description: options.description,
    homepage: options.homepage,
    ...(latest ? { created: `${latest}T00:00:00Z` } : {}),
    keywords: ['政府网站', '政务新媒体', '检查', '通报'],
    sources: quarters.map((q) => ({ title: q.meta.title, path: options.urlOf(q) })),
    quarters: quarters.map((q) => quarterInfo(q, options.urlOf(q))),
    resources,
  };
}
