/** Cleaning of what Excel and copy-paste leave in cells and headers. */

/** ASCII white space, no-break space and the ideographic (full-width) space. */
const EDGE_SPACE = /^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g;
const ANY_SPACE = /[\s\u00a0\u3000]+/g;

/** Code units that EDGE_SPACE trims (the ones \s matches that a cell may hold, plus U+3000). */
const isSpaceCode = (c: number) =>
  c <= 0x20 ||
  c === 0xa0 ||
  c === 0x3000 ||
  c === 0xfeff ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x1680;

/** Trims ASCII and full-width spaces from both ends of a cell. */
export function cleanCell(value: string): string {
  // Most cells have nothing to trim; checking the two ends first saves a regex run per cell on a million rows.
  if (value === '' || (!isSpaceCode(value.charCodeAt(0)) && !isSpaceCode(value.charCodeAt(value.length - 1))))
    return value;
  return value.replace(EDGE_SPACE, '');
}

/** Header cells copied from a PDF or Word table carry the table's line wraps: `安全、泄密 事故等严 重问题`. */
export function normalizeHeader(value: string): string {
  return value.replace(/^\ufeff/, '').replace(ANY_SPACE, '');
}

/** Full-width digits, point, minus and plus (`９．５`) → ASCII. */
const FULL_WIDTH_NUMBER = /[\uff10-\uff19\uff0e\uff0d\uff0b]/;

export function toHalfWidth(value: string): string {
  if (!FULL_WIDTH_NUMBER.test(value)) return value;
  return value.replace(/[\uff10-\uff19\uff0e\uff0d\uff0b]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Parses a decimal number as written in a cell (after half-width conversion); undefined if it is not one. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export function parseNumber(value: string): number | undefined {
  // Most cells are plain ASCII numbers, which the conversions below leave as they are.
  if (DECIMAL.test(value)) return Number(value);
  const text = toHalfWidth(value).replace(ANY_SPACE, '');
  if (!DECIMAL.test(text)) return undefined;
  return Number(text);
}

/** The official combined score cell: `加分：22 扣分：13 总分：109`. */
const SCORE_CELL = /^加分[:：]\s*(\S+?)\s*[,，;；]?\s*扣分[:：]\s*(\S+?)\s*[,，;；]?\s*总分[:：]\s*(\S+)$/;

export function splitScoreCell(
  value: string,
): { bonus: string; deduction: string; total: string } | undefined {
  const match = SCORE_CELL.exec(value.replace(ANY_SPACE, ' ').trim());
  if (!match) return undefined;
  return { bonus: match[1]!, deduction: match[2]!, total: match[3]! };
}

/** Values meaning “none” in a problems column. */
const NONE = new Set(['', '无', '没有', '暂无', '/', '-', '—', '－']);

/** No problems: one list shared by every row that has none (most of a national table's million rows), frozen. */
export const NO_PROBLEMS: readonly string[] = Object.freeze([]);

/** Splits 其他问题 into separate problems: separated by `，` `,` `；` `;`; `无` or empty is none. */
export function splitProblems(value: string): readonly string[] {
  // Most rows say `无`: none, with nothing to split.
  if (NONE.has(value)) return NO_PROBLEMS;
  return value
    .split(/[，,；;]/)
    .map((part) => cleanCell(part).replace(/[。.]$/, ''))
    .filter((part) => !NONE.has(part));
}

/** Key for matching names: no spaces, half-width digits and letters, upper case. */
/** Anything normalizeName changes besides case: full-width forms, spaces. */
const NAME_CHANGES = /[\uff10-\uff19\uff0e\uff0d\uff0b\uff21-\uff3a\uff41-\uff5a\s\u00a0\u3000]/;

/**
 * Whether a name or header cell may hold something the conversions here change: white space, a BOM, a full-width
 * form, ASCII or Chinese punctuation up to `,` and `、`. A superset (a false alarm only costs the full conversion),
 * tested with a loop, because a regular expression per cell is slow on a million rows.
 */
export function mayNeedCleaning(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (
      c <= 0x2c ||
      c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x205f) ||
      c === 0x3000 ||
      c === 0x3001 ||
      c >= 0xfeff
    )
      return true;
  }
  return false;
}

/** `toUpperCase`, without the call for what it leaves as it is: ASCII other than a–z, and CJK ideographs (no case). */
function upperCase(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80 ? c >= 0x61 && c <= 0x7a : c < 0x3400 || c > 0x9fff) return value.toUpperCase();
  }
  return value;
}

export function normalizeName(value: string): string {
  if (!mayNeedCleaning(value) || !NAME_CHANGES.test(value)) return upperCase(value);
  return toHalfWidth(value)
    .replace(/[\uff21-\uff3a\uff41-\uff5a]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(ANY_SPACE, '')
    .toUpperCase();
}

/** Levenshtein distance, for "did you mean" suggestions; stops early beyond `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[y.length]!;
}

/** The closest of `candidates` to `value`, if within a distance that makes it a plausible typo. */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor([...value].length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const d = editDistance(value, candidate, limit);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}
