/**
 * The rows of 各季度检查情况 on website and account pages as HTML strings (QuarterRecords.astro emits them with
 * `<Fragment set:html>`): rendering each row's cells and problem list as components was the largest part of an
 * account page's time. Every value is escaped (src/lib/html.ts), so a cell holding markup stays text.
 */
import { escapeAttr, escapeText } from './html.ts';
import { REPEAT_RUN, runLabel, type ProblemMark, type QuarterRef } from './history.ts';
import { quarterAnchor } from './routes.ts';

/** One quarter's problems, those found in consecutive quarters marked “连续 N 个季度”; `none` when there is none. */
export function problemListHtml(problems: readonly ProblemMark[], none = '无'): string {
  if (problems.length === 0) return `<span class="problems-none">${escapeText(none)}</span>`;
  let html = '<ul class="problems">';
  for (const p of problems) {
    const repeat = p.run >= REPEAT_RUN;
    html += `<li class="${escapeAttr(p.kind)}${repeat ? ' repeat' : ''}">${escapeText(p.label)}`;
    if (repeat) html += `<strong class="repeat-badge">${escapeText(runLabel(p.run))}</strong>`;
    html += '</li>';
  }
  return `${html}</ul>`;
}

/**
 * A row per entry, in the order given: the quarter as a row header linking to `link(entry)` (the entity's row in
 * that quarter's annex), then `cells(entry)`, HTML the caller escaped.
 */
export function quarterRowsHtml<E extends { quarter: QuarterRef }>(
  entries: readonly E[],
  link: (entry: E) => string,
  cells: (entry: E) => string,
): string {
  let html = '';
  for (const e of entries)
    html += `<tr id="${escapeAttr(quarterAnchor(e.quarter))}"><th scope="row"><a href="${escapeAttr(link(e))}">${escapeText(e.quarter.label)}</a></th>${cells(e)}</tr>`;
  return html;
}
