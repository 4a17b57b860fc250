/** What validation reports: located, bilingual findings, formatted like a compiler's. */

export type Severity = 'error' | 'warning' | 'notice';

export interface Finding {
  severity: Severity;
  /** Path as the user gave it, e.g. `data/2020-Q3/websites.csv`. */
  file: string;
  /** 1-based line in the file (header = 1); absent for file-level problems. */
  line?: number;
  /** Column (Chinese header) or frontmatter field the finding is about. */
  column?: string;
  /** The offending value, as written. */
  value?: string;
  /** What is wrong and what was expected, in Chinese. */
  message: string;
  /** Short English gloss. */
  gloss: string;
  /**
   * Set on a warning that bulletin.mdx's `acknowledged:` list names (to its note, or ''): it was checked and is
   * published as it is, so the report counts it without listing it and `--strict` lets it pass (acknowledge.ts).
   */
  acknowledged?: string;
  /** Lines the report prints under the finding, as they are (e.g. the YAML of an entry to add). */
  hint?: string[];
}

const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', notice: '提示' };

/** `path:line: 错误：列名 “值”：应为…（English gloss）` */
export function formatFinding(f: Finding): string {
  const location = f.line === undefined ? f.file : `${f.file}:${f.line}`;
  const subject = [f.column, f.value === undefined ? undefined : `“${f.value}”`].filter(Boolean).join(' ');
  return `${location}: ${SEVERITY_LABEL[f.severity]}：${subject ? `${subject}：` : ''}${f.message}（${f.gloss}）`;
}

/** Sorts findings by file, then line, keeping the order of findings on the same line. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.file.localeCompare(b.f.file) || (a.f.line ?? 0) - (b.f.line ?? 0) || a.i - b.i)
    .map(({ f }) => f);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
