import { beforeAll, describe, expect, it } from 'vitest';
import { accountKey, unitKey, websiteKey } from '../../src/lib/identity.ts';
import {
  buildHistory,
  districtComparison,
  headline,
  platformRate,
  problemKey,
  repeatRuns,
  repeats,
  type History,
} from '../../src/lib/history.ts';
import { loadDataDir } from '../../src/node/load.ts';
import { type Quarter } from '../../src/lib/load.ts';
import { SEED_DATA } from '../support/fixtures.ts';

// Expected values are worked out by hand from test/fixtures/history (see its README.md).
let quarters: Quarter[];
let h: History;
beforeAll(() => {
  const loaded = loadDataDir('test/fixtures/history');
  quarters = loaded.quarters;
  h = buildHistory([...quarters].reverse()); // the site hands quarters over newest first
});

const site = (name: string) => h.websites.find((w) => w.key === websiteKey({ name }))!;
const account = (platform: string, name: string) =>
  h.accounts.find((a) => a.key === accountKey({ platform, account: name }))!;
const marks = (e: { problems: { label: string; run: number }[] }) =>
  e.problems.map((p) => `${p.label}×${p.run}`);

describe('entity histories', () => {
  it('orders the published quarters oldest first', () => {
    expect(h.quarters.map((q) => q.id)).toEqual(['2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4']);
    expect(h.websites).toHaveLength(4);
    expect(h.accounts).toHaveLength(5);
    expect(h.units).toHaveLength(3);
  });

  it('lists every quarter a website appears in, with a gap where it was not inspected', () => {
    const b = site('虚构乙县人民政府网站');
    expect(b.entries.map((e) => e.quarter.id)).toEqual(['2021-Q1', '2021-Q2', '2021-Q4']);
    expect(b.entries.map((e) => [e.record.bonus, e.record.deduction, e.record.total])).toEqual([
      [0, 5, 95],
      [5, 5, 100],
      [0, 1, 99],
    ]);
    expect(b.region).toBe('乙县');
    // 错别字 in Q1 and Q2 is a run of 2; in Q4 it starts again, since Q3 has no row for this site.
    expect(b.entries.map(marks)).toEqual([['错别字×1'], ['错别字×2'], ['错别字×1']]);
  });

  it('marks a veto flag repeated three quarters and a problem repeated two', () => {
    const a = site('虚构甲区人民政府网站');
    expect(a.entries.map(marks)).toEqual([
      ['栏目不更新×1'],
      ['栏目不更新×2', '网页标签不规范×1'],
      ['首页不更新×1', '栏目不更新×3', '网页标签不规范×2'],
      [],
    ]);
    expect(repeats(a.entries[2]!).map((p) => p.label)).toEqual(['栏目不更新', '网页标签不规范']);
    expect(repeatRuns(a.entries).map((r) => [r.label, r.run, r.from.id, r.to.id])).toEqual([
      ['栏目不更新', 3, '2021-Q1', '2021-Q3'],
      ['网页标签不规范', 2, '2021-Q2', '2021-Q3'],
    ]);
    expect(repeatRuns(site('虚构乙县人民政府网站').entries).map((r) => [r.run, r.from.id, r.to.id])).toEqual([
      [2, '2021-Q1', '2021-Q2'],
    ]);
    expect(a.entries.map((e) => e.record.result)).toEqual(['不合格', '不合格', '不合格', '合格']);
    expect(a.entries.map((e) => e.record.rectification)).toEqual([
      undefined,
      '正在整改',
      undefined,
      '已完成整改',
    ]);
  });

  it('treats spacing and a closing full stop as the same problem', () => {
    expect(problemKey('文件解读 不规范。')).toBe(problemKey('文件解读不规范'));
    const c = site('虚构市教育局网站');
    expect(c.entries.map(marks)).toEqual([
      [],
      ['文件解读不规范×1'],
      ['文件解读 不规范×2'],
      ['文件解读不规范×3'],
    ]);
  });

  it('follows an account that failed two quarters running, and one that failed twice with a pass between', () => {
    const edu = account('抖音', '虚构教育');
    expect(edu.unit).toBe('虚构市教育局');
    expect(edu.entries.map((e) => e.record.result)).toEqual(['合格', '不合格', '不合格', '合格']);
    expect(edu.entries.map(marks)).toEqual([
      [],
      ['不合格×1', '超过两周未更新×1'],
      ['不合格×2', '超过两周未更新×2'],
      [],
    ]);
    expect(edu.entries[3]!.record.rectification).toBe('已恢复更新');
    const jia = account('新浪微博', '虚构甲区发布');
    expect(jia.entries.map((e) => e.problems.find((p) => p.kind === 'result')?.run ?? 0)).toEqual([
      1, 0, 1, 0,
    ]);
    expect(account('今日头条', '虚构平安乙县').entries.map((e) => e.quarter.id)).toEqual([
      '2021-Q1',
      '2021-Q2',
      '2021-Q4',
    ]);
  });

  it("collects a unit's accounts per quarter", () => {
    const u = h.units.find((x) => x.key === unitKey('虚构乙县公安局'))!;
    expect(u.entries.map((e) => [e.quarter.id, e.accounts.map((a) => a.account), e.passed])).toEqual([
      ['2021-Q1', ['虚构平安乙县'], 1],
      ['2021-Q2', ['虚构平安乙县'], 1],
      ['2021-Q3', ['虚构乙县公安'], 1],
      ['2021-Q4', ['虚构平安乙县', '虚构乙县公安'], 1],
    ]);
    expect(u.accountKeys).toHaveLength(2);
  });
});

describe('trends', () => {
  it('has one row per quarter with counts, scores, flags and 合格率', () => {
    const t = h.trends.rows;
    expect(t.map((r) => [r.websites, r.accounts])).toEqual([
      [3, 4],
      [3, 4],
      [2, 4],
      [4, 5],
    ]);
    expect(t.map((r) => r.score)).toEqual([
      { min: 90, mean: 98.33, max: 110 },
      { min: 80, mean: 92, max: 100 },
      { min: 70, mean: 85, max: 100 },
      { min: 97, mean: 101.5, max: 110 },
    ]);
    expect(t.map((r) => [r.flags!.columnsStale, r.flags!.homepageStale])).toEqual([
      [1, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
    expect(t.map((r) => r.passRate)).toEqual([75, 75, 50, 80]);
  });

  it('gives 合格率 per platform, none where a platform was not inspected', () => {
    expect(h.trends.platforms).toEqual(['抖音', '今日头条', '微信', '新浪微博']);
    const rate = (p: string) => h.trends.rows.map((r) => platformRate(r, p));
    expect(rate('微信')).toEqual([100, 100, 100, 50]);
    expect(rate('抖音')).toEqual([100, 0, 0, 100]);
    expect(rate('新浪微博')).toEqual([0, 100, 0, 100]);
    expect(rate('今日头条')).toEqual([100, 100, undefined, 100]);
  });

  it('counts recurring problems per quarter', () => {
    const w = h.trends.websiteRepeatLabels;
    expect([...w.values()]).toEqual(['栏目不更新', '错别字', '网页标签不规范', '文件解读不规范']);
    const byLabel = (counts: Record<string, number>) =>
      Object.fromEntries(Object.entries(counts).map(([k, n]) => [w.get(k), n]));
    expect(h.trends.rows.map((r) => byLabel(r.websiteRepeats))).toEqual([
      {},
      { 栏目不更新: 1, 错别字: 1 },
      { 栏目不更新: 1, 网页标签不规范: 1, 文件解读不规范: 1 },
      { 文件解读不规范: 1 },
    ]);
    expect(h.trends.rows.map((r) => r.accountRepeats['result:不合格'] ?? 0)).toEqual([0, 0, 1, 0]);
    // Q3: 甲区 site (two repeated problems) and 教育局 site; the 抖音 account repeats 不合格 and its 问题描述.
    expect(h.trends.rows.map((r) => r.websitesWithRepeats)).toEqual([0, 2, 2, 1]);
    expect(h.trends.rows.map((r) => r.accountsWithRepeats)).toEqual([0, 0, 1, 0]);
  });

  it('compares districts in the latest quarter, city level (市直) first', () => {
    expect(h.trends.districts).toEqual([
      { region: '市直', websites: 1, meanScore: 97, withVeto: 0, accounts: 2, passed: 2, passRate: 100 },
      {
        region: '丙县',
        websites: 1,
        meanScore: 100,
        withVeto: 0,
        accounts: 0,
        passed: 0,
        passRate: undefined,
      },
      { region: '甲区', websites: 1, meanScore: 110, withVeto: 0, accounts: 1, passed: 1, passRate: 100 },
      { region: '乙县', websites: 1, meanScore: 99, withVeto: 0, accounts: 2, passed: 1, passRate: 50 },
    ]);
  });

  it('compares the latest quarter with the one before for the home page', () => {
    const head = headline(h.trends)!;
    expect(head.previous.quarter.id).toBe('2021-Q3');
    expect(head.meanScoreChange).toBe(16.5);
    expect(head.passRateChange).toBe(30);
  });
});

describe('a single quarter', () => {
  it('has no repeats, no headline change and no districts without 所属地区', () => {
    const real = loadDataDir(SEED_DATA).quarters;
    const one = buildHistory(real);
    expect(one.quarters).toHaveLength(1);
    expect(one.websites.flatMap((w) => w.entries.flatMap(repeats))).toEqual([]);
    expect(headline(one.trends)).toBeUndefined();
    expect(one.trends.districts).toBeUndefined();
    expect(districtComparison(real[0]!)).toBeUndefined();
  });

  it('leaves out quarters that are not published', () => {
    const drafts = quarters.map((q) => ({ ...q, published: q.id !== '2021-Q3' }));
    const b = buildHistory(drafts);
    expect(b.quarters.map((q) => q.id)).toEqual(['2021-Q1', '2021-Q2', '2021-Q4']);
    // Without Q3, Q2 and Q4 are consecutive published quarters: 文件解读不规范 runs 2 at Q4.
    const c = b.websites.find((w) => w.key === websiteKey({ name: '虚构市教育局网站' }))!;
    expect(c.entries.map(marks)).toEqual([[], ['文件解读不规范×1'], ['文件解读不规范×2']]);
  });

  it('is empty with no quarters', () => {
    const none = buildHistory([]);
    expect(none.websites).toEqual([]);
    expect(none.trends.rows).toEqual([]);
    expect(none.trends.districts).toBeUndefined();
  });
});
