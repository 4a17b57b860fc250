/**
 * Plain-language explanations of the figures (名词解释): the glossary page, the “怎么看” notes beside the annexes and
 * the key figures all read them from here, so the site says one thing. Facts only from the national indicators as
 * confirmed (国办秘函〔2019〕19号, see the domain primer): no points per deduction category, which are not confirmed.
 */
import { WEBSITE_FLAGS, type WebsiteFlagKey } from './columns.ts';
import { BONUS_THRESHOLD, PASS_MARK } from './score.ts';

/** The national indicators, as the bulletins cite them. */
export const INDICATORS = '国办秘函〔2019〕19号';
export const INDICATORS_TITLE = '政府网站与政务新媒体检查指标';

/** What each single-veto column of 附件1 means. */
export const WEBSITE_VETO_MEANING: Record<WebsiteFlagKey, string> = {
  homepageStale: '首页连续 2 周没有新内容。',
  columnsStale:
    '新闻、通知公告类栏目中有 5 个以上没有按时更新，或有 10 个以上栏目长期没有更新，或有 5 个以上空白栏目。',
  poorInteraction: '网站的互动交流回应差。',
  servicesUnusable: '网站的办事服务不实用。',
  seriousIncident: '网站发生安全、泄密事故等严重问题。',
};

/** Website veto items that have no column of their own in 附件1. */
export const WEBSITE_VETO_OTHER = [
  { name: '站点无法访问', meaning: '网站打不开。附件1 没有这一列。' },
] as const;

/** The single-veto items for new-media accounts (附件2 has only 结果). */
export const NEW_MEDIA_VETOES = [
  { name: '安全、泄密事故等严重问题', meaning: '账号发生安全、泄密事故等严重问题。' },
  { name: '内容不更新', meaning: '账号连续 2 周没有发布新内容。' },
  { name: '互动回应差', meaning: '账号的互动交流回应差。' },
] as const;

/** The website veto columns with their meanings, in the annex's order. */
export const websiteVetoes = () =>
  WEBSITE_FLAGS.map((f) => ({ key: f.key, name: f.name, meaning: WEBSITE_VETO_MEANING[f.key] }));

/** Sentences used wherever a score is shown. */
export const SCORE_RULE = '总分 = 100 + 加分 − 扣分。';
export const BONUS_RULE = `加分最多 30 分，只有 100 − 扣分 高于 ${BONUS_THRESHOLD} 分时才计入，所以总分可能超过 100 分。`;
export const VETO_RULE = `按国家检查指标（${INDICATORS}），单项否决项中有任何一项为“是”，网站或账号即为不合格，不再计分。`;
export const PASS_RULE = `没有单项否决项的网站，100 − 扣分 低于 ${PASS_MARK} 分为不合格。`;
export const AS_PUBLISHED = '本站照通报原文公布表格和分数，不作改动。';

/** Anchors of the glossary page (src/pages/glossary.astro). */
export const TERM = {
  total: 'total',
  veto: 'veto',
  pass: 'pass',
  asPublished: 'as-published',
  otherProblems: 'other-problems',
  samplingRate: 'sampling-rate',
  indicators: 'indicators',
} as const;

/** Rows a bulletin scored although a single-veto item is 是, and what it published for them (none when it did not). */
export interface VetoedButScored {
  count: number;
  /** Each veto column set on any of them, with how many of these sites have it. */
  flags: { name: string; count: number }[];
  /** Lowest and highest 总分 the bulletin gave them. */
  min: number;
  max: number;
  /** How many of them the bulletin's 结果 column calls 合格 (0 when it has no 结果 column). */
  passed: number;
}

type ScoredSite = { [K in WebsiteFlagKey]: boolean } & { total: number; result?: string };

/**
 * The sites the bulletin scored despite a veto item: a flag 是 and not published as 不合格 (the same rule as the
 * validation warning in score.ts). The figures are the bulletin's own; this only says where they depart from the rule.
 */
export function vetoedButScored(sites: readonly ScoredSite[]): VetoedButScored | undefined {
  const hit = sites.filter((s) => WEBSITE_FLAGS.some((f) => s[f.key]) && s.result !== '不合格');
  if (hit.length === 0) return undefined;
  const totals = hit.map((s) => s.total);
  return {
    count: hit.length,
    flags: WEBSITE_FLAGS.map((f) => ({ name: f.name, count: hit.filter((s) => s[f.key]).length })).filter(
      (f) => f.count > 0,
    ),
    min: Math.min(...totals),
    max: Math.max(...totals),
    passed: hit.filter((s) => s.result === '合格').length,
  };
}
