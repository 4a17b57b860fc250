/** What a chart draws, shared by the build (table, summary, CSV) and the browser (Chart.js): plain JSON. */
import { formatScore } from './decimal.ts';

export interface ChartSeries {
  label: string;
  /** One per label; null where there is no value (not inspected, no score). */
  values: (number | null)[];
}

export interface ChartSpec {
  type: 'line' | 'bar';
  /** Categories along the x axis: quarters, platforms or districts. */
  labels: string[];
  /** Shorter labels for the chart's axis (e.g. `2021-Q1`), one per label; the table keeps `labels`. */
  axisLabels?: string[];
  series: ChartSeries[];
  /**
   * A line drawn in every panel for comparison (e.g. 全部账号 beside each 账号类型), grey and dashed; it is not one of
   * the table's columns (its figures are in another table).
   */
  reference?: ChartSeries;
  /** Unit after each value, e.g. `%`, `分`, `个`. */
  unit?: string;
  /** Top of the value axis (100 for a percentage); the bottom is always 0. */
  max?: number;
  /** Top the axis reaches at least: small multiples share it, so that their heights compare. */
  suggestedMax?: number;
  /** Counts: whole-number ticks. */
  integer?: boolean;
  /** Bars lying down, one row per category: long lists of districts stay readable on a phone. */
  horizontal?: boolean;
}

/** More series than this in one chart cannot be told apart: the chart is drawn as small multiples, one per series. */
export const MAX_SERIES = 6;

/** The page background the charts are drawn on. */
export const CHART_BACKGROUND = '#ffffff';

/**
 * One colour, marker and dash per series. Okabe–Ito hues (colour-blind safe), the light ones darkened so that every
 * line and marker has at least 3:1 contrast against the background (WCAG 1.4.11, graphical objects); each series
 * also has its own marker and dash, so that grey scale, print and colour blindness still tell them apart.
 */
export const SERIES_STYLES = [
  { colour: '#0072B2', marker: 'circle', dash: [] },
  { colour: '#D55E00', marker: 'rect', dash: [6, 4] },
  { colour: '#009E73', marker: 'triangle', dash: [2, 3] },
  { colour: '#B8558D', marker: 'rectRot', dash: [10, 3, 2, 3] },
  { colour: '#B07800', marker: 'crossRot', dash: [1, 3] },
  { colour: '#1F2328', marker: 'star', dash: [8, 8] },
] as const satisfies readonly { colour: string; marker: string; dash: number[] }[];

/** The comparison line of a panel: grey, dashed, no markers. */
export const REFERENCE_STYLE = { colour: '#57606a', marker: 'line', dash: [4, 4] } as const;

export type SeriesStyle = (typeof SERIES_STYLES)[number];

/** Style of the i-th series of a chart (a chart never has more than MAX_SERIES). */
export function seriesStyle(i: number): SeriesStyle {
  return SERIES_STYLES[i % SERIES_STYLES.length]!;
}

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two `#rrggbb` colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `98.5` + `%` → `98.5%`; null → `—`. */
export function formatValue(value: number | null | undefined, unit = ''): string {
  return value === null || value === undefined ? '—' : `${formatScore(value)}${unit}`;
}

/** A chart is worth drawing when it has something to compare: a line needs two points in time, a bar chart one value. */
export function canDraw(spec: ChartSpec): boolean {
  const hasValue = spec.series.some((s) => s.values.some((v) => v !== null));
  return hasValue && (spec.type === 'bar' || spec.labels.length >= 2);
}

/** The value axis: from 0 always (a cut axis exaggerates a change), up to `max` or at least `suggestedMax`. */
export function valueAxis(spec: Pick<ChartSpec, 'max' | 'suggestedMax'>): {
  min: 0;
  max?: number;
  suggestedMax?: number;
} {
  return {
    min: 0,
    ...(spec.max !== undefined ? { max: spec.max } : {}),
    ...(spec.suggestedMax !== undefined ? { suggestedMax: spec.suggestedMax } : {}),
  };
}

/** One chart of a figure: its own title when the figure is drawn as small multiples. */
export interface ChartPanel {
  title?: string;
  spec: ChartSpec;
}

/**
 * The charts a figure is drawn as: itself when it has at most MAX_SERIES series, otherwise one small chart per series
 * (with the reference line, if any), all on the same value axis so that their heights compare.
 */
export function chartPanels(spec: ChartSpec): ChartPanel[] {
  if (spec.series.length <= MAX_SERIES) return [{ spec }];
  const values = [...spec.series, ...(spec.reference ? [spec.reference] : [])]
    .flatMap((s) => s.values)
    .filter((v): v is number => v !== null);
  const top = values.length ? Math.max(...values) : undefined;
  return spec.series.map((s) => ({
    title: s.label,
    spec: {
      ...spec,
      series: [s],
      ...(spec.max === undefined && top !== undefined ? { suggestedMax: top } : {}),
    },
  }));
}

/** One sentence for the canvas's aria-label: how each series moved (line) or where it peaks (bar). */
export function chartSummary(caption: string, spec: ChartSpec): string {
  const unit = spec.unit ?? '';
  const parts = [...spec.series, ...(spec.reference ? [spec.reference] : [])].map((s) => {
    const points = s.values.map((v, i) => ({ v, label: spec.labels[i]! })).filter((p) => p.v !== null) as {
      v: number;
      label: string;
    }[];
    if (points.length === 0) return `${s.label}：无数据`;
    if (spec.type === 'line') {
      const first = points[0]!;
      const last = points.at(-1)!;
      return points.length === 1
        ? `${s.label}：${first.label} ${formatValue(first.v, unit)}`
        : `${s.label}：由${first.label}的 ${formatValue(first.v, unit)} 变为${last.label}的 ${formatValue(last.v, unit)}`;
    }
    const top = points.reduce((a, b) => (b.v > a.v ? b : a));
    const low = points.reduce((a, b) => (b.v < a.v ? b : a));
    return `${s.label}：最高为${top.label} ${formatValue(top.v, unit)}，最低为${low.label} ${formatValue(low.v, unit)}`;
  });
  return `${spec.type === 'line' ? '折线图' : '柱状图'}：${caption}（${spec.horizontal ? '横轴' : '纵轴'}从 0 起）。${parts.join('；')}。数字见图下的表格。`;
}

/** A figure's table as rows of text: the header (units in brackets), then one row per category; a missing value is empty. */
export function chartTable(
  spec: Pick<ChartSpec, 'labels' | 'series' | 'unit'>,
  categoryHeader: string,
  units?: readonly string[],
): string[][] {
  const unitOf = (i: number) => units?.[i] ?? spec.unit ?? '';
  return [
    [categoryHeader, ...spec.series.map((s, i) => (unitOf(i) ? `${s.label}（${unitOf(i)}）` : s.label))],
    ...spec.labels.map((label, row) => [
      label,
      ...spec.series.map((s) => {
        const v = s.values[row];
        return v === null || v === undefined ? '' : formatScore(v);
      }),
    ]),
  ];
}
