/**
 * A quarter's new-media figures (aggregate.ts `newMediaStats`, one pass over the rows) against a reference written the
 * plain way, with a filter per figure, on random tables: the figures the bulletin page, trends and Stat check print.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newMediaStats } from '../../src/lib/aggregate.ts';
import { PLATFORMS } from '../../src/lib/columns.ts';
import type { AccountRecord } from '../../src/lib/records.ts';
import { regionLabel } from '../../src/lib/region.ts';

const percent = (part: number, whole: number) => Math.round((part / whole) * 10000) / 100;

function reference(accounts: AccountRecord[]) {
  const passed = (rows: AccountRecord[]) => rows.filter((a) => a.result === '合格').length;
  const platforms = [...new Set(accounts.map((a) => a.platform))];
  const regions = [...new Set(accounts.map((a) => regionLabel(a.region)))];
  return {
    count: accounts.length,
    units: new Set(accounts.map((a) => a.unit)).size,
    passed: passed(accounts),
    failed: accounts.length - passed(accounts),
    byPlatform: platforms
      .map((platform) => {
        const rows = accounts.filter((a) => a.platform === platform);
        return {
          platform,
          count: rows.length,
          passed: passed(rows),
          passRate: percent(passed(rows), rows.length),
        };
      })
      .sort(
        (a, b) =>
          b.count - a.count ||
          PLATFORMS.indexOf(a.platform as (typeof PLATFORMS)[number]) -
            PLATFORMS.indexOf(b.platform as (typeof PLATFORMS)[number]),
      ),
    districts: regions.map((region) => {
      const rows = accounts.filter((a) => regionLabel(a.region) === region);
      return {
        region,
        count: rows.length,
        passed: passed(rows),
        passRate: percent(passed(rows), rows.length),
      };
    }),
  };
}

const account = fc.record({
  unit: fc.constantFrom('市教育局', '市公安局', '甲区政府', '乙县政府'),
  platform: fc.constantFrom(...PLATFORMS),
  result: fc.constantFrom('合格', '不合格'),
  region: fc.option(fc.constantFrom('甲区', '乙县', '丙区'), { nil: undefined }),
});

describe('newMediaStats', () => {
  it('counts accounts, units, passes, platforms and districts as a filter per figure does', () => {
    fc.assert(
      fc.property(fc.array(account, { minLength: 1, maxLength: 40 }), (rows) => {
        const accounts = rows.map(
          (r, i) =>
            ({
              ...r,
              seq: i + 1,
              account: `账号${i}`,
              line: i + 2,
              position: i,
              key: `${r.platform}:账号${i}`,
              problems: [],
            }) as unknown as AccountRecord,
        );
        const stats = newMediaStats(accounts, 100);
        const expected = reference(accounts);
        expect(stats).toMatchObject(expected);
        expect(stats.passRate).toBe(percent(expected.passed, accounts.length));
        expect(stats.samplingRate).toBe(percent(accounts.length, 100));
      }),
    );
  });
});
