/**
 * Figures the bulletin prose can cite with `<Stat name="…" />`, each computed from the annex
 * data, so that prose and annex tables cannot disagree.
 */
import { WEBSITE_FLAGS } from './columns.ts';
import type { QuarterStats } from './aggregate.ts';
import { formatScore } from './score.ts';

const percent = (n: number | undefined) => (n === undefined ? undefined : `${formatScore(n)}%`);
const num = (n: number | undefined) => (n === undefined ? undefined : String(n));

/** Name (as staff write it) → [what it is, value from the quarter's figures; undefined if the data lacks it]. */
export const FIGURES: Record<string, [string, (s: QuarterStats) => string | undefined]> = {
  网站数: ['本次抽查的政府网站数（附件1行数）', (s) => num(s.websites.count)],
  网站总数: ['政府网站总数（元数据 websitesTotal）', (s) => num(s.websites.total)],
  网站抽查率: ['网站抽查率 = 网站数 ÷ 网站总数', (s) => percent(s.websites.samplingRate)],
  网站最高分: ['网站总分最高值', (s) => (s.websites.score ? formatScore(s.websites.score.max) : undefined)],
  网站最低分: ['网站总分最低值', (s) => (s.websites.score ? formatScore(s.websites.score.min) : undefined)],
  网站平均分: ['网站总分平均值', (s) => (s.websites.score ? formatScore(s.websites.score.mean) : undefined)],
  网站其他问题数: ['“其他问题”中的问题条数', (s) => num(s.websites.problemCount)],
  有其他问题的网站数: ['“其他问题”不为“无”的网站数', (s) => num(s.websites.withProblems)],
  有单项否决项的网站数: ['至少一项单项否决指标为“是”的网站数', (s) => num(s.websites.withVeto)],
  网站合格数: ['结果为合格的网站数（附件1有“结果”列时）', (s) => num(s.websites.passed)],
  网站合格率: ['网站合格率（附件1有“结果”列时）', (s) => percent(s.websites.passRate)],
  ...Object.fromEntries(
    WEBSITE_FLAGS.map((f) => [`${f.name}网站数`, [`“${f.name}”为“是”的网站数`, (s: QuarterStats) => num(s.websites.flags[f.key])]]),
  ),
  新媒体数: ['本次抽查的政务新媒体数（附件2行数）', (s) => num(s.newMedia.count)],
  新媒体总数: ['政务新媒体总数（元数据 newMediaTotal）', (s) => num(s.newMedia.total)],
  新媒体抽查率: ['政务新媒体抽查率 = 新媒体数 ÷ 新媒体总数', (s) => percent(s.newMedia.samplingRate)],
  新媒体单位数: ['附件2中的单位数', (s) => num(s.newMedia.units)],
  新媒体合格数: ['结果为合格的政务新媒体数', (s) => num(s.newMedia.passed)],
  新媒体不合格数: ['结果为不合格的政务新媒体数', (s) => num(s.newMedia.failed)],
  新媒体合格率: ['政务新媒体合格率', (s) => percent(s.newMedia.passRate)],
};

