/** Quarters that published one annex only (test/fixtures/websites-only, test/fixtures/new-media-only; see their README.md). */
import { describe, expect, it } from 'vitest';
import { dataPackage } from '../../src/lib/datapackage.ts';
import { allQuartersCsv, dataFiles, fileFacts } from '../../src/lib/export.ts';
import { buildHistory, repeats } from '../../src/lib/history.ts';
import { accountKey } from '../../src/lib/identity.ts';
import { loadDataDir } from '../../src/node/load.ts';

const urlOf = (q: { slug: string }) => `https://example.gov.cn/bulletins/${q.slug}/`;
const load = (dir: string) => {
  const result = loadDataDir(dir);
  expect(result.findings.filter((f) => f.severity !== 'notice')).toEqual([]);
  return result.quarters;
};

describe('a data folder whose quarters have only 附件1', () => {
  const quarters = load('test/fixtures/websites-only');

  it('loads each quarter with its websites and no new-media table or figures', () => {
    expect(quarters.map((q) => [q.id, q.tables.websites?.records.length, q.tables.newMedia])).toEqual([
      ['2021-Q1', 3, undefined],
      ['2021-Q2', 3, undefined],
    ]);
    expect(quarters.map((q) => q.stats.newMedia)).toEqual([undefined, undefined]);
  });

  it('publishes no new-media download and no data package resource for it', () => {
    const files = dataFiles(quarters, urlOf);
    expect(files.map((f) => f.path)).toEqual([
      '2021-q1/websites.csv',
      '2021-q1/websites.json',
      '2021-q2/websites.csv',
      '2021-q2/websites.json',
      'all/websites.csv',
      'all/websites.json',
    ]);
    const pkg = dataPackage(
      quarters,
      files.map((f) => ({ ...f, ...fileFacts(f.body()) })),
      {
        homepage: 'https://example.gov.cn/data/',
        urlOf,
        title: '虚构',
        description: '虚构',
      },
    );
    expect(pkg.resources.map((r) => r.name).filter((n) => n.includes('new-media'))).toEqual([]);
  });

  it('has no new-media trend: its figures are absent, not 0', () => {
    const { trends, accounts, units } = buildHistory(quarters);
    expect(trends.tables).toEqual(['websites']);
    expect(
      trends.rows.map((r) => [r.websites, r.accounts, r.passed, r.passRate, r.accountsWithRepeats]),
    ).toEqual([
      [3, undefined, undefined, undefined, undefined],
      [3, undefined, undefined, undefined, undefined],
    ]);
    expect(trends.platforms).toEqual([]);
    expect(trends.districts!.map((d) => [d.region, d.websites, d.accounts, d.passRate])).toEqual([
      ['市直', 1, undefined, undefined],
      ['甲区', 1, undefined, undefined],
      ['乙县', 1, undefined, undefined],
    ]);
    expect([accounts, units]).toEqual([[], []]);
  });
});

describe('a data folder with a quarter that has only 附件2', () => {
  const quarters = load('test/fixtures/new-media-only');
  const [q1, q2] = quarters as [(typeof quarters)[0], (typeof quarters)[0]];

  it('loads the second quarter without websites', () => {
    expect([q1.tables.websites?.records.length, q1.tables.newMedia?.records.length]).toEqual([2, 3]);
    expect([q2.tables.websites, q2.tables.newMedia?.records.length, q2.stats.websites]).toEqual([
      undefined,
      4,
      undefined,
    ]);
  });

  it('has no 2021-Q2 websites file; the combined websites file holds 2021-Q1 only', () => {
    const files = dataFiles(quarters, urlOf);
    expect(files.map((f) => f.path).filter((p) => p.includes('websites'))).toEqual([
      '2021-q1/websites.csv',
      '2021-q1/websites.json',
      'all/websites.csv',
      'all/websites.json',
    ]);
    expect(
      allQuartersCsv(
        quarters.filter((q) => q.tables.websites),
        'websites',
      )
        .split('\r\n')
        .slice(1, -1)
        .map((r) => r.split(',')[0]),
    ).toEqual(['2021-Q1', '2021-Q1']);
  });

  it('leaves the websites trend empty in 2021-Q2 rather than 0', () => {
    const { trends } = buildHistory(quarters);
    expect(trends.tables).toEqual(['websites', 'newMedia']);
    expect(
      trends.rows.map((r) => [
        r.websites,
        r.score?.mean,
        r.flags?.columnsStale,
        r.websitesWithRepeats,
        r.accounts,
      ]),
    ).toEqual([
      [2, 97.75, 0, 0, 3],
      [undefined, undefined, undefined, undefined, 4],
    ]);
  });
});

describe('each fact has one owner', () => {
  const quarters = load('test/fixtures/new-media-only');
  const h = buildHistory(quarters);
  const account = (platform: string, name: string) =>
    h.accounts.find((a) => a.key === accountKey({ platform, account: name }))!;

  it('splits 问题描述 at validation with the rule of 其他问题: 暂无 in two quarters is no problem, let alone a repeated one', () => {
    expect(quarters.map((q) => q.tables.newMedia!.records[0]!.problems)).toEqual([[], []]);
    expect(account('微信', '虚构暂无号').entries.map((e) => e.problems)).toEqual([[], []]);
    // The same problem with and without a closing 。 is one problem, found 2 quarters running.
    const failing = account('新浪微博', '虚构乙县发布');
    expect(failing.entries.map((e) => e.record.problems)).toEqual([['超过两周未更新'], ['超过两周未更新']]);
    expect(repeats(failing.entries[1]!).map((p) => `${p.label}×${p.run}`)).toEqual([
      '不合格×2',
      '超过两周未更新×2',
    ]);
  });

  it('computes district figures in aggregate.ts: the trend reads them from the quarter figures', () => {
    expect(quarters[0]!.stats.websites!.districts).toEqual([
      { region: '甲区', count: 1, meanScore: 108, withVeto: 0 },
      { region: '乙县', count: 1, meanScore: 87.5, withVeto: 0 },
    ]);
    expect(quarters[1]!.stats.newMedia!.districts.find((d) => d.region === '甲区')).toEqual({
      region: '甲区',
      count: 2,
      passed: 2,
      passRate: 100,
    });
    expect(h.trends.districts!.find((d) => d.region === '乙县')).toEqual({
      region: '乙县',
      websites: undefined,
      meanScore: undefined,
      withVeto: undefined,
      accounts: 1,
      passed: 0,
      passRate: 0,
    });
  });
});
