/**
 * Reads the ledger's input from git: every commit that changed a quarter folder of the repository's `data/`, with the
 * folder's files as that commit left them, and the files in the working tree now. Process code (runs `git`); the
 * decisions (publication, versions, the gate) are pure, in src/lib/ledger.ts.
 *
 * History is read along the first-parent chain of HEAD (`git log --first-parent`): the order in which changes reached
 * the branch being built, a merge counting at the merge. Only the repository's top-level `data/` folder has a ledger:
 * a DATA_DIR elsewhere in the repository (test fixtures, benchmarks) is read as plain files, as before.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerSource, QuarterFiles, Revision } from '../lib/ledger.ts';

/** The folder, relative to the repository's top level, whose history is the ledger. */
export const LEDGER_FOLDER = 'data/';

/** git without the caller's GIT_DIR & co. (a hook or an outer tool may set them) and with plain paths. */
function git(cwd: string, args: string[], input?: string): SpawnSyncReturns<Buffer> {
  const { GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE, GIT_PREFIX, ...env } = process.env;
  return spawnSync('git', ['-c', 'core.quotePath=false', '-c', 'log.showSignature=false', ...args], {
    cwd,
    env,
    input,
    maxBuffer: 2 ** 31 - 1,
  });
}

const firstLine = (b: Buffer | string | null | undefined) =>
  String(b ?? '')
    .trim()
    .split('\n')[0] ?? '';

/** The quarter folder's files in the working tree (only those a quarter folder may hold). */
function workingFiles(dir: string, names: readonly string[]): QuarterFiles {
  const files: Record<string, Uint8Array> = {};
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path, { throwIfNoEntry: false })?.isFile()) files[name] = readFileSync(path);
  }
  return files;
}

/**
 * The ledger input for the data folder `dir`: its quarters' committed revisions (oldest first) and working files.
 * `quarterFiles`: the file names a quarter folder may hold.
 */
export function readLedgerSource(dir: string, quarterFiles: readonly string[]): LedgerSource {
  let where: SpawnSyncReturns<Buffer>;
  try {
    where = git(dir, ['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository']);
  } catch {
    return { kind: 'none', reason: 'no-git-command' };
  }
  if (where.error) return { kind: 'none', reason: 'no-git-command' };
  if (where.status !== 0) {
    const message = firstLine(where.stderr);
    // Not in a repository at all (a tarball, a copy): the current files are the only version.
    if (/not a git repository/i.test(message)) return { kind: 'none', reason: 'no-git' };
    return { kind: 'failed', message };
  }
  const [top, prefix, shallow] = where.stdout.toString().split('\n');
  if (prefix !== LEDGER_FOLDER) return { kind: 'off' };
  if (shallow === 'true') return { kind: 'shallow' };

  // Every first-parent commit that changed data/, oldest first, with the blobs it left (raw diff against its first parent).
  const log = git(top!, [
    'log',
    '--first-parent',
    '--diff-merges=first-parent',
    '--reverse',
    '--raw',
    '--no-abbrev',
    '--no-renames',
    '-z',
    '--format=%x01%H %cI',
    '--',
    LEDGER_FOLDER,
  ]);
  if (log.status !== 0) {
    const message = firstLine(log.stderr);
    // A repository without a commit yet: everything is uncommitted.
    if (/does not have any commits/i.test(message))
      return { kind: 'git', revisions: new Map(), working: working(dir, quarterFiles) };
    return { kind: 'failed', message };
  }
  const state = new Map<string, string>(); // path → blob
  const changes: { commit: string; date: string; quarters: Set<string>; blobs: Map<string, string> }[] = [];
  for (const chunk of log.stdout.toString('utf8').split('\x01').slice(1)) {
    // `<hash> <date>\0\n:<modes> <blobs> <status>\0<path>\0…`
    const headerEnd = chunk.indexOf('\0');
    const [commit, date] = chunk.slice(0, headerEnd).split(' ') as [string, string];
    const fields = chunk
      .slice(headerEnd + 1)
      .replace(/^\n+/, '')
      .split('\0');
    const quarters = new Set<string>();
    for (let i = 0; i + 1 < fields.length; i += 2) {
      const meta = fields[i]!;
      const path = fields[i + 1]!;
      if (!meta.startsWith(':')) break;
      const [, , , blob, status] = meta.split(' ');
      if (status === 'D') state.delete(path);
      else state.set(path, blob!);
      const folder = path.slice(LEDGER_FOLDER.length).split('/');
      if (folder.length === 2) quarters.add(folder[0]!);
    }
    if (quarters.size > 0) changes.push({ commit, date, quarters, blobs: new Map(state) });
  }

  // The blobs of each quarter's files at each commit that changed the quarter, each blob fetched once.
  const wanted = new Map<string, Buffer | undefined>();
  const plan: { quarter: string; commit: string; date: string; files: [string, string][] }[] = [];
  for (const change of changes) {
    for (const quarter of change.quarters) {
      const files: [string, string][] = [];
      for (const name of quarterFiles) {
        const blob = change.blobs.get(`${LEDGER_FOLDER}${quarter}/${name}`);
        if (blob) {
          files.push([name, blob]);
          wanted.set(blob, undefined);
        }
      }
      plan.push({ quarter, commit: change.commit, date: change.date, files });
    }
  }
  if (wanted.size > 0) {
    const batch = git(top!, ['cat-file', '--batch'], [...wanted.keys()].join('\n') + '\n');
    if (batch.status !== 0) return { kind: 'failed', message: firstLine(batch.stderr) };
    let at = 0;
    const out = batch.stdout;
    while (at < out.length) {
      const end = out.indexOf(0x0a, at);
      const [blob, type, size] = out.subarray(at, end).toString().split(' ');
      if (type !== 'blob') return { kind: 'failed', message: `git cat-file: ${blob} ${type}` };
      const start = end + 1;
      wanted.set(blob!, out.subarray(start, start + Number(size)));
      at = start + Number(size) + 1;
    }
  }
  const now = working(dir, quarterFiles);
  const revisions = new Map<string, Revision[]>();
  for (const step of plan) {
    const current = now.get(step.quarter);
    const files = Object.fromEntries(
      step.files.map(([name, blob]) => {
        const bytes = wanted.get(blob)!;
        // A committed file as it is now is handed over as the working file itself: the ledger then knows it is the
        // same without comparing it byte by byte in JavaScript (memcmp here).
        const file = current?.[name];
        return [name, file && bytes.equals(file) ? file : bytes];
      }),
    );
    const list = revisions.get(step.quarter) ?? [];
    list.push({ commit: step.commit, date: step.date, files });
    revisions.set(step.quarter, list);
  }
  return { kind: 'git', revisions, working: now };
}

/** Every quarter folder's working files. */
function working(dir: string, quarterFiles: readonly string[]): Map<string, QuarterFiles> {
  const folders = new Map<string, QuarterFiles>();
  for (const name of readdirSync(dir)) {
    if (statSync(join(dir, name), { throwIfNoEntry: false })?.isDirectory())
      folders.set(name, workingFiles(join(dir, name), quarterFiles));
  }
  return folders;
}
