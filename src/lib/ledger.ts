/**
 * The ledger: what each quarter published and every version of it since, decided from the repository's history, and
 * the gate that refuses a published table changed without a correction. Pure: the commits' file contents come from
 * the caller (src/node/git-ledger.ts reads them with git).
 *
 * - A quarter is published from the first commit in which it is public (主动公开, not a draft) and valid.
 * - A version is a state of its tables: v1 as published, then each commit whose tables publish different values
 *   (what the downloads would hold: cells as `cellText` prints them, rows matched by identity after data/aliases.csv).
 *   Edits to bulletin.mdx alone (prose, metadata, `acknowledged:`) are not versions; neither is a table re-saved
 *   with the same values (another encoding, spaces, a totals row). Uncommitted changes are a pending version.
 *   A commit whose quarter has errors never passed validation, so was never published: it is skipped.
 * - Each version after v1 needs its own `corrections` entry, added after the version it differs from (in the same
 *   commit or later); the entry is then shown with the exact changes.
 */
import { join } from 'node:path';
import yaml from 'js-yaml';
import { rowName } from './acknowledge.ts';
import { applyAliases, type Aliases } from './aliases.ts';
import type { ColumnDef } from './columns.ts';
import { cellText } from './export.ts';
import { fieldLine } from './field.ts';
import type { Finding } from './findings.ts';
import { loadQuarterFiles, type LoadResult, type Quarter } from './load.ts';
import { parseQuarterId, type QuarterId } from './quarter.ts';
import { cellValue, TABLE_KINDS, TABLES, type RowFacts, type TableKind } from './tables.ts';

/** A quarter folder's files: name → contents (absent when the folder lacks it). */
export type QuarterFiles = Readonly<Record<string, Uint8Array | undefined>>;

/** A commit that changed a quarter folder, with the folder's files as the commit left them. */
export interface Revision {
  commit: string;
  /** Commit date, ISO 8601. */
  date: string;
  files: QuarterFiles;
}

/** What the caller could read of the data folder's history. */
export type LedgerSource =
  /** Committed revisions of each quarter folder, oldest first, and the working tree's files. */
  | {
      kind: 'git';
      revisions: ReadonlyMap<string, readonly Revision[]>;
      working: ReadonlyMap<string, QuarterFiles>;
    }
  /** No repository (a tarball or a copy) or no git command: the current files are the only version. */
  | { kind: 'none'; reason: 'no-git' | 'no-git-command' }
  /** Not the repository's data folder (test data, benchmarks): read as plain files, nothing said. */
  | { kind: 'off' }
  /** A shallow clone: the history is cut, so the versions cannot be known. */
  | { kind: 'shallow' }
  | { kind: 'failed'; message: string };

/** A cell whose published value changed. */
export interface CellChange {
  /** Column header (Chinese). */
  column: string;
  from: string;
  to: string;
}

/** A row, by its identity across versions. */
export interface RowRef {
  key: string;
  /** The row's name as the annex shows it (网站名称; 账号名称（账号类型）). */
  name: string;
  /** Line in the file of the version (the newer one for changed and added rows, the older for removed ones). */
  line: number;
}

export interface RowChange extends RowRef {
  cells: CellChange[];
}

/** How one table differs between two versions. */
export interface TableDiff {
  kind: TableKind;
  /** Input and download file, e.g. `websites.csv`. */
  file: string;
  /** 附件 number. */
  annex: number;
  changed: RowChange[];
  added: RowRef[];
  removed: RowRef[];
  /** Same rows and values in another order. */
  reordered: boolean;
}

/** One published version of a quarter's tables. */
export interface Version {
  /** 1, 2, …: v1 is the version first published. */
  number: number;
  /** Full commit hash; absent for uncommitted changes (pending) and when there is no git history. */
  commit?: string;
  /** `YYYY-MM-DD` of the commit. */
  date?: string;
  /** The quarter as this version had it: its tables and bulletin metadata (corrections) at that commit. */
  quarter: Quarter;
  /** From the version before (v2 on): only the tables that changed. */
  changes: TableDiff[];
  /** Index in the current bulletin's `corrections` of the entry that explains this version (v2 on), if one does. */
  correction?: number;
}

export interface QuarterLedger {
  id: string;
  /** `git`: versions from the history; `none`: no history, the current files are the only version. */
  source: 'git' | 'none';
  /** Oldest first; empty when the quarter is not published. */
  versions: Version[];
}

export interface LedgerOptions {
  /** Today, `YYYY-MM-DD`: the date offered for a new corrections entry. */
  today: string;
}

// --- The tables as the ledger compares them (the only place that knows the record shape) -----------------------

interface Row extends RowRef {
  cells: Map<string, string>;
}

interface TableState {
  columns: ColumnDef[];
  rows: Row[];
}

function tableState(q: Quarter, kind: TableKind): TableState {
  const table = q.tables[kind];
  if (!table) return { columns: [], rows: [] };
  const def = TABLES[kind];
  const seen = new Map<string, number>();
  return {
    columns: table.columns,
    rows: (table.records as readonly RowFacts[]).map((r) => {
      // Identities are unique in a valid table; a rename in aliases.csv could merge two, so keep them apart.
      const n = seen.get(r.key) ?? 0;
      seen.set(r.key, n + 1);
      const cells = new Map(table.columns.map((c) => [c.name, cellText(c, cellValue(r, c))]));
      return { key: n === 0 ? r.key : `${r.key}#${n}`, name: rowName(def, r), line: r.line, cells };
    }),
  };
}

/** The rows of `b` against those of `a`, matched by identity. */
export function diffTable(kind: TableKind, a: TableState, b: TableState): TableDiff {
  const before = new Map(a.rows.map((r) => [r.key, r]));
  const after = new Map(b.rows.map((r) => [r.key, r]));
  const columns = [...new Set([...a.columns, ...b.columns].map((c) => c.name))];
  const ref = ({ key, name, line }: Row): RowRef => ({ key, name, line });
  const changed: RowChange[] = [];
  for (const row of b.rows) {
    const old = before.get(row.key);
    if (!old) continue;
    const cells = columns
      .map((column) => ({ column, from: old.cells.get(column) ?? '', to: row.cells.get(column) ?? '' }))
      .filter((c) => c.from !== c.to);
    if (cells.length > 0) changed.push({ ...ref(row), cells });
  }
  const added = b.rows.filter((r) => !before.has(r.key)).map(ref);
  const removed = a.rows.filter((r) => !after.has(r.key)).map(ref);
  const reordered =
    added.length === 0 && removed.length === 0 && a.rows.some((r, i) => b.rows[i]!.key !== r.key);
  return { kind, file: TABLES[kind].file, annex: TABLES[kind].annex, changed, added, removed, reordered };
}

const isEmptyDiff = (d: TableDiff) =>
  d.changed.length === 0 && d.added.length === 0 && d.removed.length === 0 && !d.reordered;

/** Every table that differs between two states of a quarter. */
function diffQuarters(a: Quarter, b: Quarter): TableDiff[] {
  return TABLE_KINDS.map((kind) => diffTable(kind, tableState(a, kind), tableState(b, kind))).filter(
    (d) => !isEmptyDiff(d),
  );
}

// --- Versions ----------------------------------------------------------------------------------------------------

interface State {
  commit?: string;
  date?: string;
  /** Loaded and valid: it could have been published. */
  quarter?: Quarter;
  /** The bulletin's corrections, whenever its metadata could be read. */
  corrections?: string[];
}

const correctionId = (c: { date: string; note: string }) => `${c.date}\u0000${c.note}`;

/** A loop, not `every`: a national quarter is tens of megabytes, and a callback per byte takes seconds. */
function sameBytes(x: Uint8Array, y: Uint8Array): boolean {
  if (x === y) return true;
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

const sameFiles = (a: QuarterFiles, b: QuarterFiles) => {
  const names = new Set([...Object.keys(a), ...Object.keys(b)].filter((n) => a[n] || b[n]));
  return [...names].every((n) => {
    const x = a[n];
    const y = b[n];
    return x !== undefined && y !== undefined && sameBytes(x, y);
  });
};

/** A quarter folder as a commit left it, loaded and validated. */
function loadRevision(folder: string, id: QuarterId, rev: Revision): ReturnType<typeof loadQuarterFiles> {
  const files = new Map(
    Object.entries(rev.files).filter((e): e is [string, Uint8Array] => e[1] !== undefined),
  );
  return loadQuarterFiles({ path: folder, id, names: [...files.keys()], files });
}

/** The states of a quarter, oldest first: each commit, then the working tree (the loaded quarter). */
function states(
  folder: string,
  current: Quarter,
  revisions: readonly Revision[],
  working: QuarterFiles | undefined,
  aliases: Aliases | undefined,
): State[] {
  const list: State[] = revisions.map((rev) => {
    const state: State = { commit: rev.commit, date: rev.date.slice(0, 10) };
    if (working && sameFiles(rev.files, working)) {
      return { ...state, quarter: current, corrections: (current.meta.corrections ?? []).map(correctionId) };
    }
    const loaded = loadRevision(folder, current, rev);
    if (loaded.quarter) state.corrections = (loaded.quarter.meta.corrections ?? []).map(correctionId);
    if (loaded.quarter && !loaded.findings.some((f) => f.severity === 'error')) {
      if (aliases) applyAliases(loaded.quarter, aliases);
      state.quarter = loaded.quarter;
    }
    return state;
  });
  list.push({ quarter: current, corrections: (current.meta.corrections ?? []).map(correctionId) });
  return list;
}

/** The versions of a quarter from its states, and which corrections entry explains each. */
function versionsOf(list: State[], current: Quarter): { versions: Version[]; stateOf: number[] } {
  const versions: Version[] = [];
  const stateOf: number[] = [];
  for (const [i, state] of list.entries()) {
    if (!state.quarter) continue;
    const last = versions.at(-1);
    if (!last) {
      if (!state.quarter.published) continue;
      versions.push({
        number: 1,
        commit: state.commit,
        date: state.date,
        quarter: state.quarter,
        changes: [],
      });
      stateOf.push(i);
      continue;
    }
    // The working tree as last committed is that commit's quarter itself (states): nothing changed, nothing to compare.
    if (state.quarter === last.quarter) continue;
    const changes = diffQuarters(last.quarter, state.quarter);
    if (changes.length === 0) continue;
    versions.push({
      number: last.number + 1,
      commit: state.commit,
      date: state.date,
      quarter: state.quarter,
      changes,
    });
    stateOf.push(i);
  }
  // Each entry of the current list, from the state in which it first appeared; each version takes the first entry
  // not yet taken that appeared after the version it differs from.
  const entries = (current.meta.corrections ?? []).map(correctionId);
  const appeared = entries.map((id) => list.findIndex((s) => s.corrections?.includes(id)));
  const taken = new Set<number>();
  for (const [k, version] of versions.entries()) {
    if (k === 0) continue;
    const entry = appeared.findIndex((at, i) => !taken.has(i) && at > stateOf[k - 1]!);
    if (entry !== -1) {
      taken.add(entry);
      version.correction = entry;
    }
  }
  return { versions, stateOf };
}

// --- Messages ------------------------------------------------------------------------------------------------------

const shown = (text: string) => `“${text}”`;
const shortCommit = (v: Version) => (v.commit ? v.commit.slice(0, 7) : undefined);

/** `v1（2020-10-30，提交 1a2b3c4）`, `未提交的改动`. */
export function versionLabel(v: Version): string {
  return v.commit ? `v${v.number}（${v.date}，提交 ${shortCommit(v)}）` : `v${v.number}（未提交的改动）`;
}

/** Each change of a table, as a line of the report: `websites.csv:4: 扣分 “4.5” → “3”`. */
export function changeLines(diff: TableDiff, previous: number): string[] {
  return [
    ...diff.changed.flatMap((row) =>
      row.cells.map((c) => `${diff.file}:${row.line}: ${c.column} ${shown(c.from)} → ${shown(c.to)}`),
    ),
    ...diff.added.map((row) => `${diff.file}:${row.line}: 增加一行 ${shown(row.name)}`),
    ...diff.removed.map(
      (row) => `${diff.file}（v${previous} 第 ${row.line} 行）: 删除了一行 ${shown(row.name)}`,
    ),
    ...(diff.reordered ? [`${diff.file}: 行的顺序改变`] : []),
  ];
}

/** Each change for readers (the RSS item): `附件1第3行（某网站）扣分 “4.5” → “3”`, `附件1增加“某网站”`. */
export function readerChanges(changes: readonly TableDiff[]): string[] {
  return changes.flatMap((d) => [
    ...d.changed.flatMap((row) =>
      row.cells.map(
        (c) => `附件${d.annex}第${row.line}行（${row.name}）${c.column} ${shown(c.from)} → ${shown(c.to)}`,
      ),
    ),
    ...d.added.map((row) => `附件${d.annex}增加“${row.name}”`),
    ...d.removed.map((row) => `附件${d.annex}删除“${row.name}”`),
    ...(d.reordered ? [`附件${d.annex}调整了行的顺序`] : []),
  ]);
}

/** A first draft of the corrections note, from the changes: staff read and edit it. */
export function suggestedNote(changes: readonly TableDiff[]): string {
  const blank = (s: string) => (s === '' ? '（空）' : s);
  const parts = changes.flatMap((d) => [
    ...d.changed.map(
      (row) =>
        `附件${d.annex}第${row.line}行（${row.name}）${row.cells.map((c) => `${c.column}由 ${blank(c.from)} 更正为 ${blank(c.to)}`).join('，')}`,
    ),
    ...d.added.map((row) => `附件${d.annex}增加“${row.name}”`),
    ...d.removed.map((row) => `附件${d.annex}删除“${row.name}”`),
    ...(d.reordered ? [`附件${d.annex}调整了行的顺序`] : []),
  ]);
  return parts.length > 3 ? `${parts.slice(0, 3).join('；')}等 ${parts.length} 处` : parts.join('；');
}

const yamlScalar = (text: string) => yaml.dump(text, { lineWidth: -1 }).trimEnd();

/** How many changes a message lists before “等”. */
const LISTED = 5;

function gateFindings(folder: string, current: Quarter, versions: Version[], today: string): Finding[] {
  const findings: Finding[] = [];
  const hasCorrections = (current.meta.corrections ?? []).length > 0;
  for (const version of versions.slice(1)) {
    const previous = versions[version.number - 2]!;
    const where = version.commit
      ? `提交 ${shortCommit(version)}（${version.date}）中的表格`
      : '未提交的改动中的表格';
    if (version.correction !== undefined) {
      if (!version.commit) {
        findings.push({
          severity: 'notice',
          file: folder,
          message: `表格与已发布的 ${versionLabel(previous)}不同，有更正记录第 ${version.correction + 1} 条；提交后成为 v${version.number}，原来的版本仍可下载`,
          gloss: `pending version v${version.number}, explained by a corrections entry`,
        });
      }
      continue;
    }
    const lines = version.changes.flatMap((d) => changeLines(d, previous.number));
    const list = `共 ${lines.length} 处改动：${lines.slice(0, LISTED).join('；')}${lines.length > LISTED ? '；……' : ''}`;
    for (const [i, diff] of version.changes.entries()) {
      const first = diff.changed[0] ?? diff.added[0];
      const cell = diff.changed[0]?.cells[0];
      const subject = cell
        ? `${cell.column} ${shown(cell.from)} → ${shown(cell.to)}`
        : diff.added[0]
          ? `增加一行 ${shown(diff.added[0].name)}`
          : diff.removed[0]
            ? `删除了一行 ${shown(diff.removed[0].name)}`
            : '行的顺序';
      const finding: Finding = {
        severity: 'error',
        file: `${folder}/${diff.file}`,
        line: first?.line,
        column: subject,
        message: `${current.id} 已于 ${versions[0]!.date ?? '（未提交）'} 发布，${where}与 ${versionLabel(previous)}不同，但 bulletin.mdx 没有新的更正记录；已发布的数据不能悄悄改动。${list}。请在 bulletin.mdx 中加一条更正记录（见下），或撤销改动`,
        gloss: `published table differs from v${previous.number} without a new corrections entry`,
      };
      if (i === 0) {
        finding.hint = [
          `请在 ${folder}/bulletin.mdx 的元数据中加一条更正记录（${hasCorrections ? '加到 corrections: 列表末尾' : '粘贴到两行 --- 之间'}），核对更正内容的文字；加上后，网站上 ${versionLabel(previous).replace(/（.*/, '')} 仍可下载，更正记录下列出改动的每一格：`,
          ...(hasCorrections ? [] : ['corrections:']),
          `  - date: ${today}`,
          `    note: ${yamlScalar(suggestedNote(version.changes))}`,
        ];
      }
      findings.push(finding);
    }
  }
  return findings;
}

// --- Withdrawal: a published quarter stays published -------------------------------------------------------------

const WITHDRAWAL_CAUSE =
  '已发布的通报不能撤下：它的网页、附件和数据下载的网址会失效，读者和记者保存的链接将打不开';
const WITHDRAWAL_FIX =
  '表格有误时请改正表格，并在 bulletin.mdx 中加一条更正记录（corrections），原来的版本仍可下载';

/**
 * A quarter folder that was published and is gone from the data folder (deleted or renamed, committed or not): its
 * pages and downloads would vanish without a word. `revisions` are its commits, the last of which may be the deletion.
 */
function removedFinding(folder: string, id: string, revisions: readonly Revision[]): Finding | undefined {
  const quarterId = parseQuarterId(id);
  if (!quarterId) return undefined;
  const published = revisions.find((rev) => {
    const loaded = loadRevision(folder, quarterId, rev);
    return loaded.quarter?.published && !loaded.findings.some((f) => f.severity === 'error');
  });
  if (!published) return undefined;
  const kept = revisions.findLast((rev) => Object.values(rev.files).some((f) => f !== undefined))!;
  return {
    severity: 'error',
    file: folder,
    message: `${id} 已于 ${published.date.slice(0, 10)} 发布（提交 ${published.commit.slice(0, 7)}），现在这个季度文件夹不见了（被删除或改了名）；${WITHDRAWAL_CAUSE}。如是误删或改错了名，请恢复这个文件夹（见下）；${WITHDRAWAL_FIX}`,
    gloss: 'a published quarter folder is gone',
    hint: [
      '在仓库中运行下面的命令恢复这个文件夹，再提交：',
      `git checkout ${kept.commit.slice(0, 7)} -- ${folder}`,
    ],
  };
}

/** A published quarter whose bulletin.mdx now makes it a draft or not proactively disclosed: it would leave the site. */
function unpublishedFinding(
  folder: string,
  current: Quarter,
  first: Version,
  bulletin: Uint8Array | undefined,
): Finding {
  const draft = current.meta.draft;
  return {
    severity: 'error',
    file: `${folder}/bulletin.mdx`,
    // The file's lines after its opening ---, as fieldLine counts them.
    line:
      bulletin &&
      fieldLine(new TextDecoder().decode(bulletin).split(/\r?\n/).slice(1), draft ? 'draft' : 'disclosure'),
    column: draft ? 'draft（草稿）' : 'disclosure（公开方式）',
    value: draft ? 'true' : current.meta.disclosure,
    message: `${current.id} 已于 ${first.date} 发布（${versionLabel(first)}），现在改成了${draft ? '草稿' : `“${current.meta.disclosure}”`}，将从网站上消失；${WITHDRAWAL_CAUSE}。请改回${draft ? ' draft: false（或删去这一行）' : ' disclosure: 主动公开'}；${WITHDRAWAL_FIX}`,
    gloss: 'a published quarter made a draft or not disclosed',
  };
}

// --- The ledger of a data folder ---------------------------------------------------------------------------------

/**
 * Adds the ledger to a loaded data folder: `result.ledger` (each quarter's versions) and the findings (the gate, and
 * one notice or error about the history itself). Quarters with errors are left out: their errors come first.
 */
export function applyLedger(
  result: LoadResult,
  dir: string,
  source: LedgerSource,
  options: LedgerOptions,
): void {
  const ledger = new Map<string, QuarterLedger>();
  result.ledger = ledger;
  if (source.kind === 'shallow') {
    result.findings.push({
      severity: 'error',
      file: dir,
      message:
        '仓库是浅克隆（shallow clone），git 历史不完整，无法核对已发布的各个版本；请运行 git fetch --unshallow，持续集成检出时取完整历史（GitHub：fetch-depth: 0；GitLab：GIT_DEPTH: 0）',
      gloss: 'shallow clone: the full history is needed',
    });
    return;
  }
  if (source.kind === 'failed') {
    result.findings.push({
      severity: 'error',
      file: dir,
      message: `无法读取 git 历史：${source.message}`,
      gloss: 'cannot read the git history',
    });
    return;
  }
  const errors = result.findings.filter((f) => f.severity === 'error').map((f) => f.file);
  const hasErrors = (folder: string) =>
    errors.some((file) => file === folder || file.startsWith(`${folder}/`));
  if (source.kind !== 'git') {
    // `off` (test data, benchmarks in the repository): the same, without a word.
    if (source.kind === 'none') {
      result.findings.push({
        severity: 'notice',
        file: dir,
        message: `${source.reason === 'no-git' ? '不在 git 仓库中（如从压缩包解出）' : '找不到 git 命令'}，读不到已发布的各个版本：每个季度以当前文件为唯一的版本发布，不核对更正记录`,
        gloss: 'no git history: the current files are the only version',
      });
    }
    for (const q of result.quarters) {
      if (q.published)
        ledger.set(q.id, { id: q.id, source: 'none', versions: [{ number: 1, quarter: q, changes: [] }] });
    }
    return;
  }
  for (const current of result.quarters) {
    const folder = join(dir, current.id);
    if (hasErrors(folder)) continue;
    const list = states(
      folder,
      current,
      source.revisions.get(current.id) ?? [],
      source.working.get(current.id),
      result.aliases,
    );
    const { versions } = versionsOf(list, current);
    ledger.set(current.id, { id: current.id, source: 'git', versions });
    result.findings.push(...gateFindings(folder, current, versions, options.today));
    // Published in a commit (not only in the working tree), and now not to be published.
    if (versions[0]?.commit && !current.published) {
      const bulletin = source.working.get(current.id)?.['bulletin.mdx'];
      result.findings.push(unpublishedFinding(folder, current, versions[0], bulletin));
    }
  }
  const loaded = new Set(result.quarters.map((q) => q.id));
  for (const [id, revisions] of source.revisions) {
    const folder = join(dir, id);
    // A folder that is there but does not load has errors of its own that say why.
    if (loaded.has(id) || hasErrors(folder)) continue;
    const finding = removedFinding(folder, id, revisions);
    if (finding) result.findings.push(finding);
  }
}
