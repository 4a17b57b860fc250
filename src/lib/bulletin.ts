/**
 * bulletin.mdx: frontmatter (the notice's official metadata) and prose. The schema is the
 * documentation: each field says what it is, what it expects, and the Chinese label shown to readers.
 */
import yaml from 'js-yaml';
import { z } from 'zod';
import { ACK_FIELD, readAcknowledgements, type Acknowledgement } from './acknowledge.ts';
import { field, fieldLine, listItemLine } from './field.ts';
import type { Finding } from './findings.ts';

/** What `npm run new-quarter` writes where staff must fill something in; validation refuses any `（请填写…）`. */
export const PLACEHOLDER = '（请填写）';
const PLACEHOLDER_PATTERN = /（请填写[^）]*）/;

export const DISCLOSURE_VALUES = ['主动公开', '依申请公开', '不予公开'] as const;

const isoDate = z
  .union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date()])
  .transform((v) => (typeof v === 'string' ? v : v.toISOString().slice(0, 10)))
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
  );
const text = z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1));
const count = z.number().int().min(0);

/** One entry of the per-quarter changelog: field → its label, what it expects and its schema. */
export const CORRECTION_FIELDS = {
  date: field('更正日期', '日期，格式 YYYY-MM-DD', isoDate),
  note: field('更正内容', '更正了什么，如“附件1第3行扣分由 5 改为 3”', text),
} as const;
const correction = z.strictObject({
  date: CORRECTION_FIELDS.date.schema,
  note: CORRECTION_FIELDS.note.schema,
});
export type Correction = z.output<typeof correction>;

/** Field → its Chinese label, what it expects (Chinese) and its schema. */
export const BULLETIN_FIELDS = {
  title: field('标题', '通报的完整标题', text),
  issuer: field('发布机构', '发文单位全称，如“潮州市人民政府办公室”', text),
  issued: field('成文日期', '日期，格式 YYYY-MM-DD，如 2020-10-26', isoDate),
  disclosure: field(
    '公开方式',
    DISCLOSURE_VALUES.join('、') + '之一；只有“主动公开”的通报会发布',
    z.enum(DISCLOSURE_VALUES),
  ),
  published: field('发布日期', '在网站上公开发布的日期，格式 YYYY-MM-DD；不知道时不填', isoDate.optional()),
  docNumber: field('文号', '文号，如“潮府办函〔2020〕59号”', text.optional()),
  indexNumber: field('索引号', '政府信息公开索引号', text.optional()),
  topic: field('主题分类', '政府信息公开主题分类，如“综合政务/政务公开”', text.optional()),
  corrections: field(
    '更正记录',
    '发布后更正数据时逐条列出，每条两行：“- date: 更正日期”和“  note: 更正内容”',
    z.array(correction).optional(),
  ),
  websitesCutoff: field('网站抽查截止日期', '日期，格式 YYYY-MM-DD', isoDate.optional()),
  newMediaCutoff: field('政务新媒体抽查截止日期', '日期，格式 YYYY-MM-DD', isoDate.optional()),
  websitesTotal: field('政府网站总数', '全市政府网站总数（整数），用于计算抽查率', count.optional()),
  newMediaTotal: field(
    '政务新媒体总数',
    '全市已报备政务新媒体总数（整数），用于计算抽查率',
    count.optional(),
  ),
  websitesCaption: field('附件1标题', '附件1表格的标题，如“第三季度政府网站抽查情况统计表”', text.optional()),
  newMediaCaption: field('附件2标题', '附件2表格的标题', text.optional()),
  websitesNote: field('附件1注', '附件1表格下方的“注：”文字', text.optional()),
  newMediaNote: field('附件2注', '附件2表格下方的“注：”文字', text.optional()),
  draft: field('草稿', 'true 或 false；为 true 时不发布', z.boolean().default(false)),
} as const;

type Fields = typeof BULLETIN_FIELDS;
export const bulletinSchema = z.strictObject(
  Object.fromEntries(Object.entries(BULLETIN_FIELDS).map(([k, v]) => [k, v.schema])) as {
    [K in keyof Fields]: Fields[K]['schema'];
  },
);
export type BulletinMeta = z.output<typeof bulletinSchema>;

/** Whether a field may be left out (a blank left in it may simply be deleted). */
const isOptionalField = (key: string) =>
  key in BULLETIN_FIELDS && BULLETIN_FIELDS[key as keyof Fields].schema.safeParse(undefined).success;

/** Whether a quarter is published: proactively disclosed and not a draft. */
export const isPublished = (meta: Pick<BulletinMeta, 'disclosure' | 'draft'>) =>
  meta.disclosure === '主动公开' && !meta.draft;

export interface ParsedBulletin {
  meta?: BulletinMeta;
  body: string;
  /** Line in the file where the body starts. */
  bodyLine: number;
  findings: Finding[];
  /** Warnings staff have checked (`acknowledged:`), when the list is valid. */
  acknowledged?: Acknowledgement[];
}

/** The first `（请填写…）` of a line, with any brackets nested in the hint. */
function blankIn(text: string): string | undefined {
  const start = text.search(PLACEHOLDER_PATTERN);
  if (start === -1) return undefined;
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '（') depth++;
    else if (text[i] === '）' && --depth === 0) return text.slice(start, i + 1);
  }
  return text.slice(start);
}

/** Splits and validates bulletin.mdx. */
export function parseBulletin(source: string, file: string): ParsedBulletin {
  const findings: Finding[] = [];
  const text = source.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) {
    findings.push({
      severity: 'error',
      file,
      line: 1,
      message: '文件应以 --- 开头的元数据（frontmatter）开始，并以另一行 --- 结束',
      gloss: 'missing frontmatter',
    });
    return { body: text, bodyLine: 1, findings };
  }
  const frontmatter = match[1]!;
  const body = text.slice(match[0].length);
  const bodyLine = match[0].split('\n').length;
  let data: unknown;
  try {
    // CORE_SCHEMA keeps dates as text: js-yaml's timestamps would silently roll 2021-02-30 over to 2021-03-02.
    data = yaml.load(frontmatter, { schema: yaml.CORE_SCHEMA }) ?? {};
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? '';
    findings.push({
      severity: 'error',
      file,
      line: mark?.line === undefined ? undefined : mark.line + 2,
      message:
        '元数据格式有误：每行应为“字段: 值”，冒号用英文冒号并后跟空格；值里有冒号或以符号开头时请用引号括起来',
      gloss: `YAML syntax error${reason ? `: ${reason}` : ''}`,
    });
    return { body, bodyLine, findings };
  }
  const lines = frontmatter.split('\n');
  const lineOf = (key: PropertyKey) => fieldLine(lines, String(key)) ?? 1;
  const raw = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  // Staff metadata, checked on its own and not part of the published metadata.
  const acks = readAcknowledgements(raw[ACK_FIELD], lines, file);
  findings.push(...acks.findings);
  if (ACK_FIELD in raw) {
    const { [ACK_FIELD]: _staffOnly, ...published } = raw;
    data = published;
  }
  // Blanks left from the scaffold: one message per blank, saying what belongs there.
  const blanks = new Set(
    Object.keys(raw).filter((key) => typeof raw[key] === 'string' && PLACEHOLDER_PATTERN.test(raw[key])),
  );
  for (const key of blanks) {
    const field = BULLETIN_FIELDS[key as keyof Fields];
    findings.push({
      severity: 'error',
      file,
      line: lineOf(key),
      column: field ? `${key}（${field.label}）` : key,
      value: String(raw[key]),
      message: `还没有填写；应为${field?.expects ?? '有效的值'}${isOptionalField(key) ? '；选填，不需要时可删除这一行' : ''}`,
      gloss: `${key} not filled in`,
    });
  }
  body.split('\n').forEach((text, i) => {
    const blank = blankIn(text);
    if (blank) {
      findings.push({
        severity: 'error',
        file,
        line: bodyLine + i,
        column: '正文',
        value: blank,
        message: '还没有填写；请把这段括号连同其中的提示换成正文',
        gloss: 'text not filled in',
      });
    }
  });
  const result = bulletinSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.path[0] === 'corrections' && issue.path.length > 1) {
        findings.push(correctionFinding(issue, raw.corrections, lines, file));
        continue;
      }
      if (blanks.has(String(issue.path[0]))) continue;
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          findings.push({
            severity: 'error',
            file,
            line: lineOf(key),
            column: key,
            message: `不认识的字段；可用的字段为：${Object.keys(BULLETIN_FIELDS).join('、')}`,
            gloss: 'unknown frontmatter field',
          });
        }
        continue;
      }
      const key = issue.path[0] as keyof Fields;
      const field = BULLETIN_FIELDS[key];
      const value = raw[key as string];
      const shown = showValue(value);
      findings.push({
        severity: 'error',
        file,
        line: shown === undefined && !(key in raw) ? 1 : lineOf(key),
        column: `${String(key)}（${field?.label ?? ''}）`,
        value: shown,
        message: `${shown === undefined ? '必填；' : ''}应为${field?.expects ?? '有效的值'}`,
        gloss: `invalid ${String(key)}`,
      });
    }
    return { body, bodyLine, findings };
  }
  if (blanks.size > 0) return { body, bodyLine, findings };
  if (result.data.draft) {
    findings.push({
      severity: 'notice',
      file,
      line: lineOf('draft'),
      column: 'draft（草稿）',
      value: 'true',
      message: '草稿，本季度不会发布；核对无误后改为 false',
      gloss: 'draft, not published',
    });
  }
  return { meta: result.data, body, bodyLine, findings, acknowledged: acks.entries };
}

const showValue = (value: unknown) =>
  value instanceof Date
    ? value.toISOString().slice(0, 10)
    : value === undefined || value === null || typeof value === 'object'
      ? undefined
      : String(value);

/** A located message for one bad entry of `corrections`. */
function correctionFinding(issue: z.core.$ZodIssue, raw: unknown, lines: string[], file: string): Finding {
  const index = issue.path[1] as number;
  const entry = Array.isArray(raw) ? (raw[index] as Record<string, unknown> | undefined) : undefined;
  const where = `corrections（${BULLETIN_FIELDS.corrections.label}）第 ${index + 1} 条`;
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return {
      severity: 'error',
      file,
      line: listItemLine(lines, 'corrections', index, key),
      column: `${where} ${key}`,
      message: `不认识的字段；每条只能有 ${Object.keys(CORRECTION_FIELDS).join('、')}`,
      gloss: 'unknown correction field',
    };
  }
  const key = issue.path[2] as keyof typeof CORRECTION_FIELDS | undefined;
  if (key === undefined || !(key in CORRECTION_FIELDS)) {
    return {
      severity: 'error',
      file,
      line: listItemLine(lines, 'corrections', index),
      column: where,
      message: `应为两项：date（更正日期）和 note（更正内容）`,
      gloss: 'correction must have date and note',
    };
  }
  const value = showValue(entry?.[key]);
  const { label, expects } = CORRECTION_FIELDS[key];
  return {
    severity: 'error',
    file,
    line: listItemLine(lines, 'corrections', index, value === undefined ? undefined : key),
    column: `${where} ${key}（${label}）`,
    value,
    message: `${value === undefined ? '必填；' : ''}应为${expects}`,
    gloss: `invalid correction ${key}`,
  };
}
