import { describe, expect, it } from 'vitest';
import { loadDataDir } from '../../src/node/load.ts';
import { formatFinding } from '../../src/lib/findings.ts';
import { SEED_DATA } from '../support/fixtures.ts';

// The first real quarter, 潮州市 2020 Q3, as published: a frozen copy (test/fixtures/seed), so that what
// staff add to data/ cannot change these figures.
const result = loadDataDir(SEED_DATA);
const q = result.quarters[0]!;

describe('2020-Q3 seed quarter', () => {
  it('loads with no errors and is published', () => {
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.quarters.map((x) => x.id)).toEqual(['2020-Q3']);
    expect(q.published).toBe(true);
    expect(q.meta.issuer).toBe('潮州市人民政府办公室');
    expect(q.meta.issued).toBe('2020-10-26');
  });

  it('holds all 7 websites with their flags, problems and scores', () => {
    expect(q.tables.websites!.records).toHaveLength(7);
    const anan = q.tables.websites!.records.find((w) => w.name === '潮安区人民政府公众网')!;
    expect(anan).toMatchObject({
      seq: 4,
      columnsStale: true,
      homepageStale: false,
      bonus: 15,
      deduction: 9.5,
      total: 105.5,
    });
    expect(anan.problems).toEqual(['文件解读不规范', '存在未注销的新媒体账号']);
    expect(q.tables.websites!.records.map((w) => w.total)).toEqual([109, 100, 96, 105.5, 115.5, 103.5, 98]);
    expect(q.tables.websites!.records.filter((w) => w.columnsStale).map((w) => w.seq)).toEqual([
      1, 3, 4, 6, 7,
    ]);
  });

  it('holds all 48 accounts, all 合格', () => {
    expect(q.tables.newMedia!.records).toHaveLength(48);
    expect(q.tables.newMedia!.records.every((a) => a.result === '合格')).toBe(true);
    expect(q.tables.newMedia!.records[25]).toMatchObject({
      seq: 26,
      unit: '潮州市司法局',
      platform: '微信',
      account: '潮州司法潮州普法',
    });
    expect(q.tables.newMedia!.records.at(-1)).toMatchObject({
      seq: 48,
      unit: '潮州新区',
      platform: '微信',
      account: '潮州新区',
    });
  });

  it('computes the quarter figures', () => {
    const w = q.stats.websites!;
    expect(w.count).toBe(7);
    expect(w.samplingRate).toBe(100);
    expect(w.flags.columnsStale).toBe(5);
    expect(w.withVeto).toBe(5);
    expect(w.problemCount).toBe(5);
    expect(w.withProblems).toBe(3);
    expect(w.problems).toEqual([
      { label: '网页标签不规范', count: 2 }, // ties in pinyin order: wang before wen
      { label: '文件解读不规范', count: 2 },
      { label: '存在未注销的新媒体账号', count: 1 },
    ]);
    expect(w.score).toEqual({ min: 96, mean: 103.93, max: 115.5 });
    expect(w.passRate).toBeUndefined(); // the seed publishes no per-site verdict
    const m = q.stats.newMedia!;
    expect(m.count).toBe(48);
    expect(m.passRate).toBe(100);
    expect(m.byPlatform[0]).toEqual({ platform: '微信', count: 31, passed: 31, passRate: 100 }); // seed rows 13–38 and 44–48
    expect(m.byPlatform.find((p) => p.platform === '新浪微博')).toEqual({
      platform: '新浪微博',
      count: 5,
      passed: 5,
      passRate: 100,
    });
    expect(m.byPlatform.reduce((n, p) => n + p.count, 0)).toBe(48);
  });

  it('warns, without failing, where the city scored sites that had a veto item', () => {
    const warnings = result.findings.filter((f) => f.severity === 'warning');
    expect(warnings.map((f) => f.line)).toEqual([2, 4, 5, 7, 8]);
    expect(formatFinding(warnings[0]!)).toMatch(
      /^test\/fixtures\/seed\/2020-Q3\/websites\.csv:2: 警告：栏目不更新 “是”：网站“中国潮州政府网站”的单项否决项“栏目不更新”为“是”.*总分 109.*（veto item set but the site was scored）$/,
    );
  });
});
