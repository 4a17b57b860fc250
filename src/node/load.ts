/**
 * Reads a data folder from disk and validates it (src/lib/load.ts): every quarter, every file, every finding, and the
 * published versions of each quarter from the repository's history (src/lib/ledger.ts, fed by git-ledger.ts).
 * `loadData` is the one entry point for `npm run validate`, the build's validation and the pages, so all three apply
 * the same ledger; `loadDataDir` reads the files alone (tests, benchmarks).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  DATA_FILES,
  loadDataFolder,
  loadQuarterFiles,
  QUARTER_FILES,
  type LoadResult,
  type Quarter,
  type QuarterFolder,
} from '../lib/load.ts';
import type { Finding } from '../lib/findings.ts';
import { applyLedger } from '../lib/ledger.ts';
import { parseQuarterId, type QuarterId } from '../lib/quarter.ts';
import { readLedgerSource } from './git-ledger.ts';
import { publicFiles } from './site-config.ts';

const isHidden = (name: string) => name.startsWith('.');

/** A quarter folder's names and the bytes of the files it may hold. */
function readQuarterFolder(dir: string, id: QuarterId): QuarterFolder {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => !isHidden(n));
  } catch {
    return { path: dir, id, files: new Map() };
  }
  const files = new Map(
    names.filter((n) => QUARTER_FILES.includes(n)).map((n) => [n, readFileSync(join(dir, n))]),
  );
  return { path: dir, id, names, files };
}

/** Reads one quarter folder. */
export function loadQuarter(dir: string, id: QuarterId): { quarter?: Quarter; findings: Finding[] } {
  return loadQuarterFiles(readQuarterFolder(dir, id));
}

/** Reads every quarter of a data folder (path as the user gave it, so messages show it). */
export function loadDataDir(dir: string, options: { publicDir?: string } = {}): LoadResult {
  const folder = {
    path: dir,
    quarters: new Map<string, () => QuarterFolder>(),
    files: new Map<string, Uint8Array>(),
    publicFiles: publicFiles(options.publicDir),
  };
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => !isHidden(n))
      .sort();
  } catch {
    return loadDataFolder(folder);
  }
  const entries = names.map((name) => {
    const path = join(dir, name);
    const stat = statSync(path);
    const isDir = stat.isDirectory();
    const id = isDir ? parseQuarterId(name) : undefined;
    if (id) folder.quarters.set(name, () => readQuarterFolder(path, id));
    else if (!isDir && DATA_FILES.has(name) && stat.isFile()) folder.files.set(name, readFileSync(path));
    return { name, isDir };
  });
  return loadDataFolder({ ...folder, entries });
}

/** Today on this machine, `YYYY-MM-DD`. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Loads and validates `dir`, with its ledger: the entry point for the CLI, the build and the site. */
export function loadData(dir: string): LoadResult {
  const result = loadDataDir(dir);
  if (!existsSync(dir)) return result;
  applyLedger(result, dir, readLedgerSource(dir, QUARTER_FILES), { today: today() });
  return result;
}
