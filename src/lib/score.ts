/**
 * The national scoring rules (国办秘函〔2019〕19号) checked against the official figures.
 * Arithmetic is an error; a disagreement with the rules is a warning: the city's published
 * figures stand, and staff are told where they differ.
 */
import { WEBSITE_FLAGS } from './columns.ts';
import { formatScore, round2 } from './decimal.ts';
import type { Finding } from './findings.ts';
import type { WebsiteRecord } from './records.ts';

export { formatScore, round2 };

/** 100 − 扣分 must exceed this for bonus points to count. */
export const BONUS_THRESHOLD = 80;
/** Below this (100 − 扣分) a website fails. */
export const PASS_MARK = 60;

/** Veto flags set on a website, by their Chinese names. */
export function vetoFlags(site: WebsiteRecord): string[] {
  return WEBSITE_FLAGS.filter((f) => site[f.key]).map((f) => f.name);
}

export function checkWebsiteScore(site: WebsiteRecord, file: string): Finding[] {
  const findings: Finding[] = [];
  const at = { file, line: site.line };
  const expected = round2(100 + site.bonus - site.deduction);
  if (round2(site.total) !== expected) {
    findings.push({
      ...at,
      severity: 'error',
      column: '总分',
      value: formatScore(site.total),
      message: `应为 100 + 加分 − 扣分 = 100 + ${formatScore(site.bonus)} − ${formatScore(site.deduction)} = ${formatScore(expected)}；请核对这三个分数`,
      gloss: 'total must equal 100 + bonus − deduction',
    });
  }
  const vetoes = vetoFlags(site);
  if (vetoes.length > 0 && site.result !== '不合格') {
    findings.push({
      ...at,
      severity: 'warning',
      column: vetoes[0],
      value: '是',
      message: `网站“${site.name}”的单项否决项“${vetoes.join('、')}”为“是”，按国办秘函〔2019〕19号该网站应判为不合格、不再计分，但表中${site.result === '合格' ? '结果为“合格”' : `给出了总分 ${formatScore(site.total)}`}；网站将按通报原样发布，如属实请忽略`,
      gloss: 'veto item set but the site was scored',
    });
  }
  if (site.bonus > 0 && 100 - site.deduction <= BONUS_THRESHOLD) {
    findings.push({
      ...at,
      severity: 'warning',
      column: '加分',
      value: formatScore(site.bonus),
      message: `100 − 扣分 = ${formatScore(100 - site.deduction)}，不高于 ${BONUS_THRESHOLD} 分，按规则不应加分；将按通报原样发布`,
      gloss: 'bonus given although 100 − deduction ≤ 80',
    });
  }
  if (100 - site.deduction < PASS_MARK && site.result === '合格') {
    findings.push({
      ...at,
      severity: 'warning',
      column: '结果',
      value: '合格',
      message: `扣分 ${formatScore(site.deduction)} 超过 ${100 - PASS_MARK} 分，按规则应为不合格；将按通报原样发布`,
      gloss: 'deduction over 40 but marked as passing',
    });
  }
  return findings;
}
