/** The published quarters' history, built once per build and shared by every page that needs it. */
import { buildHistory, type History } from '../lib/history.ts';
import { publishedQuarters } from './quarters.ts';

let cached: Promise<History> | undefined;

export function siteHistory(): Promise<History> {
  // In `astro dev` data may change between requests, so only a production build keeps the result.
  if (!import.meta.env.PROD) return publishedQuarters().then(buildHistory);
  cached ??= publishedQuarters().then(buildHistory);
  return cached;
}

/** `/websites/abc/` → `abc`: getStaticPaths takes its slugs from the paths in src/site.ts, so URLs are defined in one place. */
export const slugOf = (path: string) => path.split('/').filter(Boolean).at(-1)!;
