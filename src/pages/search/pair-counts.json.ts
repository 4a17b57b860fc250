/**
 * /search/pair-counts.json: how many results each pair of filter values has (src/lib/search-records.ts `pairCounts`),
 * read by the search page only when two filters are chosen without a query.
 */
import type { APIRoute } from 'astro';
import { pairCounts } from '../../lib/search-records';
import { siteHistory } from '../../utils/dataset';

export const GET: APIRoute = async () => {
  const history = await siteHistory();
  return new Response(JSON.stringify(pairCounts(history, history.quarters)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
