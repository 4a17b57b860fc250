/**
 * /search/sets/<name>.bin: which search records have one filter value (src/lib/search-sets.ts), read by the search
 * page when two or more filters are chosen without a query, to count their results without reading every page.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { searchSetFiles } from '../../../lib/search-records';
import { siteHistory } from '../../../utils/dataset';

export const getStaticPaths = (async () => {
  const history = await siteHistory();
  return searchSetFiles(history, history.quarters).map(({ name, bytes }) => ({
    params: { set: name },
    props: { bytes },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { bytes: Uint8Array<ArrayBuffer> }).bytes, {
    headers: { 'content-type': 'application/octet-stream' },
  });
