/**
 * A quarter started by copying last quarter's folder, and never given its own tables, would publish last quarter's
 * results under a new date. Each table is compared with the same table of the previous quarter, row by row, ignoring
 * 序号 and the order of the rows.
 *
 * - Every table of the quarter holds exactly the previous quarter's rows: an error at each table.
 * - Every table has at least COPY_SHARE of its rows identical to rows of the previous quarter's, and the quarter has
 *   at least COPY_MIN_ROWS rows: a warning at each table.
 *
 * One table alone that did not change is not reported: a city that inspects the same accounts every quarter and finds
 * them all 合格 again legitimately publishes the same 附件2. For the same reason a quarter with a single annex is not
 * compared at all.
 */
import { join } from 'node:path';
import type { Finding } from './findings.ts';
import { cellValue, TABLE_KINDS, TABLES, type TableKind } from './tables.ts';

/** Share of a table's rows identical to the previous quarter's above which the quarter is reported as a likely copy. */
export const COPY_SHARE = 0.9;
/** Fewest rows (both tables together) for the warning; smaller quarters are only reported when copied exactly. */
export const COPY_MIN_ROWS = 10;

/** A row as published, without 序号: every column of the table but the first. */
export function rowSignature(kind: TableKind, record: object): string {
  return JSON.stringify(
    TABLES[kind].columns.filter((c) => c.key !== 'seq').map((c) => cellValue(record, c) ?? null),
  );
}

export interface TableComparison {
  /** Rows of the current table. */
  rows: number;
  /** Rows of the current table that match a row of the previous one (each previous row matched once). */
  identical: number;
  /** The two tables hold the same rows, as many times each. */
  same: boolean;
}

/** Compares two tables as multisets of row signatures. */
export function compareTables(current: readonly string[], previous: readonly string[]): TableComparison {
  const left = new Map<string, number>();
  for (const s of previous) left.set(s, (left.get(s) ?? 0) + 1);
  let identical = 0;
  for (const s of current) {
    const n = left.get(s) ?? 0;
    if (n > 0) {
      identical++;
      left.set(s, n - 1);
    }
  }
  return {
    rows: current.length,
    identical,
    same: identical === current.length && current.length === previous.length && current.length > 0,
  };
}

export interface ComparedQuarter {
  id: string;
  /** Each table the quarter has, with its records; leave out every table of a quarter in which one had errors. */
  tables: { readonly [K in TableKind]?: { readonly records: readonly object[] } };
}

/** Findings for quarters that repeat the previous quarter's tables; `quarters` oldest first. */
export function copyFindings(dataDir: string, quarters: readonly ComparedQuarter[]): Finding[] {
  const findings: Finding[] = [];
  // Each table's signatures are made once, though it is compared twice (with the quarter before and the one after).
  const made = new Map<readonly object[], string[]>();
  const signatures = (kind: TableKind, records: readonly object[]) => {
    let list = made.get(records);
    if (!list) made.set(records, (list = records.map((r) => rowSignature(kind, r))));
    return list;
  };
  for (let i = 1; i < quarters.length; i++) {
    const previous = quarters[i - 1]!;
    const current = quarters[i]!;
    const kinds = TABLE_KINDS.filter((kind) => current.tables[kind]);
    if (kinds.length < 2) continue;
    const compared = new Map<TableKind, TableComparison>();
    for (const kind of kinds) {
      const now = current.tables[kind]?.records;
      const before = previous.tables[kind]?.records;
      if (!now || !before || now.length === 0) break;
      const comparison = compareTables(signatures(kind, now), signatures(kind, before));
      // Below the share, no table of this quarter is reported whatever the others hold: they need not be signed.
      if (comparison.identical < COPY_SHARE * comparison.rows) break;
      compared.set(kind, comparison);
    }
    if (compared.size !== kinds.length) continue;
    const all = [...compared.values()];
    const file = (kind: TableKind) => join(dataDir, current.id, TABLES[kind].file);
    if (all.every((c) => c.same)) {
      for (const [kind, c] of compared) {
        findings.push({
          severity: 'error',
          file: file(kind),
          message: `与 ${previous.id} 的附件完全相同：是不是复制了上季度的表格？${current.id} 和 ${previous.id} 的 ${TABLES[kind].file} 有相同的 ${c.rows} 行（不计序号和行的顺序），两张表都是如此；请换成本季度的检查结果`,
          gloss: `same rows as ${previous.id}`,
        });
      }
    } else if (
      all.every((c) => c.identical >= COPY_SHARE * c.rows) &&
      all.reduce((n, c) => n + c.rows, 0) >= COPY_MIN_ROWS
    ) {
      for (const [kind, c] of compared) {
        findings.push({
          severity: 'warning',
          file: file(kind),
          message: `${c.rows} 行中有 ${c.identical} 行与 ${previous.id} 的附件完全相同（不计序号和行的顺序），两张表都是如此：是不是复制了上季度的表格，只改了几行？如本季度的检查结果确实如此，可忽略`,
          gloss: `most rows identical to ${previous.id}`,
        });
      }
    }
  }
  return findings;
}
