/** Quarter identifiers: the folder name `2020-Q3`, the URL slug `2020-q3`, the label `2020年第三季度`. */

export interface QuarterId {
  /** Folder name, e.g. `2020-Q3`. */
  id: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** URL segment, e.g. `2020-q3`. */
  slug: string;
  /** Reader-facing label, e.g. `2020年第三季度`. */
  label: string;
}

const QUARTER_FOLDER = /^(\d{4})-Q([1-4])$/;
const QUARTER_NAMES = ['一', '二', '三', '四'] as const;

/** The Chinese numeral of a quarter: 3 → `三` (as in `第三季度`). */
export const quarterNumeral = (quarter: number): string => QUARTER_NAMES[quarter - 1]!;

/** Parses a quarter folder name; undefined when it is not exactly `YYYY-Qn`. */
export function parseQuarterId(name: string): QuarterId | undefined {
  const match = QUARTER_FOLDER.exec(name);
  if (!match) return undefined;
  const year = Number(match[1]);
  const quarter = Number(match[2]) as QuarterId['quarter'];
  return {
    id: name,
    year,
    quarter,
    slug: `${year}-q${quarter}`,
    label: `${year}年第${quarterNumeral(quarter)}季度`,
  };
}

/** Orders quarters oldest first; `compareQuarters(b, a)` newest first. */
export function compareQuarters(
  a: Pick<QuarterId, 'year' | 'quarter'>,
  b: Pick<QuarterId, 'year' | 'quarter'>,
): number {
  return a.year - b.year || a.quarter - b.quarter;
}

/** The short form charts use on their axis, e.g. `2021年一季度`. */
export function shortQuarterLabel(q: Pick<QuarterId, 'year' | 'quarter'>): string {
  return `${q.year}年${quarterNumeral(q.quarter)}季度`;
}
