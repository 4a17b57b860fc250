/**
 * The annex tables: one definition per table, the registry of them, and the record types derived from their columns.
 * Everything that differs between 附件1 and 附件2 (file, annex number, anchors, which column names the row, how a row
 * is identified across quarters) is a field here; code that handles “a table” iterates TABLES or indexes it by kind,
 * so a table added to the registry is validated, published, downloaded, indexed and documented, and a place that
 * handles tables one by one (`{ [K in TableKind]: … }`) does not compile until it handles the new one too.
 */
import type { BulletinMeta } from './bulletin.ts';
import { NEW_MEDIA_COLUMNS, WEBSITE_COLUMNS, type ColumnDef, type ColumnFields } from './columns.ts';
import type { Finding } from './findings.ts';
import { accountKey, websiteKey } from './keys.ts';
import { checkWebsiteScore } from './score.ts';

/** What validation adds to every row besides its columns. Declared once, for every table. */
export interface RowFacts {
  /** Line of the row in its CSV file, for messages. */
  line: number;
  /** 0-based position in the published table, which decides the annex page the row is on. */
  position: number;
  /** Identity across quarters (see identity.ts; data/aliases.csv renames applied). */
  key: string;
  /** The table's problems column split into separate problems (normalize.ts `splitProblems`); empty when none. */
  problems: readonly string[];
  /** Identity of the operating unit (identity.ts `unitKey`, after aliases), in a table with a unit column. */
  unitKey?: string;
}

/** Metadata fields of bulletin.mdx that hold text (a table's caption and note). */
type TextField = {
  [K in keyof BulletinMeta]-?: NonNullable<BulletinMeta[K]> extends string ? K : never;
}[keyof BulletinMeta];
type CountField = {
  [K in keyof BulletinMeta]-?: NonNullable<BulletinMeta[K]> extends number ? K : never;
}[keyof BulletinMeta];

/** One annex table. `C` is its column list, declared `as const` so the record type follows from it (inferred from `columns` only). */
export interface TableDef<C extends readonly ColumnDef[] = readonly ColumnDef[]> {
  /** File inside a quarter folder; the downloads use the same name (`websites.csv`, `websites.json`). */
  file: string;
  /** 附件 number in the bulletin: anchors `#annex-1`, pages `/annex-1/2/`. */
  annex: number;
  /** Reader-facing name. */
  title: string;
  /** What a row is, in the default caption `2020年第三季度政府网站抽查情况统计表`. */
  subject: string;
  /** What a row is counted as: `网站` (`附件1中的网站数`). */
  noun: string;
  /** The missing-rows message: `每个网站一行`. */
  rowNoun: string;
  /** Anchor prefix of a row in the annex table: `website-3`. */
  rowAnchor: string;
  /** The page a row's entity has (src/site.ts `paths`). */
  entity: 'website' | 'account';
  columns: C;
  /** The column that names a row: the row header in the annex table. */
  nameColumn: NoInfer<C>[number]['key'];
  /** The free-text column whose items are the row's `problems`. */
  problemsColumn?: NoInfer<C>[number]['key'];
  /** The column naming the unit that runs the entity: gives `unitKey` and the unit pages. */
  unitColumn?: NoInfer<C>[number]['key'];
  /** Columns an entity's page shows for each quarter, beside its problems (optional ones when a quarter has them). */
  historyColumns: readonly NoInfer<C>[number]['key'][];
  /** Columns whose merged cells Excel exports as a value followed by blanks: filled down from the row above. */
  fillDown: readonly NoInfer<C>[number]['key'][];
  /** Column sets unique within a quarter besides 序号 (checked by validation, declared in the data package). */
  uniqueKeys: readonly (readonly NoInfer<C>[number]['key'][])[];
  /** The table may give 加分/扣分/总分 as one official 得分情况 cell. */
  combinedScore?: boolean;
  /** bulletin.mdx fields that belong to this table. */
  meta: { caption: TextField; note: TextField; total: CountField };
  // Methods, not function properties: a table with more columns is still a TableDef of its base columns.
  /** Identity of a row across quarters. */
  identify(row: ColumnFields<NoInfer<C>>): string;
  /** Findings about a whole, well-formed row (arithmetic, the national rules). */
  checkRow?(row: RowFacts & ColumnFields<NoInfer<C>>, file: string): Finding[];
}

/** Declares a table, keeping the literal type of its columns. */
export const defineTable = <const C extends readonly ColumnDef[]>(def: TableDef<C>): TableDef<C> => def;

/** A validated row of a table: its columns' values (typed from the column list) and the facts validation adds. */
export type RecordOf<D extends TableDef> = RowFacts & ColumnFields<D['columns']>;

export const WEBSITES = defineTable({
  file: 'websites.csv',
  annex: 1,
  title: '附件1 政府网站抽查情况',
  subject: '政府网站',
  noun: '网站',
  rowNoun: '每个网站一行',
  rowAnchor: 'website-',
  entity: 'website',
  columns: WEBSITE_COLUMNS,
  nameColumn: 'name',
  problemsColumn: 'otherProblems',
  historyColumns: ['bonus', 'deduction', 'total', 'result', 'rectification'],
  fillDown: ['region'],
  uniqueKeys: [],
  combinedScore: true,
  meta: { caption: 'websitesCaption', note: 'websitesNote', total: 'websitesTotal' },
  identify: websiteKey,
  checkRow: checkWebsiteScore,
});

export const NEW_MEDIA = defineTable({
  file: 'new-media.csv',
  annex: 2,
  title: '附件2 政务新媒体抽查情况',
  subject: '政务新媒体',
  noun: '账号',
  rowNoun: '每个政务新媒体账号一行',
  rowAnchor: 'account-',
  entity: 'account',
  columns: NEW_MEDIA_COLUMNS,
  nameColumn: 'account',
  problemsColumn: 'problem',
  unitColumn: 'unit',
  historyColumns: ['rectification'],
  fillDown: ['unit', 'region'],
  uniqueKeys: [['platform', 'account']],
  meta: { caption: 'newMediaCaption', note: 'newMediaNote', total: 'newMediaTotal' },
  identify: accountKey,
});

/** Every annex table, in annex order. */
export const TABLES = { websites: WEBSITES, newMedia: NEW_MEDIA };
export type TableKind = keyof typeof TABLES;
/** The kinds in annex order, for code that goes through every table. */
export const TABLE_KINDS = Object.keys(TABLES) as TableKind[];

export type TableRecord<K extends TableKind> = RecordOf<(typeof TABLES)[K]>;

/** A table as a quarter published it: its rows, and the columns it has (definition order). */
export interface Table<R = RecordOf<TableDef>> {
  records: R[];
  columns: ColumnDef[];
}

/** A quarter's tables: each annex it published, or undefined when the quarter has no such file. */
export type QuarterTables = { [K in TableKind]: Table<TableRecord<K>> | undefined };

/** A record's value in a column, for code that goes through a table's columns (pages, downloads, comparisons). */
export const cellValue = (record: object, column: Pick<ColumnDef, 'key'>): unknown =>
  (record as Record<string, unknown>)[column.key];

/** The columns an entity's page shows for its records: required ones always, optional ones when a record has a value. */
export function historyColumns(def: TableDef, records: readonly object[]): ColumnDef[] {
  const keys: readonly string[] = def.historyColumns;
  return def.columns.filter(
    (c) => keys.includes(c.key) && (c.required || records.some((r) => cellValue(r, c) !== undefined)),
  );
}

/** The download and input file name without extension: `websites`, `new-media`. */
export const fileStem = (def: Pick<TableDef, 'file'>) => def.file.replace(/\.csv$/, '');
