/**
 * Which data folder the data checks run on, and a copy of it with invented quarters added after its last one.
 *
 * Tests of code use fixtures under test/fixtures/ (the frozen real quarter is test/fixtures/seed). Only the data
 * checks (test/data.test.ts, and the real-data cycle of test/e2e/keyboard.test.ts) read the data folder, and they
 * derive every expectation from it, so staff adding or correcting a quarter never turns them red.
 */
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compareQuarters, parseQuarterId, type QuarterId } from '../../src/lib/quarter.ts';
import { tempDir } from './fixtures.ts';

/** The data folder under test: `data` unless TEST_DATA_DIR names another (e.g. a copy with more quarters). */
export const DATA_DIR = process.env.TEST_DATA_DIR || 'data';

/** Two complete invented quarters (test/fixtures/next-quarters/README.md), added after a data folder's last. */
export const NEXT_QUARTERS = 'test/fixtures/next-quarters';

/** The quarter `n` quarters after `q`: 2020-Q3 + 2 = 2021-Q1. */
export function quarterAfter(q: Pick<QuarterId, 'year' | 'quarter'>, n = 1): string {
  const index = q.year * 4 + (q.quarter - 1) + n;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The quarter folders of `dir`, oldest first. */
export function quarterFolders(dir: string): QuarterId[] {
  return readdirSync(dir)
    .map((name) => parseQuarterId(name))
    .filter((q): q is QuarterId => q !== undefined)
    .sort(compareQuarters);
}

/**
 * A temporary copy of `dataDir` with the fixture quarters `first` and `second` added as the two quarters after its
 * last one (computed, so this keeps working as data/ grows). Returns the folder and the added quarter ids.
 */
export function withNextQuarters(dataDir: string): { dir: string; added: string[] } {
  const dir = join(tempDir('data-plus-'), 'data');
  cpSync(dataDir, dir, { recursive: true });
  const last = quarterFolders(dataDir).at(-1) ?? { year: 2020, quarter: 4 };
  const added = ['first', 'second'].map((name, i) => {
    const id = quarterAfter(last, i + 1);
    cpSync(join(NEXT_QUARTERS, name), join(dir, id), { recursive: true });
    return id;
  });
  return { dir, added };
}
