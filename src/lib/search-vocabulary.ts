/**
 * The words the search index and the search page share: filter names, the hidden 季度结果 filter, 类型 values and the
 * sort key. Imports nothing, so the browser code (src/client/search.ts) and the indexer (src/lib/search-records.ts) use this
 * one copy and cannot drift apart.
 */

/** Filter names, as readers see them (Pagefind filter keys). */
export const FILTERS = {
  quarter: '季度',
  type: '类型',
  region: '所属地区',
  platform: '账号类型',
  result: '结果',
} as const;

/**
 * Hidden filter: `<quarter label>：<result>` for each quarter of an entity. Chosen together, 季度 and 结果 mean
 * “had that result in that quarter”, which the two multi-valued filters alone cannot say; the search page sends
 * this one instead (`pagefindFilters`).
 */
export const QUARTER_RESULT = '季度结果';

/** The 季度结果 value for a quarter and a result. */
export const quarterResult = (quarter: string, result: string) => `${quarter}：${result}`;

/** Values of the 类型 filter. */
export const TYPES = { bulletin: '通报', website: '政府网站', account: '政务新媒体' } as const;

/** Pagefind sort key; its value sorts quarters oldest → newest as plain text (`2020-Q3` < `2021-Q1`). */
export const SORT_KEY = 'quarter';

/**
 * The filters Pagefind is asked for. A record covers every quarter of a website or account, so 季度 and 结果 chosen
 * together become the one hidden 季度结果 filter (“had that result in that quarter”, src/lib/search-records.ts).
 */
export function pagefindFilters(chosen: Readonly<Record<string, string>>): Record<string, string> {
  const { [FILTERS.quarter]: quarter, [FILTERS.result]: result, ...rest } = chosen;
  if (quarter && result) return { ...rest, [QUARTER_RESULT]: quarterResult(quarter, result) };
  return { ...chosen };
}
