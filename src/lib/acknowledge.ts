/**
 * Acknowledged warnings: staff metadata in bulletin.mdx (`acknowledged:`) naming warnings of the quarter that were
 * checked and are to be published as they are, so that the report lists only new warnings. Not published: the site,
 * downloads and feeds never see it (BulletinMeta does not carry it).
 *
 * A warning is named by what survives editing the table: its file, the row's identity (a website's name; an
 * account's name and platform) and the column, not its line number. An entry that matches no warning is itself a
 * warning (the data was corrected, or the row renamed), so acknowledgements cannot silently outlive their reason.
 */
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { field, listItemLine } from './field.ts';
import type { Finding } from './findings.ts';
import {
  cellValue,
  TABLE_KINDS,
  TABLES,
  type QuarterTables,
  type RowFacts,
  type Table,
  type TableDef,
} from './tables.ts';

/** The frontmatter key. */
export const ACK_FIELD = 'acknowledged';
export const ACK_LABEL = '已确认的警告';
const ACK_FILES = ['websites.csv', 'new-media.csv', 'bulletin.mdx'] as const;

const text = z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1));

/** Entry field → its Chinese label, what it expects and its schema. */
export const ACK_ENTRY_FIELDS = {
  file: field('文件', ACK_FILES.join('、') + '之一', z.enum(ACK_FILES)),
  row: field('行', '网站名称，或“账号名称（账号类型）”', text.optional()),
  column: field('列', '警告所在的列名，如“栏目不更新”', text.optional()),
  line: field('行号', '行号（只在警告没有“行”和“列”时使用）', z.number().int().min(1).optional()),
  note: field('说明', '为什么按原样发布（选填）', text.optional()),
} as const;

const entrySchema = z
  .strictObject({
    file: ACK_ENTRY_FIELDS.file.schema,
    row: ACK_ENTRY_FIELDS.row.schema,
    column: ACK_ENTRY_FIELDS.column.schema,
    line: ACK_ENTRY_FIELDS.line.schema,
    note: ACK_ENTRY_FIELDS.note.schema,
  })
  .refine((e) => e.row !== undefined || e.column !== undefined || e.line !== undefined, { path: ['row'] });

export type Acknowledgement = z.output<typeof entrySchema> & {
  /** Line of the entry in bulletin.mdx, for the stale-entry warning. */
  at: number;
};

/** Reads the `acknowledged:` list of a frontmatter (already parsed as YAML); bad entries are errors at their line. */
export function readAcknowledgements(
  value: unknown,
  frontmatterLines: readonly string[],
  file: string,
): { entries: Acknowledgement[]; findings: Finding[] } {
  const findings: Finding[] = [];
  const entries: Acknowledgement[] = [];
  if (value === undefined || value === null) return { entries, findings };
  const where = `${ACK_FIELD}（${ACK_LABEL}）`;
  if (!Array.isArray(value)) {
    findings.push({
      severity: 'error',
      file,
      line: listItemLine(frontmatterLines, ACK_FIELD, -1),
      column: where,
      message:
        '应为一个列表，每条一行，如“  - { file: websites.csv, row: 某网站, column: 栏目不更新 }”；校验报告会给出可以直接复制的内容',
      gloss: 'acknowledged must be a list',
    });
    return { entries, findings };
  }
  value.forEach((raw, index) => {
    const result = entrySchema.safeParse(raw);
    if (result.success) {
      entries.push({ ...result.data, at: listItemLine(frontmatterLines, ACK_FIELD, index) });
      return;
    }
    const issue = result.error.issues[0]!;
    const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : (issue.path[0] as string | undefined);
    const field = key === undefined ? undefined : ACK_ENTRY_FIELDS[key as keyof typeof ACK_ENTRY_FIELDS];
    const message =
      issue.code === 'unrecognized_keys'
        ? `不认识的字段；每条只能有 ${Object.keys(ACK_ENTRY_FIELDS).join('、')}`
        : issue.code === 'custom'
          ? '至少要有 row（行）、column（列）或 line（行号）之一；请从校验报告中复制'
          : field
            ? `应为${field.expects}`
            : '应为“{ file: …, row: …, column: … }”；请从校验报告中复制';
    findings.push({
      severity: 'error',
      file,
      line: listItemLine(frontmatterLines, ACK_FIELD, index, issue.code === 'custom' ? undefined : key),
      column: `${where}第 ${index + 1} 条${key && issue.code !== 'custom' ? ` ${key}${field ? `（${field.label}）` : ''}` : ''}`,
      message,
      gloss: 'invalid acknowledged entry',
    });
  });
  return { entries, findings };
}

/** What names a warning: the fields an acknowledgement gives. */
export interface WarningIdentity {
  file: string;
  row?: string;
  column?: string;
  line?: number;
}

/** The quarter data acknowledgements are matched against. */
export interface AcknowledgingQuarter {
  /** The quarter folder, as findings spell it (e.g. `data/2020-Q3`). */
  folder: string;
  acknowledged: readonly Acknowledgement[];
  tables: QuarterTables;
}

/** How an acknowledgement names a row: a website by its name, an account as `账号名称（账号类型）`. */
export function rowName(def: TableDef, record: object): string {
  const cell = (key: string) => String(cellValue(record, { key }));
  switch (def.entity) {
    case 'website':
      return cell('name');
    case 'account':
      return `${cell('account')}（${cell('platform')}）`;
    default:
      return def.entity satisfies never;
  }
}

/** The identity of a warning of `quarter`: its file, and the row's name and column when it has them, else its line. */
export function warningIdentity(finding: Finding, quarter: AcknowledgingQuarter): WarningIdentity {
  const file = basename(finding.file);
  let row: string | undefined;
  if (finding.line !== undefined) {
    for (const kind of TABLE_KINDS) {
      const table: Table<RowFacts> | undefined = quarter.tables[kind];
      const record =
        TABLES[kind].file === file ? table?.records.find((r) => r.line === finding.line) : undefined;
      if (record) row = rowName(TABLES[kind], record);
    }
  }
  const identity: WarningIdentity = { file };
  if (row !== undefined) identity.row = row;
  if (finding.column !== undefined) identity.column = finding.column;
  if (row === undefined && finding.column === undefined && finding.line !== undefined)
    identity.line = finding.line;
  return identity;
}

const matches = (entry: Acknowledgement, id: WarningIdentity) =>
  entry.file === id.file && entry.row === id.row && entry.column === id.column && entry.line === id.line;

/**
 * Marks each warning of the quarters that an acknowledgement names (`acknowledged` set on the finding, to its note
 * or ''), and adds a warning for each acknowledgement that names none. Warnings outside quarter folders stay as they are.
 */
export function applyAcknowledgements(findings: Finding[], quarters: readonly AcknowledgingQuarter[]): void {
  for (const quarter of quarters) {
    if (quarter.acknowledged.length === 0) continue;
    const used = new Set<Acknowledgement>();
    for (const finding of findings) {
      if (finding.severity !== 'warning' || dirname(finding.file) !== quarter.folder) continue;
      const id = warningIdentity(finding, quarter);
      const entry = quarter.acknowledged.find((e) => matches(e, id));
      if (!entry) continue;
      used.add(entry);
      finding.acknowledged = entry.note ?? '';
    }
    quarter.acknowledged.forEach((entry, index) => {
      if (used.has(entry)) return;
      findings.push({
        severity: 'warning',
        file: join(quarter.folder, 'bulletin.mdx'),
        line: entry.at,
        column: `${ACK_FIELD}（${ACK_LABEL}）第 ${index + 1} 条`,
        value: yamlEntry(entry),
        message: '没有与之对应的警告（数据已改正，或行已改名）；请删除这一条',
        gloss: STALE_GLOSS,
      });
    });
  }
}

const STALE_GLOSS = 'stale acknowledgement';
/** Whether a warning says an acknowledgement is stale (it cannot itself be acknowledged: delete the entry). */
export const isStaleAcknowledgement = (f: Finding) => f.gloss === STALE_GLOSS;

/** A YAML scalar as written in a flow mapping: plain when it reads back as the same text, else double-quoted (JSON is YAML). */
function scalar(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const plain =
    /^[^\s\-?:,[\]{}#&*!|>'"%@`\d.+~][^:,[\]{}#]*$/.test(value) &&
    value.trimEnd() === value &&
    !/^(true|false|null)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

/** One acknowledgement as a YAML flow mapping: `{ file: websites.csv, row: 某网站, column: 栏目不更新 }`. */
export function yamlEntry(id: WarningIdentity): string {
  const parts = (['file', 'row', 'column', 'line'] as const).flatMap((k) =>
    id[k] === undefined ? [] : [`${k}: ${scalar(id[k])}`],
  );
  return `{ ${parts.join(', ')} }`;
}
