/** Charts a person can read: few series per chart, each with its own colour and marker, colours that stand out, axes from 0. */
import { describe, expect, it } from 'vitest';
import {
  CHART_BACKGROUND,
  MAX_SERIES,
  REFERENCE_STYLE,
  SERIES_STYLES,
  canDraw,
  chartPanels,
  chartSummary,
  chartTable,
  contrastRatio,
  seriesStyle,
  valueAxis,
  type ChartSpec,
} from '../../src/lib/chart.ts';
import { PLATFORMS } from '../../src/lib/columns.ts';

const quarters = ['2021年第一季度', '2021年第二季度', '2021年第三季度', '2021年第四季度'];
const platforms: ChartSpec = {
  type: 'line',
  labels: quarters,
  unit: '%',
  max: 100,
  series: PLATFORMS.slice(0, 12).map((label, i) => ({
    label,
    values: [100 - i, 99, i === 3 ? null : 98, 97],
  })),
  reference: { label: '全部账号', values: [98, 97, 96, 95] },
};

describe('series styles', () => {
  it('gives each of up to MAX_SERIES series its own colour, marker and dash', () => {
    const styles = Array.from({ length: MAX_SERIES }, (_, i) => seriesStyle(i));
    for (const key of ['colour', 'marker'] as const)
      expect(new Set(styles.map((s) => s[key])).size).toBe(MAX_SERIES);
    expect(new Set(styles.map((s) => s.dash.join(','))).size).toBe(MAX_SERIES);
    expect(styles.map((s) => s.marker)).not.toContain(REFERENCE_STYLE.marker);
  });

  it('has colours with at least 3:1 contrast against the page (WCAG 1.4.11), the grey reference line too', () => {
    for (const { colour } of [...SERIES_STYLES, REFERENCE_STYLE])
      expect(contrastRatio(colour, CHART_BACKGROUND), colour).toBeGreaterThanOrEqual(3);
  });

  it('computes contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    // The light Okabe–Ito orange and sky blue the charts used before fail; they are not in the palette.
    expect(contrastRatio('#E69F00', '#ffffff')).toBeLessThan(3);
    expect(SERIES_STYLES.map((s) => s.colour)).not.toContain('#E69F00');
  });
});

describe('small multiples', () => {
  it('keeps a chart of MAX_SERIES series or fewer as it is', () => {
    const six = { ...platforms, series: platforms.series.slice(0, MAX_SERIES) };
    expect(chartPanels(six)).toEqual([{ spec: six }]);
  });

  it('draws more series as one panel each, with the reference line, on one axis', () => {
    const panels = chartPanels(platforms);
    expect(panels).toHaveLength(12);
    for (const [i, p] of panels.entries()) {
      expect(p.title).toBe(platforms.series[i]!.label);
      expect(p.spec.series).toEqual([platforms.series[i]]);
      expect(p.spec.series.length).toBeLessThanOrEqual(MAX_SERIES);
      expect(p.spec.reference).toEqual(platforms.reference);
      expect(valueAxis(p.spec)).toEqual({ min: 0, max: 100 });
    }
  });

  it('gives count panels a shared top, the largest value of any panel', () => {
    const counts: ChartSpec = {
      type: 'line',
      labels: quarters,
      unit: '个',
      series: Array.from({ length: 8 }, (_, i) => ({ label: `问题${i}`, values: [i, 0, null, 1] })),
    };
    expect(chartPanels(counts).map((p) => valueAxis(p.spec))).toEqual(
      Array(8).fill({ min: 0, suggestedMax: 7 }),
    );
  });
});

describe('axes, summaries and tables', () => {
  it('starts every value axis at 0: a score axis cut at 108 made 109 → 122 look like a leap', () => {
    const score: ChartSpec = {
      type: 'line',
      labels: quarters.slice(0, 2),
      unit: '分',
      series: [{ label: '总分', values: [109, 122] }],
    };
    expect(valueAxis(score)).toEqual({ min: 0 });
    expect(chartSummary('某网站各季度总分', score)).toBe(
      '折线图：某网站各季度总分（纵轴从 0 起）。总分：由2021年第一季度的 109分 变为2021年第二季度的 122分。数字见图下的表格。',
    );
  });

  it('names the reference line in the summary of a panel', () => {
    const [first] = chartPanels(platforms);
    expect(chartSummary('合格率：微信', first!.spec)).toContain(
      '全部账号：由2021年第一季度的 98% 变为2021年第四季度的 95%',
    );
  });

  it('writes the table as rows: units in the header, numbers bare, a missing value empty', () => {
    const rows = chartTable({ ...platforms, series: platforms.series.slice(3, 5) }, '季度');
    expect(rows[0]).toEqual(['季度', `${PLATFORMS[3]}（%）`, `${PLATFORMS[4]}（%）`]);
    expect(rows[3]).toEqual(['2021年第三季度', '', '98']);
    expect(rows).toHaveLength(5);
  });

  it('draws nothing without a value, or a line without two quarters', () => {
    expect(canDraw({ ...platforms, series: [{ label: 'x', values: [null, null, null, null] }] })).toBe(false);
    expect(canDraw({ ...platforms, labels: ['2021年第一季度'] })).toBe(false);
    expect(canDraw({ type: 'bar', labels: ['甲区'], series: [{ label: 'x', values: [1] }] })).toBe(true);
  });
});
