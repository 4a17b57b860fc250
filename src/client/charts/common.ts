/** Look shared by every chart: colour-blind-safe colours (Okabe–Ito), and a marker or pattern per series so print and grey scale still tell them apart. */
import type { ChartSpec } from '../../lib/chart';
import { formatValue } from '../../lib/chart';

export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
export const POINT_STYLES = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star', 'rectRounded'] as const;
export const DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3], [1, 2], [8, 8], [4, 1]];

export const colour = (i: number) => PALETTE[i % PALETTE.length]!;

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
  if (kind === 1) { ctx.beginPath(); ctx.moveTo(0, size); ctx.lineTo(size, 0); ctx.stroke(); }
  if (kind === 2) { ctx.beginPath(); ctx.arc(size / 2, size / 2, 1.5, 0, Math.PI * 2); ctx.fill(); }
  if (kind === 3) { ctx.beginPath(); ctx.moveTo(0, size / 2); ctx.lineTo(size, size / 2); ctx.moveTo(size / 2, 0); ctx.lineTo(size / 2, size); ctx.stroke(); }
  return ctx.createPattern(tile, 'repeat') ?? colour(i);
}

/** Options every chart shares: axes from the spec, values with their unit in tooltips, no animation. */
export function baseOptions(spec: ChartSpec) {
  const unit = spec.unit ?? '';
  return {
    animation: false as const,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'index' as const, intersect: false },
    scales: {
      x: { ticks: { autoSkip: false, maxRotation: 45 } },
      y: {
        min: spec.min,
        max: spec.max,
        beginAtZero: spec.min === undefined && spec.zero !== false,
        ticks: { precision: spec.integer ? 0 : undefined, callback: (v: string | number) => `${v}${unit}` },
      },
    },
    plugins: {
      legend: { display: spec.series.length > 1, labels: { usePointStyle: true, boxHeight: 8 } },
      tooltip: { callbacks: { label: (c: { dataset: { label?: string }; parsed: { y: number | null } }) => `${c.dataset.label ?? ''}：${formatValue(c.parsed.y, unit)}` } },
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
