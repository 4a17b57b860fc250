/**
 * “与上季度相比”: a published quarter against the published quarter before it, computed from the histories
 * (history.ts), so a row is the same website or account across quarters exactly as on its history page (identity
 * keys, data/aliases.csv). Never typed by staff.
 */
import type { AccountHistory, History, ProblemMark, QuarterRef, WebsiteHistory } from './history.ts';
import type { TableKind } from './tables.ts';

/** An entity as the comparison names it; `key` gives its history page. */
export interface EntityRef {
  key: string;
  name: string;
}

/** An entity with the problems a list is about (labels as published this quarter, or last quarter for resolved ones). */
export interface EntityProblems {
  entity: EntityRef;
  problems: { label: string; run: number }[];
}

export interface ScoreChange {
  entity: EntityRef;
  from: number;
  to: number;
  /** `to − from`. */
  change: number;
}

/** One table (websites or accounts) of the quarter against the previous. */
export interface TableComparison {
  /** Inspected in both quarters. */
  both: number;
  /** New to the inspection / no longer inspected. */
  added: EntityRef[];
  dropped: EntityRef[];
  /** Problems found last quarter and not now (entities inspected in both). */
  resolved: EntityProblems[];
  /** Problems found now and not last quarter (entities inspected in both). */
  appeared: EntityProblems[];
  /** Problems found in both quarters, with their run (连续 N 个季度). */
  persisted: EntityProblems[];
}

export interface WebsiteComparison extends TableComparison {
  /** Largest rises and falls of 总分, at most `TOP` each; the counts are of all of them. */
  rises: ScoreChange[];
  falls: ScoreChange[];
  risesCount: number;
  fallsCount: number;
  unchanged: number;
}

export interface AccountComparison extends TableComparison {
  /** 结果 turned 合格 / 不合格. */
  passed: EntityRef[];
  failed: EntityRef[];
}

export interface Comparison {
  previous: QuarterRef;
  current: QuarterRef;
  /** Undefined when either quarter lacks the table. */
  websites?: WebsiteComparison;
  accounts?: AccountComparison;
}

/** How many score changes each way the section lists. */
export const TOP = 5;

interface Side<R> {
  entity: EntityRef;
  record: R;
  problems: ProblemMark[];
}

/** The entries of `quarter` and of `previous` for each entity. */
function pairs<R>(
  histories: readonly {
    key: string;
    entries: { quarter: QuarterRef; record: R; problems: ProblemMark[] }[];
  }[],
  name: (record: R) => string,
  previous: QuarterRef,
  current: QuarterRef,
) {
  const both: { before: Side<R>; after: Side<R> }[] = [];
  const added: EntityRef[] = [];
  const dropped: EntityRef[] = [];
  for (const h of histories) {
    const before = h.entries.find((e) => e.quarter.index === previous.index);
    const after = h.entries.find((e) => e.quarter.index === current.index);
    const side = (e: { record: R; problems: ProblemMark[] }): Side<R> => ({
      entity: { key: h.key, name: name(e.record) },
      record: e.record,
      problems: e.problems,
    });
    if (before && after) both.push({ before: side(before), after: side(after) });
    else if (after) added.push(side(after).entity);
    else if (before) dropped.push(side(before).entity);
  }
  return { both, added, dropped };
}

const byName = (a: { name: string } | { entity: EntityRef }, b: { name: string } | { entity: EntityRef }) => {
  const n = (x: typeof a) => ('entity' in x ? x.entity.name : x.name);
  return n(a).localeCompare(n(b), 'zh-Hans-CN');
};

/** Problem lists of the entities in both quarters; `skip` leaves out marks another list covers (an account's 不合格). */
function problemLists<R>(
  both: { before: Side<R>; after: Side<R> }[],
  skip: (p: ProblemMark) => boolean = () => false,
) {
  const resolved: EntityProblems[] = [];
  const appeared: EntityProblems[] = [];
  const persisted: EntityProblems[] = [];
  for (const { before, after } of both) {
    const was = new Set(before.problems.map((p) => p.key));
    const is = new Set(after.problems.map((p) => p.key));
    const list = (marks: ProblemMark[]) => marks.map((p) => ({ label: p.label, run: p.run }));
    const gone = before.problems.filter((p) => !is.has(p.key) && !skip(p));
    const fresh = after.problems.filter((p) => !was.has(p.key) && !skip(p));
    const kept = after.problems.filter((p) => was.has(p.key));
    if (gone.length) resolved.push({ entity: after.entity, problems: list(gone) });
    if (fresh.length) appeared.push({ entity: after.entity, problems: list(fresh) });
    if (kept.length) persisted.push({ entity: after.entity, problems: list(kept) });
  }
  // Longest runs first in the persisted list: they are the news.
  const longest = (e: EntityProblems) => Math.max(...e.problems.map((p) => p.run));
  return {
    resolved: resolved.sort(byName),
    appeared: appeared.sort(byName),
    persisted: persisted.sort((a, b) => longest(b) - longest(a) || byName(a, b)),
  };
}

function compareWebsites(
  histories: readonly WebsiteHistory[],
  previous: QuarterRef,
  current: QuarterRef,
): WebsiteComparison {
  const { both, added, dropped } = pairs(histories, (r) => r.name, previous, current);
  const changes = both.map(({ before, after }) => ({
    entity: after.entity,
    from: before.record.total,
    to: after.record.total,
    change: Math.round((after.record.total - before.record.total) * 100) / 100,
  }));
  const rises = changes.filter((c) => c.change > 0).sort((a, b) => b.change - a.change || byName(a, b));
  const falls = changes.filter((c) => c.change < 0).sort((a, b) => a.change - b.change || byName(a, b));
  return {
    both: both.length,
    added: added.sort(byName),
    dropped: dropped.sort(byName),
    ...problemLists(both),
    rises: rises.slice(0, TOP),
    falls: falls.slice(0, TOP),
    risesCount: rises.length,
    fallsCount: falls.length,
    unchanged: changes.length - rises.length - falls.length,
  };
}

function compareAccounts(
  histories: readonly AccountHistory[],
  previous: QuarterRef,
  current: QuarterRef,
): AccountComparison {
  const { both, added, dropped } = pairs(
    histories,
    (r) => `${r.account}（${r.platform}）`,
    previous,
    current,
  );
  const turned = (from: string, to: string) =>
    both
      .filter(({ before, after }) => before.record.result === from && after.record.result === to)
      .map(({ after }) => after.entity)
      .sort(byName);
  return {
    both: both.length,
    added: added.sort(byName),
    dropped: dropped.sort(byName),
    ...problemLists(both, (p) => p.kind === 'result'),
    passed: turned('不合格', '合格'),
    failed: turned('合格', '不合格'),
  };
}

/**
 * A published quarter against the published quarter before it; undefined for the first. A table either quarter did
 * not publish is not compared.
 */
export function compareWithPrevious(history: History, quarterId: string): Comparison | undefined {
  const current = history.quarters.find((q) => q.id === quarterId);
  if (!current || current.index === 0) return undefined;
  const previous = history.quarters[current.index - 1]!;
  const both = (kind: TableKind) =>
    [previous, current].every((q) => history.trends.rows[q.index]?.tables.includes(kind));
  return {
    previous,
    current,
    websites: both('websites') ? compareWebsites(history.websites, previous, current) : undefined,
    accounts: both('newMedia') ? compareAccounts(history.accounts, previous, current) : undefined,
  };
}
