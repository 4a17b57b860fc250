import { describe, expect, it } from 'vitest';
import { dataDirFromEnv } from '../../src/node/data-dir.ts';
import { compareQuarters, parseQuarterId, quarterNumeral, shortQuarterLabel } from '../../src/lib/quarter.ts';

describe('quarter ids', () => {
  it('parses only YYYY-Qn and names it in Chinese', () => {
    expect(parseQuarterId('2020-Q3')).toEqual({
      id: '2020-Q3',
      year: 2020,
      quarter: 3,
      slug: '2020-q3',
      label: '2020年第三季度',
    });
    for (const bad of ['2020-Q5', '2020Q3', '2020-q3', '20-Q3', '2020-Q0'])
      expect(parseQuarterId(bad), bad).toBeUndefined();
  });

  it('orders quarters and shortens labels for chart axes', () => {
    const ids = ['2021-Q1', '2020-Q4', '2020-Q3'].map((x) => parseQuarterId(x)!);
    expect(ids.sort(compareQuarters).map((q) => q.id)).toEqual(['2020-Q3', '2020-Q4', '2021-Q1']);
    expect(shortQuarterLabel({ year: 2021, quarter: 1 })).toBe('2021年一季度');
  });
});

describe('one owner per quarter helper and default', () => {
  it('gives the numerals of 第三季度 from one table', () => {
    expect([1, 2, 3, 4].map(quarterNumeral)).toEqual(['一', '二', '三', '四']);
  });

  it('reads DATA_DIR one way everywhere: unset or empty is data', () => {
    expect([dataDirFromEnv({}), dataDirFromEnv({ DATA_DIR: '' }), dataDirFromEnv({ DATA_DIR: 'x' })]).toEqual(
      ['data', 'data', 'x'],
    );
  });
});
