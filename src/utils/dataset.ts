/**
 * The data folder, read and validated once per process and shared by the content loader, the search index and
 * the pages.
 *
 * Why not Astro's content store: it serialises every entry to disk and back (devalue) and digests it, which for a
 * national dataset (1.2 million annex rows) took most of the build and gigabytes of memory. The store now holds only
 * each quarter's summary (src/loaders/quarters.ts); the rows stay here, in memory, once.
 * Astro loads the config, the content loader and the prerendered pages as separate module instances in one process,
 * so the copy hangs on globalThis. It is keyed by the folder's file sizes and times, so `astro dev` sees edits.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildHistory, type History } from '../lib/history.ts';
import { dataDirFromEnv } from '../lib/data-dir.ts';
import type { QuarterLedger } from '../lib/ledger.ts';
import type { LoadResult } from '../lib/load.ts';
import { loadData } from '../node/load-data.ts';

/** The data folder of this build: tests and benchmarks point DATA_DIR elsewhere. */
export const dataDir = (): string => dataDirFromEnv();

interface Cached {
  fingerprint: string;
  result: LoadResult;
  history?: History;
}

const SLOT = Symbol.for('gov-inspection-report.dataset');
const cache = ((globalThis as Record<symbol, unknown>)[SLOT] ??= new Map<string, Cached>()) as Map<string, Cached>;

/** Names, sizes and modification times of every file in the folder and its quarter folders. */
function fingerprint(dir: string): string {
  const parts: string[] = [];
  const visit = (path: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(path).sort();
    } catch {
      parts.push(`${path}:unreadable`);
      return;
    }
    for (const name of names) {
      const child = join(path, name);
      const stat = statSync(child, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) {
        if (depth < 1) visit(child, depth + 1);
      } else {
        parts.push(`${child}:${stat.size}:${stat.mtimeMs}`);
      }
    }
  };
  visit(dir, 0);
  return parts.join('\n');
}

function entry(dir: string): Cached {
  const print = fingerprint(dir);
  const hit = cache.get(dir);
  if (hit && hit.fingerprint === print) return hit;
  const fresh = { fingerprint: print, result: loadData(dir) };
  cache.set(dir, fresh);
  return fresh;
}

/** Every quarter and finding of `dir`, read once for as long as its files do not change. */
export function loadedData(dir = dataDir()): LoadResult {
  return entry(dir).result;
}

/** The published quarters' history (src/lib/history.ts), built once from the same copy: search and pages share it. */
export function loadedHistory(dir = dataDir()): History {
  const cached = entry(dir);
  cached.history ??= buildHistory(cached.result.quarters);
  return cached.history;
}

/** A quarter's published versions (src/lib/ledger.ts), from the same copy. */
export function quarterLedger(id: string, dir = dataDir()): QuarterLedger | undefined {
  return entry(dir).result.ledger?.get(id);
}
