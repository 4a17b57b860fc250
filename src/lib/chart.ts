/** What a chart draws, shared by the build (table, summary) and the browser (Chart.js): plain JSON. */
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
  /** Unit after each value, e.g. `%`, `分`, `个`. */
  unit?: string;
  min?: number;
  max?: number;
  /** Start the value axis at zero (default); scores read better on an axis fitted to them. */
  zero?: boolean;
  /** Counts: whole-number ticks. */
  integer?: boolean;
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

/** One sentence for the canvas's aria-label: how each series moved (line) or where it peaks (bar). */
export function chartSummary(caption: string, spec: ChartSpec): string {
  const unit = spec.unit ?? '';
  const parts = spec.series.map((s) => {
    const points = s.values.map((v, i) => ({ v, label: spec.labels[i]! })).filter((p) => p.v !== null) as { v: number; label: string }[];
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
  return `${spec.type === 'line' ? '折线图' : '柱状图'}：${caption}。${parts.join('；')}。数字见图下的表格。`;
}
