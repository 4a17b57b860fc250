/** Per-quarter figures for pages and prose, computed once from the validated records. */
import { PLATFORMS, WEBSITE_FLAGS, type WebsiteFlagKey } from './columns.ts';
import type { AccountRecord, WebsiteRecord } from './records.ts';
import { round2 } from './score.ts';

export interface Count {
  label: string;
  count: number;
}

export interface PlatformStats {
  platform: string;
  count: number;
  passed: number;
  /** 合格率 in percent, two decimals. */
  passRate: number;
}

export interface QuarterStats {
  websites: {
    count: number;
    /** How many websites exist (frontmatter), when given. */
    total?: number;
    /** 抽查率 in percent, when the total is given. */
    samplingRate?: number;
    byCategory: Count[];
    byRegion: Count[];
    flags: Record<WebsiteFlagKey, number>;
    /** Websites with at least one veto flag. */
    withVeto: number;
    /** Problems in 其他问题, each counted separately. */
    problemCount: number;
    /** Websites with at least one problem in 其他问题. */
    withProblems: number;
    problems: Count[];
    score: { min: number; mean: number; max: number } | undefined;
    /** Only when the table has a 结果 column: the city's own verdicts. */
    passed?: number;
    passRate?: number;
  };
  newMedia: {
    count: number;
    total?: number;
    samplingRate?: number;
    units: number;
    byRegion: Count[];
    byPlatform: PlatformStats[];
    passed: number;
    failed: number;
    passRate: number | undefined;
  };
}

const percent = (part: number, whole: number) => round2((part / whole) * 100);

/** Counts by label, most frequent first, then in Chinese collation order. */
export function countBy<T>(items: readonly T[], label: (item: T) => string | undefined): Count[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const l = label(item);
    if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  return [...counts].map(([l, count]) => ({ label: l, count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'));
}

export function aggregate(
  websites: readonly WebsiteRecord[],
  accounts: readonly AccountRecord[],
  totals: { websites?: number; newMedia?: number } = {},
): QuarterStats {
  const scores = websites.map((w) => w.total);
  const flags = Object.fromEntries(WEBSITE_FLAGS.map((f) => [f.key, websites.filter((w) => w[f.key]).length])) as Record<WebsiteFlagKey, number>;
  const judged = websites.filter((w) => w.result !== undefined);
  const passedSites = judged.filter((w) => w.result === '合格').length;
  const hasResults = websites.length > 0 && judged.length === websites.length;
  const passedAccounts = accounts.filter((a) => a.result === '合格').length;
  const platformOrder = (p: string) => PLATFORMS.indexOf(p as (typeof PLATFORMS)[number]);
  const passedByPlatform = new Map<string, number>();
  for (const a of accounts) if (a.result === '合格') passedByPlatform.set(a.platform, (passedByPlatform.get(a.platform) ?? 0) + 1);
  const byPlatform = countBy(accounts, (a) => a.platform)
    .map(({ label, count }) => {
      const passed = passedByPlatform.get(label) ?? 0;
      return { platform: label, count, passed, passRate: percent(passed, count) };
    })
    .sort((a, b) => b.count - a.count || platformOrder(a.platform) - platformOrder(b.platform));
  return {
    websites: {
      count: websites.length,
      total: totals.websites,
      samplingRate: totals.websites ? percent(websites.length, totals.websites) : undefined,
      byCategory: countBy(websites, (w) => w.category),
      byRegion: countBy(websites, (w) => w.region),
      flags,
      withVeto: websites.filter((w) => WEBSITE_FLAGS.some((f) => w[f.key])).length,
      problemCount: websites.reduce((n, w) => n + w.problems.length, 0),
      withProblems: websites.filter((w) => w.problems.length > 0).length,
      problems: countBy(websites.flatMap((w) => w.problems), (p) => p),
      score: scores.length
        ? { min: Math.min(...scores), mean: round2(scores.reduce((a, b) => a + b, 0) / scores.length), max: Math.max(...scores) }
        : undefined,
      passed: hasResults ? passedSites : undefined,
      passRate: hasResults ? percent(passedSites, websites.length) : undefined,
    },
    newMedia: {
      count: accounts.length,
      total: totals.newMedia,
      samplingRate: totals.newMedia ? percent(accounts.length, totals.newMedia) : undefined,
      units: new Set(accounts.map((a) => a.unit)).size,
      byRegion: countBy(accounts, (a) => a.region),
      byPlatform,
      passed: passedAccounts,
      failed: accounts.length - passedAccounts,
      passRate: accounts.length ? percent(passedAccounts, accounts.length) : undefined,
    },
  };
}
