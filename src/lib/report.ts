/** The validation report as staff read it in a terminal or a CI log. */
import { countBySeverity, formatFinding, sortFindings, type Finding } from './findings.ts';
import type { LoadResult } from './load.ts';

export interface ReportOptions {
  /** Warnings count as errors. */
  strict?: boolean;
}

/** Whether the data may be published. */
export function passes(findings: readonly Finding[], options: ReportOptions = {}): boolean {
  const counts = countBySeverity(findings);
  return counts.error === 0 && (!options.strict || counts.warning === 0);
}

/** Every finding, one per line, then a one-line summary in Chinese. */
export function formatReport(result: LoadResult, options: ReportOptions = {}): string {
  const lines = sortFindings(result.findings).map(formatFinding);
  const counts = countBySeverity(result.findings);
  const published = result.quarters.filter((q) => q.published).length;
  const verdict = passes(result.findings, options)
    ? '校验通过'
    : `校验未通过${counts.error === 0 ? '（--strict：警告也视为错误）' : ''}，请按上面的提示修改后重试`;
  lines.push(
    `${verdict}：${result.quarters.length} 个季度（${published} 个将发布），${counts.error} 个错误，${counts.warning} 个警告，${counts.notice} 条提示。`,
  );
  return lines.join('\n');
}
