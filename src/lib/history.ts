/**
 * Each website's, account's and unit's record across the published quarters, repeat problems,
 * and the city's trends per quarter. Per-quarter figures come from aggregate.ts (quarter.stats).
 */
import type { PlatformStats } from './aggregate.ts';
import { PLATFORMS, WEBSITE_FLAGS, type WebsiteFlagKey } from './columns.ts';
import { unitKey } from './identity.ts';
import type { Quarter } from './load.ts';
import { normalizeName } from './normalize.ts';
import { compareQuarters } from './quarter.ts';
import { compareRegions, NO_REGION } from './region.ts';
import type { AccountRecord, WebsiteRecord } from './records.ts';
import { round2 } from './score.ts';
import { TABLE_KINDS, type TableKind } from './tables.ts';

/** A published quarter as entity pages cite it; `index` is its place among published quarters, oldest = 0. */
export interface QuarterRef {
  id: string;
  slug: string;
  label: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  index: number;
}

/** A problem found in one quarter, with the number of consecutive published quarters it has been found in up to this one. */
export interface ProblemMark {
  /** Identity of the problem: `flag:<key>`, `problem:<normalised text>` or `result:不合格`. */
  key: string;
  /** As published. */
  label: string;
  kind: 'flag' | 'problem' | 'result';
  run: number;
}

/** A problem counts as repeated from its second consecutive quarter on. */
export const REPEAT_RUN = 2;

export interface WebsiteEntry {
  quarter: QuarterRef;
  record: WebsiteRecord;
  /** Veto flags first (annex order), then 其他问题. */
  problems: ProblemMark[];
}

export interface WebsiteHistory {
  key: string;
  /** Name in the latest quarter it appears in. */
  name: string;
  /** Every name it was published under, oldest first. */
  names: string[];
  region?: string;
  category?: string;
  /** Oldest first. */
  entries: WebsiteEntry[];
}

export interface AccountEntry {
  quarter: QuarterRef;
  record: AccountRecord;
  /** 不合格 first, then the items of 问题描述. */
  problems: ProblemMark[];
}

export interface AccountHistory {
  key: string;
  account: string;
  names: string[];
  platform: string;
  /** Unit in the latest quarter. */
  unit: string;
  units: string[];
  region?: string;
  entries: AccountEntry[];
}

export interface UnitEntry {
  quarter: QuarterRef;
  accounts: AccountRecord[];
  passed: number;
}

export interface UnitHistory {
  key: string;
  name: string;
  names: string[];
  region?: string;
  /** Keys of every account the unit has had, in order of first appearance. */
  accountKeys: string[];
  entries: UnitEntry[];
}

/**
 * One published quarter's figures. A figure of a table the quarter did not publish is undefined (a gap in the
 * series, never a 0), and so are the repeat counts of that table.
 */
export interface TrendRow {
  quarter: QuarterRef;
  /** The tables the quarter published. */
  tables: TableKind[];
  websites?: number;
  accounts?: number;
  score?: { min: number; mean: number; max: number };
  flags?: Record<WebsiteFlagKey, number>;
  passed?: number;
  failed?: number;
  passRate?: number;
  /** Empty when the quarter has no 附件2. */
  platforms: PlatformStats[];
  /** Problem key → websites where it is repeated (run ≥ 2) this quarter. */
  websiteRepeats: Record<string, number>;
  /** Problem key → accounts where it is repeated this quarter. */
  accountRepeats: Record<string, number>;
  /** Websites / accounts with at least one repeated problem this quarter (undefined without the table). */
  websitesWithRepeats?: number;
  accountsWithRepeats?: number;
}

/** One district of the latest quarter; a table's figures are undefined when the quarter has no such table. */
export interface DistrictRow {
  region: string;
  websites?: number;
  meanScore?: number;
  withVeto?: number;
  accounts?: number;
  passed?: number;
  passRate?: number;
}

export interface Trends {
  /** Oldest first. */
  rows: TrendRow[];
  /** Platforms inspected in any quarter, in the order of the platform list. */
  platforms: string[];
  /** Repeated problems, key → label (latest wording), in order of first repeat. */
  websiteRepeatLabels: Map<string, string>;
  accountRepeatLabels: Map<string, string>;
  /** Per-district figures of the latest quarter; undefined when neither table has 所属地区. */
  districts?: DistrictRow[];
  /** The tables any published quarter has: a trend of a table no quarter published is not shown at all. */
  tables: TableKind[];
}

export interface History {
  quarters: QuarterRef[];
  websites: WebsiteHistory[];
  accounts: AccountHistory[];
  units: UnitHistory[];
  trends: Trends;
}

/** Key of a 其他问题 / 问题描述 item: spacing, width, case and closing punctuation do not make a new problem. */
export function problemKey(text: string): string {
  return `problem:${normalizeName(text).replace(/[。．.，,；;、！!]+$/, '')}`;
}

function websiteProblems(r: WebsiteRecord): Omit<ProblemMark, 'run'>[] {
  const flags = WEBSITE_FLAGS.filter((f) => r[f.key]).map((f) => ({
    key: `flag:${f.key}`,
    label: f.name,
    kind: 'flag' as const,
  }));
  return [...flags, ...r.problems.map((p) => ({ key: problemKey(p), label: p, kind: 'problem' as const }))];
}

function accountProblems(r: AccountRecord): Omit<ProblemMark, 'run'>[] {
  const failed =
    r.result === '不合格' ? [{ key: 'result:不合格', label: '不合格', kind: 'result' as const }] : [];
  return [...failed, ...r.problems.map((p) => ({ key: problemKey(p), label: p, kind: 'problem' as const }))];
}

/** Adds run lengths: a problem's run continues only from the immediately preceding published quarter. */
function withRuns<E extends { quarter: QuarterRef; problems: ProblemMark[] }>(entries: E[]): E[] {
  let prev: E | undefined;
  for (const entry of entries) {
    const before =
      prev && prev.quarter.index === entry.quarter.index - 1
        ? new Map(prev.problems.map((p) => [p.key, p.run]))
        : undefined;
    for (const p of entry.problems) p.run = (before?.get(p.key) ?? 0) + 1;
    prev = entry;
  }
  return entries;
}

/** Keeps the first mark of each key (a problem written twice in one row is one problem). */
const unique = (marks: Omit<ProblemMark, 'run'>[]): ProblemMark[] => [
  ...new Map(marks.map((m) => [m.key, { ...m, run: 1 }])).values(),
];

const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))];

/** Groups items by key, keeping first-appearance order. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Builds every history and trend from the published quarters (any order in; oldest first out). */
export function buildHistory(all: readonly Quarter[]): History {
  const published = all.filter((q) => q.published).sort(compareQuarters);
  const refs: QuarterRef[] = published.map((q, index) => ({
    id: q.id,
    slug: q.slug,
    label: q.label,
    year: q.year,
    quarter: q.quarter,
    index,
  }));

  const siteRows = published.flatMap((q, i) =>
    (q.tables.websites?.records ?? []).map((record) => ({ quarter: refs[i]!, record })),
  );
  const websites: WebsiteHistory[] = [...groupBy(siteRows, (r) => r.record.key)].map(([key, rows]) => {
    const entries = withRuns(
      rows.map(({ quarter, record }) => ({ quarter, record, problems: unique(websiteProblems(record)) })),
    );
    const last = entries.at(-1)!.record;
    return {
      key,
      name: last.name,
      names: distinct(entries.map((e) => e.record.name)),
      region: last.region ?? entries.findLast((e) => e.record.region)?.record.region,
      category: last.category ?? entries.findLast((e) => e.record.category)?.record.category,
      entries,
    };
  });

  const accountRows = published.flatMap((q, i) =>
    (q.tables.newMedia?.records ?? []).map((record) => ({ quarter: refs[i]!, record })),
  );
  const accounts: AccountHistory[] = [...groupBy(accountRows, (r) => r.record.key)].map(([key, rows]) => {
    const entries = withRuns(
      rows.map(({ quarter, record }) => ({ quarter, record, problems: unique(accountProblems(record)) })),
    );
    const last = entries.at(-1)!.record;
    return {
      key,
      account: last.account,
      names: distinct(entries.map((e) => e.record.account)),
      platform: last.platform,
      unit: last.unit,
      units: distinct(entries.map((e) => e.record.unit)),
      region: last.region ?? entries.findLast((e) => e.record.region)?.record.region,
      entries,
    };
  });

  // By the unit's identity after data/aliases.csv, so a renamed unit keeps one page.
  const units: UnitHistory[] = [
    ...groupBy(accountRows, (r) => r.record.unitKey ?? unitKey(r.record.unit)),
  ].map(([key, rows]) => {
    const entries = [...groupBy(rows, (r) => r.quarter.id).values()].map((qRows) => {
      const accs = qRows.map((r) => r.record);
      return {
        quarter: qRows[0]!.quarter,
        accounts: accs,
        passed: accs.filter((a) => a.result === '合格').length,
      };
    });
    const lastAccounts = entries.at(-1)!.accounts;
    return {
      key,
      name: lastAccounts[0]!.unit,
      names: distinct(rows.map((r) => r.record.unit)),
      region: rows.findLast((r) => r.record.region)?.record.region,
      accountKeys: distinct(rows.map((r) => r.record.key)),
      entries,
    };
  });

  return {
    quarters: refs,
    websites,
    accounts,
    units,
    trends: buildTrends(published, refs, websites, accounts),
  };
}

function buildTrends(
  published: Quarter[],
  refs: QuarterRef[],
  websites: WebsiteHistory[],
  accounts: AccountHistory[],
): Trends {
  const websiteRepeatLabels = new Map<string, string>();
  const accountRepeatLabels = new Map<string, string>();
  const repeatsByQuarter = (
    entries: { quarter: QuarterRef; problems: ProblemMark[] }[],
    labels: Map<string, string>,
  ) => {
    const counts = refs.map(() => ({}) as Record<string, number>);
    const entities = refs.map(() => 0);
    for (const e of [...entries].sort((a, b) => a.quarter.index - b.quarter.index)) {
      if (e.problems.some((p) => p.run >= REPEAT_RUN)) entities[e.quarter.index]!++;
      for (const p of e.problems) {
        if (p.run < REPEAT_RUN) continue;
        labels.set(p.key, p.label); // the latest wording names the problem; order stays that of the first repeat
        const c = counts[e.quarter.index]!;
        c[p.key] = (c[p.key] ?? 0) + 1;
      }
    }
    return { counts, entities };
  };
  const websiteRepeats = repeatsByQuarter(
    websites.flatMap((w) => w.entries),
    websiteRepeatLabels,
  );
  const accountRepeats = repeatsByQuarter(
    accounts.flatMap((a) => a.entries),
    accountRepeatLabels,
  );

  const rows: TrendRow[] = published.map((q, i) => {
    const { websites: w, newMedia: m } = q.stats;
    return {
      quarter: refs[i]!,
      tables: TABLE_KINDS.filter((kind) => q.tables[kind]),
      websites: w?.count,
      accounts: m?.count,
      score: w?.score,
      flags: w?.flags,
      passed: m?.passed,
      failed: m?.failed,
      passRate: m?.passRate,
      platforms: m?.byPlatform ?? [],
      websiteRepeats: w ? websiteRepeats.counts[i]! : {},
      accountRepeats: m ? accountRepeats.counts[i]! : {},
      websitesWithRepeats: w ? websiteRepeats.entities[i]! : undefined,
      accountsWithRepeats: m ? accountRepeats.entities[i]! : undefined,
    };
  });
  const seen = new Set(rows.flatMap((r) => r.platforms.map((p) => p.platform)));
  const platforms = PLATFORMS.filter((p) => seen.has(p));
  const latest = published.at(-1);
  const tables = TABLE_KINDS.filter((kind) => rows.some((r) => r.tables.includes(kind)));
  return {
    rows,
    platforms,
    websiteRepeatLabels,
    accountRepeatLabels,
    districts: latest ? districtComparison(latest) : undefined,
    tables,
  };
}

/**
 * Per-district figures of one quarter (computed by aggregate.ts), city level (市直…) first as in the lists, 未注明地区
 * last; undefined when no row of either table has 所属地区. Every row is counted: a table whose rows carry no 所属地区
 * at all counts all of them under 未注明地区 and has no figure (undefined, not 0) for the named districts.
 */
export function districtComparison(q: Pick<Quarter, 'stats'>): DistrictRow[] | undefined {
  const { websites: w, newMedia: m } = q.stats;
  const sites = new Map((w?.districts ?? []).map((d) => [d.region, d]));
  const accs = new Map((m?.districts ?? []).map((d) => [d.region, d]));
  const located = (groups: Map<string, unknown>) => [...groups.keys()].some((r) => r !== NO_REGION);
  const regions = distinct([...sites.keys(), ...accs.keys()]).sort(compareRegions);
  if (!located(sites) && !located(accs)) return undefined;
  // A table the quarter has gives 0 for a district it has no row in, if its rows carry districts at all.
  const zero = (table: unknown, groups: Map<string, unknown>, region: string) =>
    table && (located(groups) || region === NO_REGION) ? 0 : undefined;
  return regions.map((region) => {
    const site = sites.get(region);
    const acc = accs.get(region);
    return {
      region,
      websites: site?.count ?? zero(w, sites, region),
      meanScore: site?.meanScore,
      withVeto: site?.withVeto ?? zero(w, sites, region),
      accounts: acc?.count ?? zero(m, accs, region),
      passed: acc?.passed ?? zero(m, accs, region),
      passRate: acc?.passRate,
    };
  });
}

/** 合格率 of one platform in a trend row; undefined when the platform was not inspected that quarter. */
export function platformRate(row: TrendRow, platform: string): number | undefined {
  return row.platforms.find((p) => p.platform === platform)?.passRate;
}

/** The problems of an entry found in 2+ consecutive quarters. */
export const repeats = (entry: { problems: ProblemMark[] }) =>
  entry.problems.filter((p) => p.run >= REPEAT_RUN);

/** “连续 N 个季度”. */
export const runLabel = (run: number) => `连续 ${run} 个季度`;

/** Latest quarter against the one before: the home page's headline; undefined with fewer than two quarters. */
export function headline(
  trends: Trends,
): { latest: TrendRow; previous: TrendRow; meanScoreChange?: number; passRateChange?: number } | undefined {
  const [previous, latest] = trends.rows.slice(-2);
  if (!previous || !latest) return undefined;
  const diff = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : round2(a - b));
  return {
    latest,
    previous,
    meanScoreChange: diff(latest.score?.mean, previous.score?.mean),
    passRateChange: diff(latest.passRate, previous.passRate),
  };
}

/** Every completed or ongoing run of 2+ consecutive quarters in an entity's record, for its summary. */
export function repeatRuns(entries: readonly { quarter: QuarterRef; problems: ProblemMark[] }[]) {
  const runs: { key: string; label: string; run: number; from: QuarterRef; to: QuarterRef }[] = [];
  entries.forEach((entry, i) => {
    const next = entries[i + 1];
    for (const p of entry.problems) {
      if (p.run < REPEAT_RUN) continue;
      const continues =
        next && next.quarter.index === entry.quarter.index + 1 && next.problems.some((n) => n.key === p.key);
      if (!continues)
        runs.push({
          key: p.key,
          label: p.label,
          run: p.run,
          from: entries[i - p.run + 1]!.quarter,
          to: entry.quarter,
        });
    }
  });
  return runs;
}

/** A change with its sign, `+16.5` / `−3` / `持平`. */
export function formatChange(n: number | undefined, unit = ''): string {
  if (n === undefined) return '—';
  if (n === 0) return '持平';
  return `${n > 0 ? '+' : '−'}${round2(Math.abs(n))}${unit}`;
}
