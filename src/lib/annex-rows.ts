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
  const cells = columns.map((def) => ({ def, cls: escapeAttr(`col-${def.key}`) }));
  let html = '';
  for (const row of rows) {
    html += `<tr id="${escapeAttr(rowId(table, Number(row.seq)))}">`;
    for (const { def, cls } of cells) {
      const v = cellValue(row, def);
      // An empty cell reads as the downloads write it: empty (a blank 其他问题 was read as “无” by validation).
      const empty = v === undefined || v === null || v === '';
      // Text as the downloads write it (src/lib/export.ts), so the page and the files agree.
      const text = empty ? '' : cellText(def, v);
      let className = '';
      let link: string | undefined;
      if (!empty) {
        if (def.type === 'flag') className = v ? ' flag-yes' : ' flag-no';
        else if (def.type === 'number' || def.type === 'integer') className = ' num';
        else if (def.type === 'result') className = v === '合格' ? ' pass' : ' fail';
        else if (def.type === 'url') link = text;
        else if (def.key === table.nameColumn) link = href(paths.entity(table.entity, row));
        else if (def.key === table.unitColumn)
          link = href(paths.unit({ unit: String(v), unitKey: row.unitKey }));
      }
      const content =
        link === undefined
          ? escapeText(text)
          : `<a href="${escapeAttr(link)}"${def.type === 'url' ? ' rel="external nofollow noopener"' : ''}>${escapeText(text)}</a>`;
      html +=
        def.key === table.nameColumn
          ? `<th scope="row" class="${cls}">${content}</th>`
          : `<td class="${cls}${className}">${content}</td>`;
    }
    html += '</tr>';
  }
  return html;
}
