/** Look shared by every chart: the series styles of src/lib/chart.ts (colour, marker, dash), fills for bars, axes from 0. */
import type { ChartSpec } from '../../lib/chart';
import { REFERENCE_STYLE, formatValue, seriesStyle, valueAxis } from '../../lib/chart';

export const colour = (i: number) => seriesStyle(i).colour;

/** Diagonal, dotted, crossed… fills, so bars differ by more than colour. */
export function pattern(i: number): CanvasPattern | string {
  const size = 8;
  const tile = document.createElement('canvas');
  tile.width = tile.height = size;
  const ctx = tile.getContext('2d');
  if (!ctx) return colour(i);
  ctx.fillStyle = colour(i);
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = 'rgba(255,255,255,0.8)';
  ctx.fillStyle = 'rgba(255,255,255,0.8)';
  ctx.lineWidth = 1.5;
  const kind = i % 4;
  if (kind === 1) {
    ctx.beginPath();
    ctx.moveTo(0, size);
    ctx.lineTo(size, 0);
    ctx.stroke();
  }
  if (kind === 2) {
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, 1.5, 0, Math.PI * 2);
    ctx.fill();
  }
  if (kind === 3) {
    ctx.beginPath();
    ctx.moveTo(0, size / 2);
    ctx.lineTo(size, size / 2);
    ctx.moveTo(size / 2, 0);
    ctx.lineTo(size / 2, size);
    ctx.stroke();
  }
  return ctx.createPattern(tile, 'repeat') ?? colour(i);
}

/** The grey dashed comparison line of a panel. */
export const referenceDataset = (spec: ChartSpec) =>
  spec.reference && {
    label: spec.reference.label,
    data: spec.reference.values,
    borderColor: REFERENCE_STYLE.colour,
    backgroundColor: REFERENCE_STYLE.colour,
    borderDash: [...REFERENCE_STYLE.dash],
    borderWidth: 1.5,
    pointStyle: REFERENCE_STYLE.marker,
    pointRadius: 0,
    pointHoverRadius: 3,
    spanGaps: false,
  };

/** Options every chart shares: the value axis from 0, values with their unit in tooltips, no animation. */
export function baseOptions(spec: ChartSpec, canvas?: HTMLCanvasElement) {
  const unit = spec.unit ?? '';
  // On a narrow chart (a phone, a small multiple) 2021年第一季度 goes on two lines rather than slanting across the plot.
  const narrow = (canvas?.parentElement?.clientWidth ?? Infinity) < 480;
  return {
    animation: false as const,
    responsive: true,
    maintainAspectRatio: false,
    layout: { padding: { top: 6 } },
    interaction: { mode: 'index' as const, intersect: false },
    scales: {
      // Half a category of room at each end, so that the first and last markers are not cut in half.
      x: {
        offset: true,
        ticks: {
          autoSkip: false,
          maxRotation: narrow ? 0 : 45,
          callback(this: { getLabelForValue(v: number): string }, v: string | number) {
            const label = this.getLabelForValue(Number(v));
            return narrow ? label.split(/(?<=年)/) : label;
          },
        },
      },
      y: {
        ...valueAxis(spec),
        ticks: { precision: spec.integer ? 0 : undefined, callback: (v: string | number) => `${v}${unit}` },
      },
    },
    plugins: {
      // A panel of small multiples (one series and the grey reference line) is named by its title and the note above.
      legend: { display: spec.series.length > 1, labels: { usePointStyle: true, boxHeight: 8 } },
      tooltip: {
        callbacks: {
          label: (c: { dataset: { label?: string }; parsed: { y: number | null } }) =>
            `${c.dataset.label ?? ''}：${formatValue(c.parsed.y, unit)}`,
        },
      },
    },
  };
}

/** The page's own font, so Chinese labels match the text around the chart. */
export function pageFont(): string {
  return getComputedStyle(document.body).fontFamily;
}

/**
 * Chart.js draws its labels at a fixed 12 px; scale that with the reader's text size (the root font size, 16 px by
 * default), so that a reader who sets larger text in the browser gets larger chart labels too.
 */
export function pageFontSize(): number {
  const root = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return Math.round((12 * root) / 16);
}
