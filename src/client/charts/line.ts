/** Line charts: only the pieces a line chart needs are registered. */
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { ChartSpec } from '../../lib/chart';
import { DASHES, POINT_STYLES, baseOptions, colour, pageFont, pageFontSize } from './common';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export function draw(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
  Chart.defaults.font.family = pageFont();
  Chart.defaults.font.size = pageFontSize();
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: spec.axisLabels ?? spec.labels,
      datasets: spec.series.map((s, i) => ({
        label: s.label,
        data: s.values,
        borderColor: colour(i),
        backgroundColor: colour(i),
        borderDash: DASHES[i % DASHES.length],
        borderWidth: 2,
        pointStyle: POINT_STYLES[i % POINT_STYLES.length],
        pointRadius: 4,
        pointHoverRadius: 6,
        spanGaps: false,
      })),
    },
    options: baseOptions(spec),
  });
}
