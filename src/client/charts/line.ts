/** Line charts: only the pieces a line chart needs are registered. */
import {
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { ChartSpec } from '../../lib/chart';
import { seriesStyle } from '../../lib/chart';
import { baseOptions, pageFont, pageFontSize, referenceDataset } from './common';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

export function draw(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
  Chart.defaults.font.family = pageFont();
  Chart.defaults.font.size = pageFontSize();
  const reference = referenceDataset(spec);
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: spec.axisLabels ?? spec.labels,
      datasets: [
        ...spec.series.map((s, i) => {
          const style = seriesStyle(i);
          return {
            label: s.label,
            data: s.values,
            borderColor: style.colour,
            backgroundColor: style.colour,
            borderDash: [...style.dash],
            borderWidth: 2,
            pointStyle: style.marker,
            pointRadius: 4,
            pointHoverRadius: 6,
            spanGaps: false,
            // A marker at 0 or 100 % is drawn whole, not cut by the edge of the plot.
            clip: false as const,
          };
        }),
        ...(reference ? [reference] : []),
      ],
    },
    options: baseOptions(spec, canvas),
  });
}
