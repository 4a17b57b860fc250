/** The published quarters' history, built once per build and shared by every page that needs it. */
import type { History } from '../lib/history.ts';
import { loadedHistory } from './dataset.ts';
import { publishedQuarters } from './quarters.ts';

export async function siteHistory(): Promise<History> {
  await publishedQuarters(); // refuses data that no longer validates (an edit during `astro dev`)
  return loadedHistory();
}

/** `/websites/abc/` → `abc`: getStaticPaths takes its slugs from the paths in src/site.ts, so URLs are defined in one place. */
export const slugOf = (path: string) => path.split('/').filter(Boolean).at(-1)!;
