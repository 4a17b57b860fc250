/**
 * Figures the bulletin prose can cite with `<Stat name="…" />`, each computed from the annex
 * data, so that prose and annex tables cannot disagree.
 */
import { WEBSITE_FLAGS } from './columns.ts';
import type { QuarterStats, TableStats } from './aggregate.ts';
import { formatScore } from './score.ts';
import { TABLE_KINDS, TABLES, type TableKind } from './tables.ts';

const percent = (n: number | undefined) => (n === undefined ? undefined : `${formatScore(n)}%`);
const num = (n: number | undefined) => (n === undefined ? undefined : String(n));

/** A figure the prose can cite: what it is, the table it is computed from, and its value. */
export interface Figure {
  what: string;
  table: TableKind;
  /** undefined when the quarter's data cannot give it (its table is missing, or a column or total it needs). */
  value: (stats: QuarterStats) => string | undefined;
  /** What staff add to bulletin.mdx for it when the tables alone cannot give it (the total of its table). */
  needs?: string;
}

/** A figure computed from one table's figures. */
const from = <K extends TableKind>(
  table: K,
  what: string,
  value: (s: TableStats[K]) => string | undefined,
  needs?: string,
): Figure => ({
  what,
  table,
  ...(needs === undefined ? {} : { needs }),
  value: (stats) => {
    const s = stats[table];
    return s === undefined ? undefined : value(s);
  },
});

/** `抽查政府网站 7 个、政务新媒体 48 个`: what a quarter inspected, naming only the tables it published. */
export function inspectedText(stats: QuarterStats): string {
  return `抽查${TABLE_KINDS.flatMap((kind) => {
    const s = stats[kind];
    return s ? [`${TABLES[kind].subject} ${s.count} 个`] : [];
  }).join('、')}`;
}

/** Name (as staff write it) → the figure. */
export const FIGURES: Record<string, Figure> = {
  网站数: from('websites', '本次抽查的政府网站数（附件1行数）', (s) => num(s.count)),
  网站总数: from(
    'websites',
    '政府网站总数（元数据 websitesTotal）',
    (s) => num(s.total),
    TABLES.websites.meta.total,
  ),
  网站抽查率: from(
    'websites',
    '网站抽查率 = 网站数 ÷ 网站总数',
    (s) => percent(s.samplingRate),
    TABLES.websites.meta.total,
  ),
  网站最高分: from('websites', '网站总分最高值', (s) => (s.score ? formatScore(s.score.max) : undefined)),
  网站最低分: from('websites', '网站总分最低值', (s) => (s.score ? formatScore(s.score.min) : undefined)),
  网站平均分: from('websites', '网站总分平均值', (s) => (s.score ? formatScore(s.score.mean) : undefined)),
  网站其他问题数: from('websites', '“其他问题”中的问题条数', (s) => num(s.problemCount)),
  有其他问题的网站数: from('websites', '“其他问题”不为“无”的网站数', (s) => num(s.withProblems)),
  有单项否决项的网站数: from('websites', '至少一项单项否决指标为“是”的网站数', (s) => num(s.withVeto)),
  网站合格数: from('websites', '结果为合格的网站数（附件1有“结果”列时）', (s) => num(s.passed)),
  网站合格率: from('websites', '网站合格率（附件1有“结果”列时）', (s) => percent(s.passRate)),
  ...Object.fromEntries(
    WEBSITE_FLAGS.map((f) => [
      `${f.name}网站数`,
      from('websites', `“${f.name}”为“是”的网站数`, (s) => num(s.flags[f.key])),
    ]),
  ),
  新媒体数: from('newMedia', '本次抽查的政务新媒体数（附件2行数）', (s) => num(s.count)),
  新媒体总数: from(
    'newMedia',
    '政务新媒体总数（元数据 newMediaTotal）',
    (s) => num(s.total),
    TABLES.newMedia.meta.total,
  ),
  新媒体抽查率: from(
    'newMedia',
    '政务新媒体抽查率 = 新媒体数 ÷ 新媒体总数',
    (s) => percent(s.samplingRate),
    TABLES.newMedia.meta.total,
  ),
  新媒体单位数: from('newMedia', '附件2中的单位数', (s) => num(s.units)),
  新媒体合格数: from('newMedia', '结果为合格的政务新媒体数', (s) => num(s.passed)),
  新媒体不合格数: from('newMedia', '结果为不合格的政务新媒体数', (s) => num(s.failed)),
  新媒体合格率: from('newMedia', '政务新媒体合格率', (s) => percent(s.passRate)),
};
