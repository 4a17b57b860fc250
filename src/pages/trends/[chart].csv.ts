/** /trends/<chart>.csv: each figure of the trends page as CSV, the same rows as its table (src/lib/trend-charts.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allTrendFigures, figureCsv, trendFigures, type TrendFigure } from '../../lib/trend-charts';
import { siteHistory } from '../../utils/dataset';

export const getStaticPaths = (async () =>
  allTrendFigures(trendFigures(await siteHistory())).map((figure) => ({
    params: { chart: figure.id },
    props: { figure },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ figure: TrendFigure }> = ({ props }) =>
  new Response(figureCsv(props.figure), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
