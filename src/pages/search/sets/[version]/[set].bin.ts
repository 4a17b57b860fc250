/**
 * /search/sets/<version>/<name>.bin: which search records have one filter value (src/lib/search-sets.ts), read by the
 * search page when two or more filters are chosen without a query, to count their results without reading every
 * page. One folder per build's sets (src/pages/search.astro names it), so that cached files of another build are
 * never mixed in.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { searchSets } from '../../../../utils/dataset';

export const getStaticPaths = (() => {
  const { version, files } = searchSets();
  return files.map(({ name, bytes }) => ({ params: { version, set: name }, props: { bytes } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { bytes: Uint8Array<ArrayBuffer> }).bytes, {
    headers: { 'content-type': 'application/octet-stream' },
  });
