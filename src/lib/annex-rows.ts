/**
 * An annex's rows as HTML, built as one string per page (AnnexTable emits it with `<Fragment set:html>`): a component
 * per cell cost ~8.5 ms an annex page at national scale. Every cell is escaped (src/lib/html.ts), so the bytes are
 * those the component markup wrote and a cell holding markup stays text.
 */
import type { ColumnDef } from './columns.ts';
import { cellText } from './export.ts';
import { escapeAttr, escapeText } from './html.ts';
import { paths, rowId } from './routes.ts';
import { cellValue, TABLES, type RowFacts, type TableKind } from './tables.ts';

/** A row of an annex as the page has it: its facts and the published 序号. */
export type AnnexRow = RowFacts & { seq?: unknown };

/**
 * The `<tr>` of each row, in order: the name cell a row header linking to the entity's page, the unit cell to the
 * unit's page, a website's 网址 to itself; flags, numbers and results carry the classes the styles and phone cards read.
 * `href` puts a site path under the base path (src/site.ts, Astro-side).
 */
export function annexRowsHtml(
  kind: TableKind,
  columns: readonly ColumnDef[],
  rows: readonly AnnexRow[],
  href: (path: string) => string,
): string {
  const table = TABLES[kind];
  const cells = columns.map((def) => ({
    def,
    open:
      def.key === table.nameColumn
        ? `<th scope="row" class="${escapeAttr(`col-${def.key}`)}`
        : `<td class="${escapeAttr(`col-${def.key}`)}`,
    close: def.key === table.nameColumn ? '</th>' : '</td>',
  }));
  let html = '';
  for (const row of rows) {
    html += `<tr id="${escapeAttr(rowId(table, Number(row.seq)))}">`;
    for (const { def, open, close } of cells) {
      const v = cellValue(row, def);
      // An empty cell reads as the downloads write it: empty (a blank 其他问题 was read as “无” by validation).
      if (v === undefined || v === null || v === '') {
        html += `${open}">${close}`;
        continue;
      }
      // Text as the downloads write it (src/lib/export.ts), so the page and the files agree. A flag (是/否) or a
      // number has nothing to escape.
      const text = cellText(def, v);
      switch (def.type) {
        case 'flag':
          html += `${open} ${v ? 'flag-yes' : 'flag-no'}">${text}${close}`;
          break;
        case 'number':
        case 'integer':
          html += `${open} num">${typeof v === 'number' ? text : escapeText(text)}${close}`;
          break;
        case 'result':
          html += `${open} ${v === '合格' ? 'pass' : 'fail'}">${escapeText(text)}${close}`;
          break;
        case 'url':
          html += `${open}"><a href="${escapeAttr(text)}" rel="external nofollow noopener">${escapeText(text)}</a>${close}`;
          break;
        default: {
          const link =
            def.key === table.nameColumn
              ? href(paths.entity(table.entity, row))
              : def.key === table.unitColumn
                ? href(paths.unit({ unit: String(v), unitKey: row.unitKey }))
                : undefined;
          html += link
            ? `${open}"><a href="${escapeAttr(link)}">${escapeText(text)}</a>${close}`
            : `${open}">${escapeText(text)}${close}`;
        }
      }
    }
    html += '</tr>';
  }
  return html;
}
