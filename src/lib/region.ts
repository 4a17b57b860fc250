/**
 * Order of 所属地区 in lists: readers look for the city's own departments (市直, 市本级…) first, then the
 * districts and counties in pinyin (zh-CN collation) order, and rows with no 所属地区 last.
 */

/** Heading for rows whose 所属地区 is blank or missing. */
export const NO_REGION = '未注明地区';

/**
 * Labels for the city's own level, in the order they are listed when several occur. A label counts as city-level
 * when it starts with one of them (市直单位, 市直机关, 市属单位, 本级…), ignoring spaces.
 */
export const CITY_LEVEL = ['市直', '市本级', '市属', '市级', '本级'] as const;

/**
 * zh-CN collation (pinyin order), numbers by value (第2区 before 第10区); one collator, since sorting 140,000 rows
 * asks it a few million times.
 */
export const compareZh: (a: string, b: string) => number = new Intl.Collator('zh-CN', { numeric: true })
  .compare;

/** The heading a row is listed under: its 所属地区, or 未注明地区. */
export function regionLabel(region: string | undefined): string {
  const label = region?.trim();
  return label ? label : NO_REGION;
}

/** 0, 1, … for city-level labels (in CITY_LEVEL order); -1 for any other label. */
export function cityLevelRank(region: string): number {
  const label = region.replace(/[\s\u3000]+/g, '');
  return CITY_LEVEL.findIndex((prefix) => label.startsWith(prefix));
}

/** Sort key group: city level first, then the rest, then 未注明地区. */
function tier(label: string): number {
  if (label === NO_REGION) return 2;
  return cityLevelRank(label) >= 0 ? 0 : 1;
}

/**
 * Compares two 所属地区 (undefined or blank = 未注明地区): city-level labels first (市直, 市本级, 市属, …),
 * then the others in zh-CN collation order, then 未注明地区.
 */
export function compareRegions(a: string | undefined, b: string | undefined): number {
  const x = regionLabel(a);
  const y = regionLabel(b);
  if (x === y) return 0;
  const tx = tier(x);
  const ty = tier(y);
  if (tx !== ty) return tx - ty;
  if (tx === 0) return cityLevelRank(x) - cityLevelRank(y) || compareZh(x, y);
  return compareZh(x, y);
}

/** Splits an already sorted list into runs of the same region label, in order (one page of a list). */
export function groupByRegion<T>(
  items: readonly T[],
  regionOf: (item: T) => string | undefined,
): { region: string; items: T[] }[] {
  const groups: { region: string; items: T[] }[] = [];
  for (const item of items) {
    const region = regionLabel(regionOf(item));
    const last = groups.at(-1);
    if (last && last.region === region) last.items.push(item);
    else groups.push({ region, items: [item] });
  }
  return groups;
}
