/** The two annexes of a bulletin, and what a page needs to show one of them (or one page of it). */
import { dataFilePath } from '../lib/export';
import type { Quarter } from '../lib/load';
import { ANNEX_PAGE_SIZE, pageCount, pageItems } from '../lib/paginate';
import { href, paths } from '../site';

export const ANNEXES = [
  { annex: 1, kind: 'websites', rowIdPrefix: 'website-', subject: '政府网站' },
  { annex: 2, kind: 'newMedia', rowIdPrefix: 'account-', subject: '政务新媒体' },
] as const;

export type Annex = (typeof ANNEXES)[number];

/** Props for AnnexTable showing page `page` of `annex` of `quarter`. */
export function annexTableProps(quarter: Quarter, annex: Annex, page: number) {
  const websites = annex.kind === 'websites';
  const rows = websites ? quarter.websites : quarter.newMedia;
  const caption = (websites ? quarter.meta.websitesCaption : quarter.meta.newMediaCaption) ?? `${quarter.label}${annex.subject}抽查情况统计表`;
  return {
    kind: annex.kind,
    id: `annex-${annex.annex}`,
    columns: websites ? quarter.websiteColumns : quarter.newMediaColumns,
    rows: pageItems(rows as readonly unknown[], page, ANNEX_PAGE_SIZE) as Record<string, unknown>[],
    caption,
    // The note belongs under the table as published, i.e. on the bulletin itself.
    note: page === 1 ? (websites ? quarter.meta.websitesNote : quarter.meta.newMediaNote) : undefined,
    rowIdPrefix: annex.rowIdPrefix,
    downloads: {
      csv: href(paths.dataFile(dataFilePath(quarter.slug, annex.kind, 'csv'))),
      json: href(paths.dataFile(dataFilePath(quarter.slug, annex.kind, 'json'))),
    },
    paging: {
      current: page,
      pages: pageCount(rows.length, ANNEX_PAGE_SIZE),
      rowCount: rows.length,
      pageSize: ANNEX_PAGE_SIZE,
      link: (n: number) => href(paths.annexPage(quarter, annex.annex, n)),
    },
  };
}
