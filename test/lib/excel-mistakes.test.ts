/**
 * Structural mistakes Excel, Word and PDF leave in a table: each is named once, at its cause, at its file and line.
 * A quarter copied from the last one: copycheck.test.ts. All data here is invented (虚构).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatFinding, type Finding } from '../../src/lib/findings.ts';
import { loadDataDir } from '../../src/node/load.ts';
import { readTableBytes } from '../../src/lib/load.ts';
import { describeRuns, isRepeatedHeader, totalsLabel } from '../../src/lib/structure.ts';
import {
  BULLETIN,
  NEW_MEDIA,
  NEW_MEDIA_HEADER,
  WEBSITES,
  tempDir,
  writeQuarter,
} from '../support/fixtures.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const websites = (csv: string) => readTableBytes('websites', enc(csv), 'q/websites.csv');
const accounts = (csv: string) => readTableBytes('newMedia', enc(csv), 'q/new-media.csv');
const show = (fs: Finding[], ...severities: Finding['severity'][]) =>
  fs.filter((f) => severities.includes(f.severity)).map(formatFinding);

/** Loads one invented quarter with the given files; what staff would see, with the temporary folder shown as DATA. */
function quarter(files: Parameters<typeof writeQuarter>[2]) {
  const dir = tempDir();
  writeQuarter(dir, '2021-Q1', files);
  return seen(dir);
}

function seen(dir: string) {
  const result = loadDataDir(dir);
  const out = (...s: Finding['severity'][]) =>
    show(result.findings, ...s).map((m) => m.replaceAll(dir, 'DATA'));
  return {
    dir,
    result,
    errors: out('error'),
    warnings: out('warning'),
    problems: out('error', 'warning'),
    notices: out('notice'),
  };
}

/** `npm run validate DIR`: exit code and output. */
function validate(dir: string) {
  const r = spawnSync(process.execPath, ['scripts/validate.ts', dir], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: '' },
  });
  return { code: r.status, out: (r.stdout + r.stderr).replaceAll(dir, 'DATA') };
}

// WEBSITES: bonus 10 + 0 + 0, deduction 5 + 20.5 + 0, total 105 + 79.5 + 100.
const TOTALS_OK = `${WEBSITES}合计,,0,0,0,0,0,,10,25.5,284.5\n`;
/** The issue's example: a totals row whose 加分 is not the sum of the rows. */
const TOTALS_WRONG = `${WEBSITES}合计,,0,0,0,0,0,,71,25.5,284.5\n`;
const [HEAD, ...ROWS] = WEBSITES.trimEnd().split('\n');
const REPEATED_HEADER = `${[HEAD, ROWS[0], ROWS[1], ` ${HEAD!.replace('安全、泄密', '安全、泄密\n')}`.replace('\n', ''), ROWS[2]].join('\n')}\n`;
/** 附件2 with 单位名称 merged over 虚构甲局's two accounts, as Excel exports it. */
const MERGED = NEW_MEDIA.replace('2,虚构甲局,新浪微博', '2,,新浪微博');

describe('a 合计/总计/小计 row', () => {
  it('is recognised by its first cells, with or without spaces and a colon', () => {
    expect(['合计', '总 计', '小计：', '合计（3个）', '共计3'].map((c) => totalsLabel([c, '']))).toEqual([
      '合计',
      '总计',
      '小计',
      '合计',
      '共计',
    ]);
    expect(totalsLabel(['', '合计'])).toBe('合计');
    expect(totalsLabel(['1', '合计局'])).toBeUndefined();
    expect(totalsLabel(['1', '虚构甲', '合计'])).toBeUndefined();
  });

  it('is skipped with one notice when its figures are the sums of the rows; exit 0', () => {
    const { errors, warnings, notices, result } = quarter({ 'websites.csv': TOTALS_OK });
    expect([...errors, ...warnings]).toEqual([]);
    expect(notices).toEqual([
      'DATA/2021-Q1/websites.csv:5: 提示：这是合计行（上面共 3 行），已跳过，不作为数据发布（合计由网站自动计算）；其中的“首页不更新”“栏目不更新”“互动回应差”“服务不实用”“安全、泄密事故等严重问题”“加分”“扣分”“总分”与各行之和相符（totals row skipped after checking its sums）',
    ]);
    expect(result.quarters[0]!.tables.websites!.records).toHaveLength(3);
  });

  it('is one error, naming each wrong figure and its sum, when they do not match (never one per cell)', () => {
    const { problems } = quarter({ 'websites.csv': TOTALS_WRONG });
    expect(problems).toEqual([
      'DATA/2021-Q1/websites.csv:5: 错误：这是合计行（上面共 3 行），它的数字与各行之和不符：加分写的是 71，各行加分之和为 10。合计由网站自动计算，请删除这一行，或改正其中的数字（totals row does not match the sum of the rows）',
    ]);
  });

  it('with only words in it, or in a table without numbers, is skipped with one notice', () => {
    const r = accounts(`${NEW_MEDIA}合计：4 个账号,,,,\n`);
    expect(show(r.findings, 'error', 'warning', 'notice')).toEqual([
      'q/new-media.csv:6: 提示：这是合计行（上面共 4 行），已跳过，不作为数据发布（合计由网站自动计算）（totals row skipped）',
    ]);
    expect(r.records).toHaveLength(4);
  });

  it('小计 rows close the rows since the previous 小计; a table of totals rows alone has no data rows', () => {
    const r = websites(
      `${HEAD}\n${ROWS[0]}\n小计,,0,0,0,0,0,,10,5,105\n${ROWS[1]}\n${ROWS[2]}\n小计,,0,0,0,0,0,,0,20.5,179.5\n合计,,0,0,0,0,0,,10,25.5,284.5\n`,
    );
    expect(show(r.findings, 'error', 'warning')).toEqual([]);
    expect(show(r.findings, 'notice').map((m) => m.slice(0, m.indexOf('），')))).toEqual([
      'q/websites.csv:3: 提示：这是小计行（上一个小计之后共 1 行',
      'q/websites.csv:6: 提示：这是小计行（上一个小计之后共 2 行',
      'q/websites.csv:7: 提示：这是合计行（上面共 3 行',
    ]);
    expect(show(websites(`${HEAD}\n合计,,0,0,0,0,0,,0,0,0\n`).findings, 'error')).toEqual([
      'q/websites.csv: 错误：还没有数据行：请在表头下面填写数据，每个网站一行；如本季度没有检查政府网站，请删除这个文件（no data rows）',
    ]);
  });

  it('is not checked against rows that have errors of their own: only those errors are reported', () => {
    const r = websites(TOTALS_OK.replace('10,5,105', '10,5,106'));
    expect(show(r.findings, 'error')).toEqual([
      expect.stringMatching(/^q\/websites\.csv:2: 错误：总分 “106”/),
    ]);
  });
});

describe('a header row repeated in the middle (copied across PDF or Word pages)', () => {
  it('is recognised even with line breaks and spaces inside the names, and not in an ordinary row', () => {
    const names = new Set(['序号', '单位名称', '账号类型', '账号名称', '结果']);
    expect(isRepeatedHeader(['序 号', '单位\n名称', '账号类型', '账号名称', '结果'], names)).toBe(true);
    expect(isRepeatedHeader(['1', '虚构甲局', '微信', '结果', '合格'], names)).toBe(false);
  });

  it('is one error, "重复的表头行，请删除", at its line; the rows around it are read', () => {
    const { problems, result } = quarter({ 'websites.csv': REPEATED_HEADER });
    expect(problems).toEqual([
      'DATA/2021-Q1/websites.csv:4: 错误：重复的表头行，请删除这一行：表格跨页复制时会把表头也带进来（repeated header row）',
    ]);
    expect(result.quarters[0]!.tables.websites!.records.map((w) => w.line)).toEqual([2, 3, 5]);
  });

  it('is one error in new-media.csv too', () => {
    const r = accounts(NEW_MEDIA.replace('3,虚构乙局', `${NEW_MEDIA_HEADER}\n3,虚构乙局`));
    expect(show(r.findings, 'error', 'warning')).toEqual([
      'q/new-media.csv:4: 错误：重复的表头行，请删除这一行：表格跨页复制时会把表头也带进来（repeated header row）',
    ]);
  });
});

describe('merged 单位名称 cells (exported as the value on the first row and blanks below)', () => {
  it('are filled down from the row above, with one notice naming the rows; the annex is the same as the unmerged one', () => {
    const merged = accounts(MERGED);
    expect(show(merged.findings, 'error', 'warning', 'notice')).toEqual([
      'q/new-media.csv:3: 提示：单位名称：第 3 行为空，已按 Excel 合并单元格读取：沿用上面最近一行的单位名称（merged cells filled down）',
    ]);
    expect(merged.records).toEqual(accounts(NEW_MEDIA).records);
  });

  it('name runs of several rows once: 第 3–5、7 行', () => {
    const csv = `${NEW_MEDIA_HEADER}\n1,虚构甲局,微信,虚构甲发布,合格\n2,,新浪微博,虚构甲发布,合格\n3,,抖音,虚构甲视窗,合格\n4,,今日头条,虚构甲资讯,合格\n5,虚构乙局,微信,虚构乙发布,合格\n6,,抖音,虚构乙视窗,不合格\n`;
    const r = accounts(csv);
    expect(show(r.findings, 'error', 'warning', 'notice')).toEqual([
      'q/new-media.csv:3: 提示：单位名称：第 3–5、7 行为空，已按 Excel 合并单元格读取：沿用上面最近一行的单位名称（merged cells filled down）',
    ]);
    expect(r.records.map((a) => a.unit)).toEqual([
      '虚构甲局',
      '虚构甲局',
      '虚构甲局',
      '虚构甲局',
      '虚构乙局',
      '虚构乙局',
    ]);
    expect(
      describeRuns(
        Array.from({ length: 10 }, (_, i) => ({ from: i * 2, to: i * 2 })),
        3,
      ),
    ).toBe('第 0、2、4 行等 10 处');
  });

  it('merged 所属地区 cells are filled down by the same rule, in both tables', () => {
    const r = accounts(
      `${NEW_MEDIA_HEADER},所属地区\n1,虚构甲局,微信,虚构甲发布,合格,甲区\n2,虚构甲局,抖音,虚构甲视窗,合格,\n3,虚构乙局,微信,虚构乙发布,合格,乙县\n`,
    );
    expect(show(r.findings, 'error', 'warning', 'notice')).toEqual([
      'q/new-media.csv:3: 提示：所属地区：第 3 行为空，已按 Excel 合并单元格读取：沿用上面最近一行的所属地区（merged cells filled down）',
    ]);
    expect(r.records.map((a) => a.region)).toEqual(['甲区', '甲区', '乙县']);
    const w = websites(`${HEAD},所属地区\n${ROWS[0]},甲区\n${ROWS[1]},\n${ROWS[2]},\n`);
    expect(w.records.map((s) => s.region)).toEqual(['甲区', '甲区', '甲区']);
  });

  it('validate and publish the same annex as the unmerged table', () => {
    const merged = quarter({ 'new-media.csv': MERGED });
    const plain = quarter({});
    expect(merged.problems).toEqual([]);
    expect(merged.result.quarters[0]!.tables.newMedia!.records).toEqual(
      plain.result.quarters[0]!.tables.newMedia!.records,
    );
    expect(merged.result.quarters[0]!.stats).toEqual(plain.result.quarters[0]!.stats);
  });

  it('a blank 单位名称 on the first data row stays an error: there is nothing above to fill from', () => {
    const { problems } = quarter({ 'new-media.csv': NEW_MEDIA.replace('1,虚构甲局,微信', '1,,微信') });
    expect(problems).toEqual([
      'DATA/2021-Q1/new-media.csv:2: 错误：单位名称 “”：必填，不能为空（required operating unit is empty）',
    ]);
  });

  it('are not filled across a totals or repeated header row', () => {
    const r = accounts(
      `${NEW_MEDIA_HEADER}\n1,虚构甲局,微信,虚构甲发布,合格\n小计,,,,\n2,,抖音,虚构乙视窗,合格\n`,
    );
    expect(show(r.findings, 'error')).toEqual([
      'q/new-media.csv:4: 错误：单位名称 “”：必填，不能为空（required operating unit is empty）',
    ]);
  });
});

describe('knock-on findings', () => {
  it('a <Stat> the data cannot give because its table failed is not reported: only the cause is', () => {
    // BULLETIN cites 新媒体合格率, which a new-media.csv without rows cannot give.
    const { problems } = quarter({ 'new-media.csv': `${NEW_MEDIA_HEADER}\n` });
    expect(problems).toEqual([
      'DATA/2021-Q1/new-media.csv: 错误：还没有数据行：请在表头下面填写数据，每个政务新媒体账号一行；如本季度没有检查政务新媒体，请删除这个文件（no data rows）',
    ]);
  });

  it('an unknown <Stat> name is still reported: it is a mistake of its own', () => {
    const { problems } = quarter({
      'new-media.csv': `${NEW_MEDIA_HEADER}\n`,
      'bulletin.mdx': BULLETIN.replace('新媒体合格率', '新媒体及格率'),
    });
    expect(problems.map((p) => p.slice(0, p.indexOf('：', p.indexOf('错误：') + 3)))).toEqual([
      'DATA/2021-Q1/new-media.csv: 错误：还没有数据行',
      'DATA/2021-Q1/bulletin.mdx:12: 错误：Stat “新媒体及格率”',
    ]);
  });
});

describe('npm run validate on each mistake: exit 1 (a matching totals row: exit 0) and one message at its file and line', () => {
  const cases: [string, Parameters<typeof writeQuarter>[2], number, RegExp][] = [
    ['totals row', { 'websites.csv': TOTALS_OK }, 0, /websites\.csv:5: 提示：这是合计行/],
    [
      'totals row that does not add up',
      { 'websites.csv': TOTALS_WRONG },
      1,
      /websites\.csv:5: 错误：这是合计行/,
    ],
    [
      'repeated header',
      { 'websites.csv': REPEATED_HEADER },
      1,
      /websites\.csv:4: 错误：重复的表头行，请删除/,
    ],
    [
      'merged cells',
      { 'new-media.csv': MERGED },
      0,
      /new-media\.csv:3: 提示：单位名称：第 3 行为空，已按 Excel 合并单元格读取/,
    ],
  ];
  for (const [name, files, exit, message] of cases) {
    it(name, () => {
      const dir = tempDir();
      writeQuarter(dir, '2021-Q1', files);
      const { code, out } = validate(dir);
      expect(code, out).toBe(exit);
      expect(
        out.split('\n').filter((l) => message.test(l)),
        out,
      ).toHaveLength(1);
      expect(out).toContain(`${exit} 个错误，0 个警告`);
      expect(out).not.toMatch(/\n\s+at /);
    });
  }
});
