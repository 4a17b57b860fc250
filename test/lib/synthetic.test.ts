import { describe, expect, it } from 'vitest';
import { SCALES, writeSynthetic } from '../../scripts/bench/synthetic.ts';
import { loadDataDir } from '../../src/node/load.ts';
import { tempDir } from '../support/fixtures.ts';

describe('benchmark datasets', () => {
  it('are valid, so the benchmark measures the real path, and are marked as invented', () => {
    const dir = tempDir();
    const { rows, quarters } = writeSynthetic(dir, {
      ...SCALES.province!,
      websites: 60,
      accounts: 600,
      quarters: 3,
    });
    const result = loadDataDir(dir);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(quarters).toEqual(['2019-Q1', '2019-Q2', '2019-Q3']);
    expect(rows).toBe(3 * 660);
    expect(
      result.quarters.map((q) => q.tables.websites!.records.length + q.tables.newMedia!.records.length),
    ).toEqual([660, 660, 660]);
    expect(result.quarters.every((q) => q.meta.title.includes('虚构'))).toBe(true);
    expect(result.quarters[0]!.tables.websites!.records.every((w) => w.name.includes('虚构'))).toBe(true);
  });
});
