/**
 * Two-decimal numbers, as bulletins print scores and rates. Imports nothing, so browser code (charts) can use it
 * without pulling in the table definitions.
 */

/** Scores are published with at most two decimals (validation refuses more); computed figures are rounded to two. */
export const round2 = (n: number) => Math.round(n * 100) / 100;

/** Formats a score the way bulletins print it: `109`, `105.5`. */
export const formatScore = (n: number) => String(round2(n));
