/**
 * The figures of the trends page, each a table (and a chart when there is something to compare), built from the
 * history once: the page renders them and /trends/<id>.csv writes the same rows (chartTable), so both hold the same numbers.
 */
import { canDraw, chartTable, type ChartSpec } from './chart.ts';
import { WEBSITE_FLAGS } from './columns.ts';
import { neutraliseFormula, toCsv } from './export.ts';
import {
  platformRate,
  type DistrictRow,
  type History,
  type QuarterRef,
  type TrendRow,
  type WebsiteHistory,
} from './history.ts';
import { shortQuarterLabel } from './quarter.ts';
import { NO_REGION } from './region.ts';
import type { TableKind } from './tables.ts';

export interface TrendFigure {
  /** Element id on the page and the CSV's file name. */
  id: string;
  caption: string;
  categoryHeader: string;
  spec: ChartSpec;
  /** Units per column when they differ (the district table). */
  units?: string[];
  /** The columns drawn, when not all of them. */
  chartSeries?: number[];
}

export interface DistrictFigure extends TrendFigure {
  /** What the chart draws, for the sentence under it; undefined when nothing is drawn. */
  drawn?: string;
  /** Tables whose rows carry no 所属地区 at all: every one of them is counted under 未注明地区. */
  unlocated: TableKind[];
}

export interface TrendFigures {
  counts: TrendFigure;
  scores?: TrendFigure;
  flags?: TrendFigure;
  websiteRepeats?: TrendFigure;
  accountRepeats?: TrendFigure;
  passRate?: TrendFigure;
  platformRates?: TrendFigure;
  districts?: DistrictFigure;
}

const orNull = (n: number | undefined) => n ?? null;

export function trendFigures(history: History): TrendFigures {
  const { trends, quarters } = history;
  const rows = trends.rows;
  const latest = rows.at(-1);
  const byQuarter = {
    type: 'line' as const,
    labels: quarters.map((q) => q.label),
    axisLabels: quarters.map(shortQuarterLabel),
  };
  const quarterly = (
    id: string,
    caption: string,
    spec: Omit<ChartSpec, 'type' | 'labels' | 'axisLabels'>,
  ): TrendFigure => ({
    id,
    caption,
    categoryHeader: '季度',
    spec: { ...byQuarter, ...spec },
  });
  // A table no published quarter has gets no series or figure; a quarter without a table is a gap in its series.
  const hasWebsites = trends.tables.includes('websites');
  const hasNewMedia = trends.tables.includes('newMedia');

  const repeats = (
    id: string,
    caption: string,
    labelsByKey: Map<string, string>,
    pick: (r: TrendRow) => Record<string, number>,
    total: [string, (r: TrendRow) => number | undefined],
  ) =>
    labelsByKey.size === 0
      ? undefined
      : quarterly(id, caption, {
          unit: '个',
          integer: true,
          series: [
            // Not repeated in a quarter that has the table is 0; a quarter without the table has no value.
            ...[...labelsByKey].map(([key, label]) => ({
              label,
              values: rows.map((r) => (total[1](r) === undefined ? null : (pick(r)[key] ?? 0))),
            })),
            { label: total[0], values: rows.map((r) => orNull(total[1](r))) },
          ],
        });

  return {
    counts: quarterly('counts', '各季度抽查的政府网站和政务新媒体数', {
      unit: '个',
      integer: true,
      series: [
        ...(hasWebsites ? [{ label: '政府网站', values: rows.map((r) => orNull(r.websites)) }] : []),
        ...(hasNewMedia ? [{ label: '政务新媒体', values: rows.map((r) => orNull(r.accounts)) }] : []),
      ],
    }),
    scores: hasWebsites
      ? quarterly('scores', '各季度政府网站总分的最高分、平均分和最低分', {
          unit: '分',
          series: [
            { label: '最高分', values: rows.map((r) => orNull(r.score?.max)) },
            { label: '平均分', values: rows.map((r) => orNull(r.score?.mean)) },
            { label: '最低分', values: rows.map((r) => orNull(r.score?.min)) },
          ],
        })
      : undefined,
    flags: hasWebsites
      ? quarterly('flags', '各季度单项否决项为“是”的网站数', {
          unit: '个',
          integer: true,
          series: WEBSITE_FLAGS.map((f) => ({
            label: f.name,
            values: rows.map((r) => orNull(r.flags?.[f.key])),
          })),
        })
      : undefined,
    websiteRepeats: hasWebsites
      ? repeats(
          'website-repeats',
          '政府网站：各季度连续出现的问题（网站数）',
          trends.websiteRepeatLabels,
          (r) => r.websiteRepeats,
          ['有连续问题的网站', (r) => r.websitesWithRepeats],
        )
      : undefined,
    accountRepeats: hasNewMedia
      ? repeats(
          'account-repeats',
          '政务新媒体：各季度连续出现的问题（账号数）',
          trends.accountRepeatLabels,
          (r) => r.accountRepeats,
          ['有连续问题的账号', (r) => r.accountsWithRepeats],
        )
      : undefined,
    passRate: hasNewMedia
      ? quarterly('pass-rate', '各季度政务新媒体合格率', {
          unit: '%',
          max: 100,
          series: [{ label: '合格率', values: rows.map((r) => orNull(r.passRate)) }],
        })
      : undefined,
    platformRates: hasNewMedia
      ? quarterly('platform-rates', '各季度政务新媒体合格率（按账号类型）', {
          unit: '%',
          max: 100,
          series: trends.platforms.map((p) => ({
            label: p,
            values: rows.map((r) => orNull(platformRate(r, p))),
          })),
          reference: { label: '全部账号', values: rows.map((r) => orNull(r.passRate)) },
        })
      : undefined,
    districts: latest && trends.districts ? districtFigure(latest, trends.districts) : undefined,
  };
}

/**
 * The latest quarter by 所属地区: one column per figure of each table the quarter has, a 未注明地区 row for rows without
 * one. The chart draws 新媒体合格率 when accounts carry districts, else 网站平均得分 when websites do, else nothing.
 */
function districtFigure(latest: TrendRow, districts: DistrictRow[]): DistrictFigure {
  const has = (kind: TableKind) => latest.tables.includes(kind);
  const located = (pick: (d: DistrictRow) => number | undefined) =>
    districts.some((d) => d.region !== NO_REGION && pick(d) !== undefined);
  const columns = [
    ...(has('websites')
      ? [
          { label: '网站数', unit: '个', value: (d: DistrictRow) => d.websites },
          { label: '网站平均得分', unit: '分', value: (d: DistrictRow) => d.meanScore },
          { label: '有单项否决项的网站', unit: '个', value: (d: DistrictRow) => d.withVeto },
        ]
      : []),
    ...(has('newMedia')
      ? [
          { label: '新媒体数', unit: '个', value: (d: DistrictRow) => d.accounts },
          { label: '新媒体合格率', unit: '%', value: (d: DistrictRow) => d.passRate },
        ]
      : []),
  ];
  const spec: ChartSpec = {
    type: 'bar',
    horizontal: true,
    labels: districts.map((d) => d.region),
    series: columns.map((c) => ({ label: c.label, values: districts.map((d) => orNull(c.value(d))) })),
  };
  const pick = (label: string) => columns.findIndex((c) => c.label === label);
  const drawnIndex =
    has('newMedia') && located((d) => d.accounts)
      ? pick('新媒体合格率')
      : has('websites') && located((d) => d.websites)
        ? pick('网站平均得分')
        : -1;
  const full: ChartSpec = drawnIndex >= 0 && columns[drawnIndex]!.unit === '%' ? { ...spec, max: 100 } : spec;
  const drawn =
    drawnIndex >= 0 && canDraw({ ...full, series: [full.series[drawnIndex]!] })
      ? columns[drawnIndex]!.label
      : undefined;
  return {
    id: 'districts',
    caption: `${latest.quarter.label}各地区检查情况`,
    categoryHeader: '所属地区',
    spec: full,
    units: columns.map((c) => c.unit),
    chartSeries: drawn ? [drawnIndex] : [],
    drawn,
    unlocated: [
      ...(has('websites') && !located((d) => d.websites) ? ['websites' as const] : []),
      ...(has('newMedia') && !located((d) => d.accounts) ? ['newMedia' as const] : []),
    ],
  };
}

/** Every figure of the page, in page order (the CSV files). */
export const allTrendFigures = (figures: TrendFigures): (TrendFigure | DistrictFigure)[] =>
  [
    figures.counts,
    figures.scores,
    figures.flags,
    figures.websiteRepeats,
    figures.accountRepeats,
    figures.passRate,
    figures.platformRates,
    figures.districts,
  ].filter((f): f is TrendFigure => f !== undefined);

/** A website's 总分 in each quarter from its first inspection to its last; a quarter in between without it is a gap. */
export function websiteScoreFigure(site: WebsiteHistory, quarters: readonly QuarterRef[]): TrendFigure {
  const span = quarters.slice(site.entries[0]!.quarter.index, site.entries.at(-1)!.quarter.index + 1);
  return {
    id: 'score-chart',
    caption: `${site.name}各季度总分`,
    categoryHeader: '季度',
    spec: {
      type: 'line',
      labels: span.map((q) => q.label),
      axisLabels: span.map(shortQuarterLabel),
      unit: '分',
      series: [
        {
          label: '总分',
          values: span.map(
            (q) => site.entries.find((e) => e.quarter.index === q.index)?.record.total ?? null,
          ),
        },
      ],
    },
  };
}

/** A figure's table as CSV (UTF-8 BOM, CRLF, as the other downloads): the same rows and numbers as on the page. */
export function figureCsv(f: TrendFigure): string {
  const [head, ...rows] = chartTable(f.spec, f.categoryHeader, f.units);
  return toCsv([head!, ...rows.map(([label, ...values]) => [neutraliseFormula(label!), ...values])]);
}
