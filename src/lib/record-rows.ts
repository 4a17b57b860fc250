/**
 * Rows of entity pages and lists as HTML strings, emitted with `<Fragment set:html>`: 各季度检查情况 on website and
 * account pages (QuarterRecords.astro), a unit's accounts, the account list. Rendering each row's cells, problem list or
 * latest result as components was the largest part of those pages' time. Every value is escaped (src/lib/html.ts),
 * so a cell holding markup stays text.
 */
import { escapeAttr, escapeText } from './html.ts';
import { REPEAT_RUN, runLabel, type AccountHistory, type ProblemMark, type QuarterRef } from './history.ts';
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

/** An account's latest result and its quarter, as a table cell: `合格（2020年第三季度）`. */
export function latestResultHtml(account: Pick<AccountHistory, 'entries'>): string {
  const last = account.entries.at(-1)!;
  const result = last.record.result;
  return `<td class="latest ${result === '合格' ? 'pass' : 'fail'}">${escapeText(result)}（${escapeText(last.quarter.label)}）</td>`;
}
