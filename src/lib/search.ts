/**
 * What the site search knows: filter names and values, and one search record per annex row of every quarter.
 * Pure data; src/integrations/pagefind.ts feeds these records to Pagefind, the bulletin page marks itself up with
 * the same names, and the search page shows the same words.
 */
import { WEBSITE_FLAGS } from './columns.ts';
import type { QuarterId } from './quarter.ts';
import type { AccountRecord, WebsiteRecord } from './records.ts';
import { formatScore } from './score.ts';

/**
 * Language of the one search index. Pagefind files HTML under `<html lang>` as written (`zh-CN`) but custom records
 * under the lower-cased code (`zh-cn`), which would split the site into two indexes, of which a page loads one.
 * The integration therefore forces every page and record into `zh`; the browser, asked for `zh-CN`, falls back to it.
 */
export const SEARCH_LANGUAGE = 'zh';

/** Filter names, as readers see them (Pagefind filter keys). */
export const FILTERS = {
  quarter: '季度',
  type: '类型',
  region: '所属地区',
  platform: '账号类型',
  result: '结果',
} as const;

/** Values of the 类型 filter. */
export const TYPES = { bulletin: '通报', website: '政府网站', account: '政务新媒体' } as const;

/** Pagefind sort key; its value sorts quarters oldest → newest as plain text (`2020-Q3` < `2021-Q1`). */
export const SORT_KEY = 'quarter';

/** The parts of a quarter that search needs. */
export type SearchQuarter = Pick<QuarterId, 'id' | 'slug' | 'label'> & {
  websites: readonly WebsiteRecord[];
  newMedia: readonly AccountRecord[];
};

/** One annex row, for choosing where its search result links. */
export type SearchRow =
  | { kind: 'website'; quarter: SearchQuarter; record: WebsiteRecord }
  | { kind: 'account'; quarter: SearchQuarter; record: AccountRecord };

/** A Pagefind custom record (the shape of `index.addCustomRecord`). */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Filters common to all rows of a quarter, plus the row's own. */
function rowFilters(quarter: SearchQuarter, type: string, extra: Record<string, string | undefined>): Record<string, string[]> {
  const filters: Record<string, string[]> = { [FILTERS.quarter]: [quarter.label], [FILTERS.type]: [type] };
  for (const [name, value] of Object.entries(extra)) if (value) filters[name] = [value];
  return filters;
}

/** The words a website row is found by: name, region, category, veto flags found, problems, verdict. */
function websiteContent(site: WebsiteRecord): string {
  const flags = WEBSITE_FLAGS.filter((f) => site[f.key]).map((f) => f.name);
  return [
    site.name,
    site.region && `所属地区：${site.region}`,
    site.category,
    flags.length > 0 && `单项否决：${flags.join('、')}`,
    site.problems.length > 0 && `其他问题：${site.problems.join('；')}`,
    `加分 ${formatScore(site.bonus)}，扣分 ${formatScore(site.deduction)}，总分 ${formatScore(site.total)}`,
    site.result && `结果：${site.result}`,
    site.rectification && `整改情况：${site.rectification}`,
  ]
    .filter(Boolean)
    .join('。');
}

/** The words an account row is found by: account name, unit, platform, region, verdict, problem. */
function accountContent(account: AccountRecord): string {
  return [
    account.account,
    `单位：${account.unit}`,
    `平台：${account.platform}`,
    account.region && `所属地区：${account.region}`,
    `结果：${account.result}`,
    account.problem && `问题：${account.problem}`,
    account.rectification && `整改情况：${account.rectification}`,
  ]
    .filter(Boolean)
    .join('。');
}

/**
 * One record per website and per account of every quarter, linked where `urlOf` says.
 * The quarter's label is left out of the content on purpose: a query like `2020年第三季度` should find the
 * bulletin itself first, and the 季度 filter already selects a quarter's rows.
 */
export function searchRecords(quarters: readonly SearchQuarter[], urlOf: (row: SearchRow) => string): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const quarter of quarters) {
    for (const site of quarter.websites) {
      const detail = [site.region, site.category, `总分 ${formatScore(site.total)}`, site.result].filter(Boolean).join(' · ');
      records.push({
        url: urlOf({ kind: 'website', quarter, record: site }),
        content: websiteContent(site),
        language: SEARCH_LANGUAGE,
        meta: { title: site.name, quarter: quarter.label, type: TYPES.website, detail },
        filters: rowFilters(quarter, TYPES.website, { [FILTERS.region]: site.region, [FILTERS.result]: site.result }),
        sort: { [SORT_KEY]: quarter.id },
      });
    }
    for (const account of quarter.newMedia) {
      const detail = [account.unit, account.region, account.result].filter(Boolean).join(' · ');
      records.push({
        url: urlOf({ kind: 'account', quarter, record: account }),
        content: accountContent(account),
        language: SEARCH_LANGUAGE,
        meta: { title: `${account.account}（${account.platform}）`, quarter: quarter.label, type: TYPES.account, detail },
        filters: rowFilters(quarter, TYPES.account, {
          [FILTERS.region]: account.region,
          [FILTERS.platform]: account.platform,
          [FILTERS.result]: account.result,
        }),
        sort: { [SORT_KEY]: quarter.id },
      });
    }
  }
  return records;
}
