/** Per-quarter figures for pages and prose, computed once from the validated records. */
import { PLATFORMS, WEBSITE_FLAGS, type WebsiteFlagKey } from './columns.ts';
import type { AccountRecord, WebsiteRecord } from './records.ts';
import { regionLabel } from './region.ts';
import { round2 } from './score.ts';
import { TABLE_KINDS, type TableKind, type TableRecord } from './tables.ts';

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

/** One district's websites (所属地区): how many, their mean total score, how many have a veto flag. */
export interface WebsiteDistrict {
  region: string;
  count: number;
  meanScore: number;
  withVeto: number;
}

/** One district's accounts: how many, how many passed, 合格率 in percent. */
export interface AccountDistrict {
  region: string;
  count: number;
  passed: number;
  passRate: number;
}

/** Each table's figures. Keyed by table kind: a table added to the registry needs its figures here to compile. */
export interface TableStats {
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
    /** Per district (所属地区); rows without one under 未注明地区 — all of them when the table has no such column. */
    districts: WebsiteDistrict[];
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
    districts: AccountDistrict[];
  };
}

/** A quarter's figures: those of each table it published (absent for a table it did not). */
export type QuarterStats = { [K in TableKind]?: TableStats[K] };

const percent = (part: number, whole: number) => round2((part / whole) * 100);

/** Counts by label, most frequent first, then in Chinese collation order. */
export function countBy<T>(items: readonly T[], label: (item: T) => string | undefined): Count[] {
  const counts = new Map<string, number>();
  for (const item of items) {
    const l = label(item);
    if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  return [...counts]
    .map(([l, count]) => ({ label: l, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'));
}

const mean = (values: readonly number[]) => round2(values.reduce((a, b) => a + b, 0) / values.length);
const hasVeto = (w: WebsiteRecord) => WEBSITE_FLAGS.some((f) => w[f.key]);

/** Groups by 所属地区, rows without one under 未注明地区 (so every row is counted once). */
function byDistrict<T extends { region?: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const region = regionLabel(row.region);
    const group = groups.get(region);
    if (group) group.push(row);
    else groups.set(region, [row]);
  }
  return groups;
}

export function websiteStats(websites: readonly WebsiteRecord[], total?: number): TableStats['websites'] {
  const scores = websites.map((w) => w.total);
  const flags = Object.fromEntries(
    WEBSITE_FLAGS.map((f) => [f.key, websites.filter((w) => w[f.key]).length]),
  ) as Record<WebsiteFlagKey, number>;
  const judged = websites.filter((w) => w.result !== undefined);
  const passedSites = judged.filter((w) => w.result === '合格').length;
  const hasResults = websites.length > 0 && judged.length === websites.length;
  return {
    count: websites.length,
    total,
    samplingRate: total ? percent(websites.length, total) : undefined,
    byCategory: countBy(websites, (w) => w.category),
    byRegion: countBy(websites, (w) => w.region),
    flags,
    withVeto: websites.filter(hasVeto).length,
    problemCount: websites.reduce((n, w) => n + w.problems.length, 0),
    withProblems: websites.filter((w) => w.problems.length > 0).length,
    problems: countBy(
      websites.flatMap((w) => w.problems),
      (p) => p,
    ),
    score: scores.length
      ? { min: Math.min(...scores), mean: mean(scores), max: Math.max(...scores) }
      : undefined,
    passed: hasResults ? passedSites : undefined,
    passRate: hasResults ? percent(passedSites, websites.length) : undefined,
    districts: [...byDistrict(websites)].map(([region, sites]) => ({
      region,
      count: sites.length,
      meanScore: mean(sites.map((w) => w.total)),
      withVeto: sites.filter(hasVeto).length,
    })),
  };
}

export function newMediaStats(accounts: readonly AccountRecord[], total?: number): TableStats['newMedia'] {
  // One pass over the rows (a national quarter has 140,000): every count below is a tally of it.
  const platformOrder = (p: string) => PLATFORMS.indexOf(p as (typeof PLATFORMS)[number]);
  const platforms = new Map<string, { count: number; passed: number }>();
  const districts = new Map<string, { count: number; passed: number }>();
  const units = new Set<string>();
  let passedAccounts = 0;
  for (const a of accounts) {
    const passed = a.result === '合格' ? 1 : 0;
    passedAccounts += passed;
    units.add(a.unit);
    const platform = platforms.get(a.platform);
    if (platform) {
      platform.count++;
      platform.passed += passed;
    } else platforms.set(a.platform, { count: 1, passed });
    const region = regionLabel(a.region);
    const district = districts.get(region);
    if (district) {
      district.count++;
      district.passed += passed;
    } else districts.set(region, { count: 1, passed });
  }
  const byPlatform = [...platforms]
    .map(([platform, { count, passed }]) => ({ platform, count, passed, passRate: percent(passed, count) }))
    .sort((a, b) => b.count - a.count || platformOrder(a.platform) - platformOrder(b.platform));
  return {
    count: accounts.length,
    total,
    samplingRate: total ? percent(accounts.length, total) : undefined,
    units: units.size,
    byRegion: countBy(accounts, (a) => a.region),
    byPlatform,
    passed: passedAccounts,
    failed: accounts.length - passedAccounts,
    passRate: accounts.length ? percent(passedAccounts, accounts.length) : undefined,
    // In order of first appearance, as byDistrict groups them.
    districts: [...districts].map(([region, { count, passed }]) => ({
      region,
      count,
      passed,
      passRate: percent(passed, count),
    })),
  };
}

const STATS: { [K in TableKind]: (records: readonly TableRecord<K>[], total?: number) => TableStats[K] } = {
  websites: websiteStats,
  newMedia: newMediaStats,
};

/** The figures of each table a quarter has; `totals` are the bulletin's counts of all websites / accounts. */
export function aggregate(
  tables: { readonly [K in TableKind]?: { readonly records: readonly TableRecord<K>[] } },
  totals: { [K in TableKind]?: number } = {},
): QuarterStats {
  const stats: QuarterStats = {};
  const put = <K extends TableKind>(kind: K) => {
    const table = tables[kind];
    if (table) stats[kind] = STATS[kind](table.records, totals[kind]);
  };
  for (const kind of TABLE_KINDS) put(kind);
  return stats;
}
