/**
 * The order of the index lists (/websites/, /accounts/, /units/): by 所属地区 (city level first, see region.ts),
 * then by name in zh-CN collation. Computed once per build and split into pages by the list components.
 */
import type { AccountHistory, History, UnitHistory, WebsiteHistory } from './history.ts';
import { unitKey } from './identity.ts';
import { LIST_PAGE_SIZE, pageCount, pageItems } from './paginate.ts';
import { paths } from './routes.ts';
import { compareRegions, compareZh, groupByRegion, NO_REGION, regionLabel } from './region.ts';

/** One row of the account list: an account under the unit it is listed with. */
export interface AccountListRow {
  unit: UnitHistory;
  account: AccountHistory;
}

export interface ListOrder {
  websites: WebsiteHistory[];
  units: UnitHistory[];
  /**
   * Every account exactly once, under the unit it had in its latest quarter: unit by unit (in `units` order), a
   * unit's accounts in order of first appearance. Exactly once, so that the list's page count is the account count.
   */
  accounts: AccountListRow[];
}

const byRegionThenName =
  <T>(name: (item: T) => string, region: (item: T) => string | undefined) =>
  (a: T, b: T) =>
    compareRegions(region(a), region(b)) || compareZh(name(a), name(b));

/** Identity of the unit an account belonged to in its latest quarter (after data/aliases.csv renames). */
const latestUnitKey = (account: AccountHistory) => {
  const record = account.entries.at(-1)!.record;
  return record.unitKey ?? unitKey(record.unit);
};

/** Every list in reading order. */
export function listOrder(history: History): ListOrder {
  const websites = [...history.websites].sort(
    byRegionThenName(
      (w) => w.name,
      (w) => w.region,
    ),
  );
  const units = [...history.units].sort(
    byRegionThenName(
      (u) => u.name,
      (u) => u.region,
    ),
  );
  const byKey = new Map(history.accounts.map((a) => [a.key, a]));
  const accounts: AccountListRow[] = [];
  for (const unit of units) {
    for (const key of unit.accountKeys) {
      const account = byKey.get(key)!;
      // An account that moved to another unit is listed once, under the unit it has now.
      if (latestUnitKey(account) === unit.key) accounts.push({ unit, account });
    }
  }
  return { websites, units, accounts };
}

/**
 * Page `page` of an index list: its items grouped by 所属地区 (city level first, in list order), and how many pages
 * the list has. Region headings only when the data has 所属地区 at all (`grouped`); otherwise one unheaded group.
 */
export function listPage<T>(all: readonly T[], page: number, regionOf: (item: T) => string | undefined) {
  const grouped = all.some((item) => regionLabel(regionOf(item)) !== NO_REGION);
  return {
    pages: pageCount(all.length, LIST_PAGE_SIZE),
    grouped,
    groups: groupByRegion(pageItems(all, page, LIST_PAGE_SIZE), (item) =>
      grouped ? regionOf(item) : undefined,
    ),
  };
}

/** The index lists: where each is, its title, what it lists and its pager's name. */
export const INDEX_LISTS = {
  websites: {
    path: paths.websites,
    title: '政府网站',
    description: '各季度被抽查的政府网站及其历次检查记录。',
    pagerLabel: '网站列表分页',
  },
  accounts: {
    path: paths.accounts,
    title: '政务新媒体',
    description: '各季度被抽查的政务新媒体账号，按单位排列，及其历次检查结果。',
    pagerLabel: '账号列表分页',
  },
  units: {
    path: paths.units,
    title: '开设政务新媒体的单位',
    description: '各季度被抽查的政务新媒体账号所属的单位，及各单位的账号数和最近一次抽查的合格情况。',
    pagerLabel: '单位列表分页',
  },
};
