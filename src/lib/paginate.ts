/**
 * Long tables are split into pages so that no page grows without bound as data grows; the downloads always hold
 * the whole table.
 */

/** Rows of an annex shown per page (the bulletin page shows the first page). */
export const ANNEX_PAGE_SIZE = 500;
/** Rows of an index list (all websites, all accounts) per page. */
export const LIST_PAGE_SIZE = 1000;

/** Number of pages for `count` items; at least 1, so an empty table still has its page. */
export function pageCount(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size));
}

/** 1-based page holding the item at 0-based `index`. */
export function pageOf(index: number, size: number): number {
  return Math.floor(index / size) + 1;
}

/** The items of 1-based `page`. */
export function pageItems<T>(items: readonly T[], page: number, size: number): T[] {
  return items.slice((page - 1) * size, page * size);
}

/** Page numbers to offer around `current`: first, last and a window, with null where numbers are skipped. */
export function pagerNumbers(current: number, total: number, window = 2): (number | null)[] {
  const shown = new Set([1, total]);
  for (let p = current - window; p <= current + window; p++) if (p >= 1 && p <= total) shown.add(p);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push(null);
    out.push(p);
  });
  return out;
}

/** getStaticPaths of an index list of `count` items: its pages 2… (page 1 is the index itself). */
export const laterListPages = (count: number) =>
  Array.from({ length: pageCount(count, LIST_PAGE_SIZE) - 1 }, (_, i) => ({
    params: { n: String(i + 2) },
    props: { page: i + 2 },
  }));
