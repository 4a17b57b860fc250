/**
 * Reads a data folder from disk and validates it (src/lib/load.ts): every quarter, every file, every finding. The one
 * entry point for the CLI, the build and the site.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_FILES, loadDataFolder, loadQuarterFiles, QUARTER_FILES, type LoadResult, type Quarter, type QuarterFolder } from '../lib/load.ts';
import type { Finding } from '../lib/findings.ts';
import { parseQuarterId, type QuarterId } from '../lib/quarter.ts';
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
  const files = new Map(names.filter((n) => QUARTER_FILES.includes(n)).map((n) => [n, readFileSync(join(dir, n))]));
  return { path: dir, id, names, files };
}

/** Reads one quarter folder. */
export function loadQuarter(dir: string, id: QuarterId): { quarter?: Quarter; findings: Finding[] } {
  return loadQuarterFiles(readQuarterFolder(dir, id));
}

/** Reads every quarter of a data folder (path as the user gave it, so messages show it). */
export function loadDataDir(dir: string, options: { publicDir?: string } = {}): LoadResult {
  const folder = { path: dir, quarters: new Map<string, () => QuarterFolder>(), files: new Map<string, Uint8Array>(), publicFiles: publicFiles(options.publicDir) };
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => !isHidden(n)).sort();
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
