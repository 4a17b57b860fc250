/**
 * `npm run new-quarter`: what a new quarter folder holds (src/node/scaffold.ts writes it), everything staff fill in. Every blank is a visible
 * `（请填写…）` that validation refuses, so a scaffold cannot pass, let alone publish, until it is filled in.
 */
import { BULLETIN_FIELDS, PLACEHOLDER } from './bulletin.ts';
import { annexId } from './routes.ts';
import { TABLE_KINDS, TABLES, type TableKind } from './tables.ts';
import { BULLETIN_FILE } from './load.ts';
import { quarterNumeral, type QuarterId } from './quarter.ts';

/** Fields every bulletin has in practice, written as blanks to fill; the rest are commented out. */
const USUAL_FIELDS = new Set([
  'title',
  'issuer',
  'issued',
  'disclosure',
  'websitesCutoff',
  'newMediaCutoff',
  'websitesTotal',
  'newMediaTotal',
  'websitesCaption',
  'newMediaCaption',
  'draft',
]);

/** What a field's line says in a fresh scaffold. */
function initialValue(field: string, q: QuarterId): string {
  const season = `第${quarterNumeral(q.quarter)}季度`;
  switch (field) {
    case 'title':
      return `（请填写发文单位）关于${q.year}年${season}全市政府网站与政务新媒体检查情况的通报`;
    case 'disclosure':
      return '主动公开';
    case 'websitesCaption':
      return `${season}政府网站抽查情况统计表`;
    case 'newMediaCaption':
      return `${season}政务新媒体抽查情况统计表`;
    case 'draft':
      return 'true';
    default:
      return PLACEHOLDER;
  }
}

/** The bulletin.mdx frontmatter, one commented line per field of BULLETIN_FIELDS. */
function frontmatter(q: QuarterId): string {
  const lines = ['---'];
  for (const [key, { label, expects, schema }] of Object.entries(BULLETIN_FIELDS)) {
    const optional = schema.safeParse(undefined).success;
    lines.push(`# ${label}（${optional ? '选填' : '必填'}）：${expects}`);
    if (key === 'draft') lines.push('# 草稿期间网站不会发布本季度；全部填好、核对无误后改为 false');
    lines.push(`${USUAL_FIELDS.has(key) ? '' : '# '}${key}: ${initialValue(key, q)}`);
  }
  lines.push('---');
  return lines.join('\n');
}

/** The usual three sections of a bulletin, with the figures computed from the annexes already in place. */
function body(q: QuarterId): string {
  const season = `第${quarterNumeral(q.quarter)}季度`;
  return `
（请填写主送单位，如“各县、区人民政府（管委会）、市直属各单位：”）

（请填写开头一段：检查的依据和组织情况，以“现将有关情况通报如下：”结尾）

## 一、总体情况

此次抽查政府网站<Stat name="网站数" />个，抽查率<Stat name="网站抽查率" />；抽查政务新媒体<Stat name="新媒体数" />个，抽查率<Stat name="新媒体抽查率" />，合格率<Stat name="新媒体合格率" />。（请填写检查范围、时间和总体结论）

## 二、发现主要问题

（请填写发现的主要问题：一是……二是……）

具体情况见${TABLE_KINDS.map((k) => `[附件${TABLES[k].annex}](#${annexId(TABLES[k])})`).join('和')}。

## 三、下一步工作要求

（请填写下一步工作要求：（一）……（二）……）

附件：

${TABLE_KINDS.map((k) => `${TABLES[k].annex}. [${season}${TABLES[k].subject}抽查情况统计表](#${annexId(TABLES[k])})`).join('\n')}
`;
}

/** A CSV with the required columns of a table: UTF-8 with BOM and CRLF, so Excel opens it correctly. */
function headerOnlyCsv(kind: TableKind): string {
  return `\ufeff${TABLES[kind].columns
    .filter((c) => c.required)
    .map((c) => c.name)
    .join(',')}\r\n`;
}

/** File name → content of a new quarter folder. */
export function quarterTemplate(q: QuarterId): Record<string, string> {
  return {
    [BULLETIN_FILE]: `${frontmatter(q)}\n${body(q)}`,
    ...Object.fromEntries(TABLE_KINDS.map((k) => [TABLES[k].file, headerOnlyCsv(k)])),
  };
}
