/** How figures and dates read on the page. */
import { formatScore } from './score.ts';

/** `2020-10-26` → `2020年10月26日`. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** `95.83` → `95.83%`; undefined → `—`. */
export function formatPercent(n: number | undefined): string {
  return n === undefined ? '—' : `${formatScore(n)}%`;
}

export { formatScore };
