/**
 * Renames across quarters. `data/aliases.csv` (optional) says which old name is which current name, so a
 * renamed website, account or unit keeps one identity key, hence one URL. Without it, a name one edit away
 * from a name of an earlier quarter is most likely a typo or an unregistered rename: the validator warns.
 */
import { join } from 'node:path';
import { decodeBytes } from './decode.ts';
import type { Finding } from './findings.ts';
import { accountKey, unitKey, websiteKey } from './keys.ts';
import { cleanCell, editDistance, nearest, normalizeName } from './normalize.ts';
import { parseTable } from './parse.ts';
import type { QuarterId } from './quarter.ts';
import { TABLES, type QuarterTables } from './tables.ts';

export const ALIAS_FILE = 'aliases.csv';
/** The three columns of aliases.csv, in this order. */
export const ALIAS_COLUMNS = ['类型', '旧名称', '现名称'] as const;
/** 类型: what the names in the row name. An account alias renames the account on every platform. */
export const ALIAS_KINDS = ['网站', '新媒体账号', '单位'] as const;
export type AliasKind = (typeof ALIAS_KINDS)[number];
const KIND_SUGGESTIONS: Record<string, AliasKind> = {
  网站名称: '网站',
  政府网站: '网站',
  账号: '新媒体账号',
  账号名称: '新媒体账号',
  新媒体: '新媒体账号',
  政务新媒体: '新媒体账号',
  单位名称: '单位',
};

/** Per kind: normalised old name → current name (chains already followed). */
export type Aliases = Record<AliasKind, Map<string, string>>;

export const noAliases = (): Aliases => ({ 网站: new Map(), 新媒体账号: new Map(), 单位: new Map() });

/** The current name for a name as written in some quarter (the name itself when it has no alias). */
export function canonicalName(aliases: Aliases | undefined, kind: AliasKind, name: string): string {
  return aliases?.[kind].get(normalizeName(name)) ?? name;
}

/** The current name of a unit (单位名称), for unit pages: all its former names lead to it. */
export const canonicalUnit = (aliases: Aliases | undefined, unit: string) =>
  canonicalName(aliases, '单位', unit);

/** Reads aliases.csv; every problem is a located error and the file's rows are then not used. */
export function readAliasesBytes(bytes: Uint8Array, file: string): { aliases: Aliases; findings: Finding[] } {
  const findings: Finding[] = [];
  const aliases = noAliases();
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    findings.push({
      severity: 'error',
      file,
      message: `无法读取：应为 CSV 文本文件，列为 ${ALIAS_COLUMNS.join(',')}；不需要别名时请删除此文件`,
      gloss: `${decoded.reason} file`,
    });
    return { aliases, findings };
  }
  const parsed = parseTable(decoded.text, file, { utf16: decoded.encoding.startsWith('UTF-16') });
  findings.push(...parsed.findings.filter((f) => f.severity === 'error'));
  const line = parsed.headerLine;
  if (parsed.header.join(',') !== ALIAS_COLUMNS.join(',')) {
    findings.push({
      severity: 'error',
      file,
      line,
      value: parsed.rawHeader.join(','),
      message: `表头应为“${ALIAS_COLUMNS.join(',')}”（三列，按此顺序）`,
      gloss: 'aliases.csv header must be 类型,旧名称,现名称',
    });
    return { aliases, findings };
  }
  const edges = new Map<string, { kind: AliasKind; from: string; to: string; line: number }>();
  for (const row of parsed.rows) {
    const cells = row.cells.map(cleanCell);
    if (cells.slice(3).some((c) => c !== '') || cells.length < 3) {
      findings.push({
        severity: 'error',
        file,
        line: row.line,
        message: `本行应正好有 3 个单元格（${ALIAS_COLUMNS.join('、')}），实有 ${cells.filter((c, i) => i < 3 || c !== '').length} 个`,
        gloss: 'row must have 3 cells',
      });
      continue;
    }
    const [kind, from, to] = cells as [string, string, string];
    let ok = true;
    if (!(ALIAS_KINDS as readonly string[]).includes(kind)) {
      const suggestion = KIND_SUGGESTIONS[kind] ?? nearest(kind, ALIAS_KINDS);
      findings.push({
        severity: 'error',
        file,
        line: row.line,
        column: '类型',
        value: kind,
        message: `${suggestion ? `应为“${suggestion}”？` : ''}可填：${ALIAS_KINDS.join('、')}`,
        gloss: 'unknown alias kind',
      });
      ok = false;
    }
    for (const [column, value] of [
      ['旧名称', from],
      ['现名称', to],
    ] as const) {
      if (value === '') {
        findings.push({
          severity: 'error',
          file,
          line: row.line,
          column,
          value,
          message: '必填，不能为空',
          gloss: `${column} is empty`,
        });
        ok = false;
      }
    }
    if (ok && normalizeName(from) === normalizeName(to)) {
      findings.push({
        severity: 'error',
        file,
        line: row.line,
        column: '现名称',
        value: to,
        message: '与旧名称相同；请删除这一行',
        gloss: 'alias to itself',
      });
      ok = false;
    }
    if (!ok) continue;
    const id = `${kind}:${normalizeName(from)}`;
    const first = edges.get(id);
    if (first) {
      findings.push({
        severity: 'error',
        file,
        line: row.line,
        column: '旧名称',
        value: from,
        message: `与第 ${first.line} 行重复：同一个旧名称只能登记一次`,
        gloss: 'duplicate alias',
      });
      continue;
    }
    edges.set(id, { kind: kind as AliasKind, from, to, line: row.line });
  }
  // Follow chains (甲 → 乙, 乙 → 丙: 甲 is 丙) and refuse loops.
  for (const edge of edges.values()) {
    let current = edge.to;
    const visited = new Set([normalizeName(edge.from)]);
    let loop = false;
    for (;;) {
      const normalized = normalizeName(current);
      if (visited.has(normalized)) {
        loop = true;
        break;
      }
      visited.add(normalized);
      const next = edges.get(`${edge.kind}:${normalized}`);
      if (!next) break;
      current = next.to;
    }
    if (loop) {
      findings.push({
        severity: 'error',
        file,
        line: edge.line,
        column: '旧名称',
        value: edge.from,
        message: '别名形成了循环（改名后又改回）；每个旧名称应指向现在的名称',
        gloss: 'alias loop',
      });
      continue;
    }
    aliases[edge.kind].set(normalizeName(edge.from), current);
  }
  if (findings.some((f) => f.severity === 'error')) return { aliases: noAliases(), findings };
  return { aliases, findings };
}

/** Rewrites identity keys to the current names, so a renamed entity keeps one key (and URL) across quarters. */
export function applyAliases(quarter: { tables: QuarterTables }, aliases: Aliases): void {
  for (const site of quarter.tables.websites?.records ?? []) {
    // A site code identifies the site whatever its name.
    if (!site.siteCode) site.key = websiteKey({ name: canonicalName(aliases, '网站', site.name) });
  }
  for (const account of quarter.tables.newMedia?.records ?? []) {
    account.key = accountKey({
      platform: account.platform,
      account: canonicalName(aliases, '新媒体账号', account.account),
    });
    account.unitKey = unitKey(canonicalUnit(aliases, account.unit));
  }
}

/** A name as first seen, and the last quarter (index) that named it. */
interface KnownName {
  name: string;
  normalized: string;
  quarter: string;
  /** Names are compared only within a group (an account's platform). */
  group: string;
  lastSeen: number;
}

/** Receives one entity; its fields as arguments, so the million visits of a national history make no object each. */
type Visit = (key: string, name: string, line: number, group: string) => void;

interface KindOfName {
  kind: AliasKind;
  file: string;
  column: string;
  /** Visits each entity of a quarter whose identity comes from its name, in table order (repeats allowed). */
  names: (q: { tables: QuarterTables }, visit: Visit) => void;
}

const KINDS_OF_NAME: KindOfName[] = [
  {
    kind: '网站',
    file: TABLES.websites.file,
    column: '网站名称',
    names: (q, visit) => {
      for (const w of q.tables.websites?.records ?? []) if (!w.siteCode) visit(w.key, w.name, w.line, '');
    },
  },
  {
    kind: '新媒体账号',
    file: TABLES.newMedia.file,
    column: '账号名称',
    names: (q, visit) => {
      for (const a of q.tables.newMedia?.records ?? []) visit(a.key, a.account, a.line, a.platform);
    },
  },
  {
    kind: '单位',
    file: TABLES.newMedia.file,
    column: '单位名称',
    // A unit runs many accounts: it is named by its first row.
    names: (q, visit) => {
      for (const a of q.tables.newMedia?.records ?? [])
        visit(a.unitKey ?? unitKey(a.unit), a.unit, a.line, '');
    },
  },
];

/** A name and every string made by deleting one of its UTF-16 units (names are compared the same way on both sides). */
function deletionVariants(name: string): string[] {
  const out = [name];
  for (let i = 0; i < name.length; i++) out.push(name.slice(0, i) + name.slice(i + 1));
  return out;
}

/**
 * Warns where a quarter names something new that is one edit away from a name the previous quarter had and this
 * one lacks: most likely a typo, or a rename to register in aliases.csv.
 */
export function nearNameWarnings(
  dataDir: string,
  quarters: readonly (QuarterId & { tables: QuarterTables })[],
): Finding[] {
  const findings: Finding[] = [];
  for (const kind of KINDS_OF_NAME) {
    /** key → where it was first seen, and the last quarter (index) that named it. */
    const known = new Map<string, KnownName>();
    /** What the previous quarter named: a rename shows as one of them missing and a near name appearing. */
    let previous: KnownName[] = [];
    for (const [index, quarter] of quarters.entries()) {
      /**
       * What this quarter names, each once: a known name is marked as named here rather than kept in a set, and
       * listed by its entry, so that finding the absent ones next quarter looks nothing up.
       */
      const here: KnownName[] = [];
      /** Keys new this quarter, at their first row; known once this quarter is checked. */
      const fresh = new Map<string, { entry: KnownName; line: number }>();
      kind.names(quarter, (key, name, line, group) => {
        const seen = known.get(key);
        if (seen) {
          if (seen.lastSeen !== index) {
            seen.lastSeen = index;
            here.push(seen);
          }
        } else if (!fresh.has(key)) {
          const entry = {
            name,
            normalized: normalizeName(name),
            quarter: quarter.id,
            group,
            lastSeen: index,
          };
          fresh.set(key, { entry, line });
          here.push(entry);
        }
      });
      if (fresh.size > 0 && known.size > 0) {
        // A rename or typo leaves last quarter's name absent from this one. Names one edit apart share a one-deletion
        // variant, so an index of the absent names' variants finds candidates without comparing every pair; by
        // group, then variant, so no string is made per lookup to join the two.
        const byVariant = new Map<string, Map<string, KnownName[]>>();
        for (const seen of previous) {
          if (seen.lastSeen === index) continue;
          let group = byVariant.get(seen.group);
          if (!group) byVariant.set(seen.group, (group = new Map()));
          for (const v of deletionVariants(seen.normalized)) {
            const list = group.get(v);
            if (list) list.push(seen);
            else group.set(v, [seen]);
          }
        }
        for (const { entry: entity, line } of fresh.values()) {
          const normalized = entity.normalized;
          const group = byVariant.get(entity.group);
          if (!group) continue;
          const candidates = new Set(deletionVariants(normalized).flatMap((v) => group.get(v) ?? []));
          for (const seen of candidates) {
            if (editDistance(normalized, seen.normalized, 1) !== 1) continue;
            findings.push({
              severity: 'warning',
              file: join(dataDir, quarter.id, kind.file),
              line,
              column: kind.column,
              value: entity.name,
              message: `与 ${seen.quarter} 的“${seen.name}”只差一个字：如是笔误，请改成一致；如是同一${kind.kind === '新媒体账号' ? '账号' : kind.kind}改了名，请在 ${join(dataDir, ALIAS_FILE)} 中加一行“${kind.kind},${seen.name},${entity.name}”，使它保持同一网址`,
              gloss: 'name one edit away from a name of an earlier quarter',
            });
            break;
          }
        }
      }
      for (const [key, { entry }] of fresh) known.set(key, entry);
      previous = here;
    }
  }
  return findings;
}
