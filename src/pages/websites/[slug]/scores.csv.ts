/** /websites/<slug>/scores.csv: a website's 总分 by quarter, the figures of its score chart (src/lib/trend-charts.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { figureCsv, websiteScoreFigure, type TrendFigure } from '../../../lib/trend-charts';
import { paths } from '../../../lib/routes';
import { siteHistory } from '../../../utils/dataset';
import { slugOf } from '../../../lib/routes';

export const getStaticPaths = (async () => {
  const history = await siteHistory();
  // Only sites with a chart: one inspected in a single quarter has a sentence on its page, not a chart.
  return history.websites
    .filter((site) => site.entries.length >= 2)
    .map((site) => ({
      params: { slug: slugOf(paths.website(site)) },
      props: { figure: websiteScoreFigure(site, history.quarters) },
    }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ figure: TrendFigure }> = ({ props }) =>
  new Response(figureCsv(props.figure), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
