/** The annexes a bulletin published, and what a page needs to show one of them (or one page of it). */
import { dataFilePath } from '../lib/export';
import type { Quarter } from '../lib/load';
import { ANNEX_PAGE_SIZE, pageCount, pageItems } from '../lib/paginate';
import { annexId, paths } from '../lib/routes';
import { TABLE_KINDS, TABLES, type RowFacts, type TableKind } from '../lib/tables';
import { href } from '../site';

/** The tables a quarter published, in annex order: a table it did not publish has no heading, page or download. */
export const quarterAnnexes = (quarter: Quarter): TableKind[] =>
  TABLE_KINDS.filter((kind) => quarter.tables[kind]);

/** Props for AnnexTable showing page `page` of the `kind` annex of `quarter` (a table the quarter published). */
export function annexTableProps(quarter: Quarter, kind: TableKind, page: number) {
  const def = TABLES[kind];
  const table = quarter.tables[kind];
  if (!table) throw new Error(`${quarter.id} 没有${def.file}`);
  const rows: readonly RowFacts[] = table.records;
  return {
    kind,
    id: annexId(def),
    columns: table.columns,
    rows: pageItems(rows, page, ANNEX_PAGE_SIZE),
    caption: quarter.meta[def.meta.caption] ?? `${quarter.label}${def.subject}抽查情况统计表`,
    // The note belongs under the table as published, i.e. on the bulletin itself.
    note: page === 1 ? quarter.meta[def.meta.note] : undefined,
    downloads: {
      csv: href(paths.dataFile(dataFilePath(quarter.slug, kind, 'csv'))),
      json: href(paths.dataFile(dataFilePath(quarter.slug, kind, 'json'))),
    },
    paging: {
      current: page,
      pages: pageCount(rows.length, ANNEX_PAGE_SIZE),
      rowCount: rows.length,
      pageSize: ANNEX_PAGE_SIZE,
      link: (n: number) => href(paths.annexPage(quarter, kind, n)),
    },
  };
}
