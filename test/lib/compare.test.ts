/** “与上季度相比” from the four invented quarters of test/fixtures/history (README.md there gives the design). */
import { describe, expect, it } from 'vitest';
import { compareWithPrevious } from '../../src/lib/compare.ts';
import { buildHistory } from '../../src/lib/history.ts';
import { loadDataDir } from '../../src/node/load.ts';

const history = buildHistory(loadDataDir('test/fixtures/history').quarters);
const names = (list: { name: string }[] | { entity: { name: string } }[]) =>
  list.map((e) => ('entity' in e ? e.entity.name : e.name));

describe('compareWithPrevious', () => {
  it('has nothing for the first quarter', () => {
    expect(compareWithPrevious(history, '2021-Q1')).toBeUndefined();
    expect(compareWithPrevious(history, '2020-Q1')).toBeUndefined();
  });

  it('2021-Q2 against Q1: 栏目不更新 persisted (连续 2), new problems, score changes largest first', () => {
    const c = compareWithPrevious(history, '2021-Q2')!;
    expect(c.previous.id).toBe('2021-Q1');
    const w = c.websites!;
    expect(w.both).toBe(3);
    expect(w.added).toEqual([]);
    expect(w.dropped).toEqual([]);
    expect(w.persisted).toEqual([
      {
        entity: { key: 'name:虚构甲区人民政府网站', name: '虚构甲区人民政府网站' },
        problems: [{ label: '栏目不更新', run: 2 }],
      },
      {
        entity: expect.objectContaining({ name: '虚构乙县人民政府网站' }),
        problems: [{ label: '错别字', run: 2 }],
      },
    ]);
    expect(w.appeared.map((e) => [e.entity.name, e.problems.map((p) => p.label)])).toEqual([
      ['虚构甲区人民政府网站', ['网页标签不规范']],
      ['虚构市教育局网站', ['文件解读不规范']],
    ]);
    expect(w.resolved).toEqual([]);
    expect(w.rises.map((s) => [s.entity.name, s.from, s.to, s.change])).toEqual([
      ['虚构乙县人民政府网站', 95, 100, 5],
    ]);
    expect(w.falls.map((s) => [s.entity.name, s.change])).toEqual([
      ['虚构市教育局网站', -14],
      ['虚构甲区人民政府网站', -10],
    ]);
    expect([w.risesCount, w.fallsCount, w.unchanged]).toEqual([1, 2, 0]);
    const a = c.accounts!;
    expect(a.both).toBe(4);
    expect(names(a.failed)).toEqual(['虚构教育（抖音）']);
    expect(names(a.passed)).toEqual(['虚构甲区发布（新浪微博）']);
    // 不合格 is in the turned lists, not again as a resolved or new problem; 问题描述 items are.
    expect(a.appeared.map((e) => [e.entity.name, e.problems.map((p) => p.label)])).toEqual([
      ['虚构教育（抖音）', ['超过两周未更新']],
    ]);
    expect(a.resolved.map((e) => [e.entity.name, e.problems.map((p) => p.label)])).toEqual([
      ['虚构甲区发布（新浪微博）', ['互动回应差']],
    ]);
  });

  it('2021-Q3 against Q2: problems 连续 3 个季度 listed first; a site not inspected is no longer inspected, an account new', () => {
    const c = compareWithPrevious(history, '2021-Q3')!;
    const w = c.websites!;
    expect(names(w.dropped)).toEqual(['虚构乙县人民政府网站']);
    expect(w.persisted.map((e) => [e.entity.name, e.problems])).toEqual([
      [
        '虚构甲区人民政府网站',
        [
          { label: '栏目不更新', run: 3 },
          { label: '网页标签不规范', run: 2 },
        ],
      ],
      // Written 文件解读 不规范。 this quarter: the same problem.
      ['虚构市教育局网站', [{ label: '文件解读 不规范', run: 2 }]],
    ]);
    expect(w.appeared.map((e) => [e.entity.name, e.problems.map((p) => p.label)])).toEqual([
      ['虚构甲区人民政府网站', ['首页不更新']],
    ]);
    const a = c.accounts!;
    expect(names(a.added)).toEqual(['虚构乙县公安（微信）']);
    expect(names(a.dropped)).toEqual(['虚构平安乙县（今日头条）']);
    expect(a.persisted.map((e) => [e.entity.name, e.problems])).toEqual([
      [
        '虚构教育（抖音）',
        [
          { label: '不合格', run: 2 },
          { label: '超过两周未更新', run: 2 },
        ],
      ],
    ]);
  });

  it('2021-Q4 against Q3: 栏目不更新 resolved after 3 quarters, the largest rise, accounts turned 合格 and 不合格, sites back or new', () => {
    const c = compareWithPrevious(history, '2021-Q4')!;
    const w = c.websites!;
    expect(w.both).toBe(2);
    expect(w.resolved.map((e) => [e.entity.name, e.problems.map((p) => p.label)])).toEqual([
      ['虚构甲区人民政府网站', ['首页不更新', '栏目不更新', '网页标签不规范']],
    ]);
    expect(w.persisted.map((e) => [e.entity.name, e.problems])).toEqual([
      ['虚构市教育局网站', [{ label: '文件解读不规范', run: 3 }]],
    ]);
    expect(w.rises.map((s) => [s.entity.name, s.change])).toEqual([['虚构甲区人民政府网站', 40]]);
    expect(w.falls.map((s) => [s.entity.name, s.change])).toEqual([['虚构市教育局网站', -3]]);
    expect(names(w.added)).toEqual(['虚构丙县人民政府网站', '虚构乙县人民政府网站']);
    const a = c.accounts!;
    expect(names(a.passed)).toEqual(['虚构甲区发布（新浪微博）', '虚构教育（抖音）']);
    expect(names(a.failed)).toEqual(['虚构乙县公安（微信）']);
    expect(names(a.added)).toEqual(['虚构平安乙县（今日头条）']);
  });

  it('leaves out a table either quarter lacks (test/fixtures/new-media-only: 2021-Q2 has no 附件1)', () => {
    const c = compareWithPrevious(
      buildHistory(loadDataDir('test/fixtures/new-media-only').quarters),
      '2021-Q2',
    )!;
    expect(c.websites).toBeUndefined();
    expect(c.accounts).toBeDefined();
  });
});
