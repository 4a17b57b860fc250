/** The validation report as staff read it in a terminal or a CI log. */
import { basename, dirname } from 'node:path';
import { ACK_FIELD, isStaleAcknowledgement, warningIdentity, yamlEntry } from './acknowledge.ts';
import { countBySeverity, formatFinding, sortFindings, type Finding } from './findings.ts';
import type { LoadResult } from './load.ts';

export interface ReportOptions {
  /** Warnings count as errors (acknowledged warnings excepted). */
  strict?: boolean;
  /** List acknowledged warnings too (they are always counted). */
  all?: boolean;
}

const isOpenWarning = (f: Finding) => f.severity === 'warning' && f.acknowledged === undefined;

/** Whether the data may be published. */
export function passes(findings: readonly Finding[], options: ReportOptions = {}): boolean {
  return countBySeverity(findings).error === 0 && (!options.strict || !findings.some(isOpenWarning));
}

/** A finding's line; an acknowledged warning is marked as such, with its note. */
function formatLine(f: Finding): string {
  const line = formatFinding(f) + (f.hint ? f.hint.map((h) => `\n${h}`).join('') : '');
  if (f.acknowledged === undefined) return line;
  return line.replace('警告：', `警告（已确认${f.acknowledged ? `：${f.acknowledged}` : ''}）：`);
}

/**
 * For each quarter with warnings not yet acknowledged, the YAML that acknowledges them, ready to paste into its
 * bulletin.mdx once they are checked.
 */
function acknowledgeHints(result: LoadResult, open: readonly Finding[]): string[] {
  const lines: string[] = [];
  const byFolder = new Map<string, Finding[]>();
  for (const f of open) {
    if (f.severity !== 'warning' || isStaleAcknowledgement(f)) continue;
    const folder = dirname(f.file);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), f]);
  }
  for (const [folder, warnings] of byFolder) {
    const quarter = result.quarters.find(
      (q) => q.id === basename(folder) && (result.folders?.includes(folder) ?? true),
    );
    if (!quarter) continue;
    const entries = [
      ...new Set(
        warnings.map((f) => `  - ${yamlEntry(warningIdentity(f, { ...quarter, folder, acknowledged: [] }))}`),
      ),
    ];
    const listed = (quarter.acknowledged?.length ?? 0) > 0;
    lines.push(
      `以上警告核对无误、按原样发布时，可在 ${folder}/bulletin.mdx 的元数据中确认，之后只计数、不再列出（${listed ? `加到 ${ACK_FIELD}: 列表末尾` : '粘贴到两行 --- 之间'}）：`,
      ...(listed ? [] : [`${ACK_FIELD}:`]),
      ...entries,
    );
  }
  return lines;
}

/** “共 2 个季度：1 个通过（1 个将发布），1 个有错误”: every quarter folder, including those that did not load. */
function quarterCount(result: LoadResult): string {
  const folders = result.folders ?? [];
  const failed = folders.filter(
    (folder) =>
      !result.quarters.some((q) => q.id === basename(folder)) ||
      result.findings.some(
        (f) => f.severity === 'error' && (f.file === folder || dirname(f.file) === folder),
      ),
  );
  const total = Math.max(folders.length, result.quarters.length);
  const published = result.quarters.filter(
    (q) => q.published && !failed.some((folder) => basename(folder) === q.id),
  ).length;
  if (failed.length === 0) return `共 ${total} 个季度（${published} 个将发布）`;
  return `共 ${total} 个季度：${total - failed.length} 个通过（${published} 个将发布），${failed.length} 个有错误`;
}

/**
 * Every finding, one per line (acknowledged warnings only with `all`), the YAML that acknowledges the open
 * warnings, then a one-line summary in Chinese.
 */
export function formatReport(result: LoadResult, options: ReportOptions = {}): string {
  const sorted = sortFindings(result.findings);
  const shown = options.all ? sorted : sorted.filter((f) => f.acknowledged === undefined);
  const lines = shown.map(formatLine);
  const counts = countBySeverity(result.findings);
  const acknowledged = result.findings.filter(
    (f) => f.severity === 'warning' && f.acknowledged !== undefined,
  ).length;
  const ok = passes(result.findings, options);
  if (ok || counts.error === 0) lines.push(...acknowledgeHints(result, sorted.filter(isOpenWarning)));
  const verdict = ok
    ? '校验通过'
    : `校验未通过${counts.error === 0 ? '（--strict：警告也视为错误）' : ''}，请按上面的提示修改后重试`;
  const warnings = `${counts.warning - acknowledged} 个警告${acknowledged > 0 ? `（另有 ${acknowledged} 个警告已确认${options.all ? '' : '，未列出'}）` : ''}`;
  lines.push(
    `${verdict}：${quarterCount(result)}；${counts.error} 个错误，${warnings}，${counts.notice} 条提示。`,
  );
  return lines.join('\n');
}
