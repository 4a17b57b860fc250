/**
 * The data checks (test/support/data-checks.ts) on the data folder, and the proof that they hold for any valid
 * contents: the same checks on a copy of it with two more quarters (test/fixtures/next-quarters).
 *
 * The data folder is data/, or the folder named by TEST_DATA_DIR (README, 质量检查).
 */
import { describe, expect, it } from 'vitest';
import { loadDataDir } from '../src/node/load.ts';
import { dataChecks } from './support/data-checks.ts';
import { DATA_DIR, quarterAfter, quarterFolders, withNextQuarters } from './support/data-dir.ts';

dataChecks(DATA_DIR, { browser: true });

describe('data checks on a copy of the data folder with two more quarters', () => {
  const plus = withNextQuarters(DATA_DIR);

  it('adds the two quarters after the last one of the data folder, both published', () => {
    const last = quarterFolders(DATA_DIR).at(-1)!;
    expect(plus.added).toEqual([quarterAfter(last, 1), quarterAfter(last, 2)]);
    const quarters = loadDataDir(plus.dir).quarters;
    expect(quarters.map((q) => q.id)).toEqual([
      ...loadDataDir(DATA_DIR).quarters.map((q) => q.id),
      ...plus.added,
    ]);
    expect(quarters.filter((q) => plus.added.includes(q.id)).every((q) => q.published)).toBe(true);
  });

  dataChecks(plus.dir, { label: 'a copy of the data folder plus two quarters' });
});

describe('quarterAfter', () => {
  it('counts on across the year end', () => {
    expect(quarterAfter({ year: 2020, quarter: 3 })).toBe('2020-Q4');
    expect(quarterAfter({ year: 2020, quarter: 3 }, 2)).toBe('2021-Q1');
    expect(quarterAfter({ year: 2020, quarter: 4 }, 5)).toBe('2022-Q1');
  });
});
