/** Bar charts: only the pieces a bar chart needs are registered. */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ChartSpec } from '../../lib/chart';
import { baseOptions, colour, pageFont, pageFontSize, pattern } from './common';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export function draw(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
  Chart.defaults.font.family = pageFont();
  Chart.defaults.font.size = pageFontSize();
  const options = baseOptions(spec, canvas);
  options.plugins.legend.labels.usePointStyle = false;
  const horizontal = spec.horizontal === true;
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: spec.axisLabels ?? spec.labels,
      datasets: spec.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        backgroundColor: pattern(i),
        borderColor: colour(i),
        borderWidth: 1.5,
      })),
    },
    options: horizontal
      ? {
          ...options,
          indexAxis: 'y' as const,
          scales: {
            x: { ...options.scales.y, ticks: { ...options.scales.y.ticks, autoSkip: true, maxRotation: 0 } },
            y: { ticks: { autoSkip: false } },
          },
        }
      : options,
  });
}
