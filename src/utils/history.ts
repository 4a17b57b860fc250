/** The published quarters' history, built once per build and shared by every page that needs it. */
import type { AccountHistory, History } from '../lib/history.ts';
import { listOrder, type ListOrder } from '../lib/lists.ts';
import { loadedHistory } from './dataset.ts';
import { memo } from './memo.ts';
import { publishedQuarters } from './quarters.ts';

export async function siteHistory(): Promise<History> {
  await publishedQuarters(); // refuses data that no longer validates (an edit during `astro dev`)
  return loadedHistory();
}

/** The index lists in reading order (region, then name), sorted once per build rather than once per list page. */
export async function siteLists(): Promise<ListOrder> {
  const history = await siteHistory();
  return memo(history, 'list-order', () => listOrder(history));
}

/** `/websites/abc/` → `abc`: getStaticPaths takes its slugs from the paths in src/site.ts, so URLs are defined in one place. */
export const slugOf = (path: string) => path.split('/').filter(Boolean).at(-1)!;

/** Every account by its key, built once per history. */
export const accountsByKey = (history: History): Map<string, AccountHistory> =>
  memo(history, 'accounts-by-key', () => new Map(history.accounts.map((a) => [a.key, a])));
