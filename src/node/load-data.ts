/**
 * The data folder as the CLIs and the site read it: every quarter (src/lib/load.ts) and its published versions from
 * the repository's history (src/lib/ledger.ts, fed by git-ledger.ts), with the gate's findings. The one entry point
 * for `npm run validate`, the build's validation and the pages, so all three apply the same ledger.
 */
import { existsSync } from 'node:fs';
import { applyLedger } from '../lib/ledger.ts';
import { loadDataDir, QUARTER_FILES, type LoadResult } from '../lib/load.ts';
import { readLedgerSource } from './git-ledger.ts';

/** Today on this machine, `YYYY-MM-DD`. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Loads and validates `dir`, with its ledger. */
export function loadData(dir: string): LoadResult {
  const result = loadDataDir(dir);
  if (!existsSync(dir)) return result;
  applyLedger(result, dir, readLedgerSource(dir, QUARTER_FILES), { today: today() });
  return result;
}
