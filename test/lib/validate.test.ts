import { describe, expect, it } from 'vitest';
import { formatFinding, type Finding } from '../../src/lib/findings.ts';
import { loadDataDir } from '../../src/node/load.ts';
import { readTableBytes } from '../../src/lib/load.ts';
import { NEW_MEDIA_HEADER, WEBSITES_HEADER, tempDir, writeQuarter } from '../support/fixtures.ts';

const FILE = 'q/websites.csv';
const enc = (s: string) => new TextEncoder().encode(s);
const websites = (csv: string) => readTableBytes('websites', enc(csv), FILE);
const accounts = (csv: string) => readTableBytes('newMedia', enc(csv), 'q/new-media.csv');
const errors = (fs: Finding[]) => fs.filter((f) => f.severity === 'error').map(formatFinding);
const site = (cells: string) => `${WEBSITES_HEADER}\n${cells}\n`;

describe('websites.csv: one test per kind of error', () => {
  it('accepts a clean row', () => {
    const r = websites(site('1,甲网站,否,否,否,否,否,无,10,5,105'));
    expect(errors(r.findings)).toEqual([]);
    expect(r.records[0]).toMatchObject({
      seq: 1,
      name: '甲网站',
      bonus: 10,
      deduction: 5,
      total: 105,
      problems: [],
    });
  });

  it('refuses a total that is not 100 + 加分 − 扣分', () => {
    expect(errors(websites(site('1,甲网站,否,否,否,否,否,无,22,13,110')).findings)).toEqual([
      'q/websites.csv:2: 错误：总分 “110”：应为 100 + 加分 − 扣分 = 100 + 22 − 13 = 109；请核对这三个分数（total must equal 100 + bonus − deduction）',
    ]);
  });

  it('accepts decimal scores exactly (9.5, 0.5)', () => {
    const r = websites(
      site('1,甲网站,否,否,否,否,否,无,16,0.5,115.5\n2,乙网站,否,否,否,否,否,无,15,9.5,105.5'),
    );
    expect(errors(r.findings)).toEqual([]);
  });

  it('refuses a score with more than two decimals, so the value read is the value every file prints', () => {
    expect(
      errors(
        websites(site('1,甲网站,否,否,否,否,否,无,0,9.555,90.445\n2,乙网站,否,否,否,否,否,无,0,9.550,90.45'))
          .findings,
      ),
    ).toEqual([
      'q/websites.csv:2: 错误：扣分 “9.555”：最多两位小数（通报中的分数至多两位小数）；请核对后改为两位小数（deducted points has more than two decimals）',
      'q/websites.csv:2: 错误：总分 “90.445”：最多两位小数（通报中的分数至多两位小数）；请核对后改为两位小数（total score has more than two decimals）',
    ]);
  });

  it('reads a blank 其他问题 as 无, the word the annex uses, so page and downloads show the same', () => {
    const r = websites(site('1,甲网站,否,否,否,否,否,,0,0,100\n2,乙网站,否,否,否,否,否,无,0,0,100'));
    expect(r.records.map((w) => [w.otherProblems, w.problems])).toEqual([
      ['无', []],
      ['无', []],
    ]);
  });

  it('refuses a flag that is not 是/否 and suggests the fix', () => {
    expect(errors(websites(site('1,甲网站,Y,否,否,否,否,无,0,0,100')).findings)).toEqual([
      'q/websites.csv:2: 错误：首页不更新 “Y”：应为“是”？可填：是、否（not an allowed homepage not updated）',
    ]);
  });

  it('refuses a score that is not a number', () => {
    expect(errors(websites(site('1,甲网站,否,否,否,否,否,无,十,0,100')).findings)).toEqual([
      'q/websites.csv:2: 错误：加分 “十”：应为数字（可含小数点，如 9.5）（bonus points is not a number）',
    ]);
  });

  it('refuses a score out of range', () => {
    expect(errors(websites(site('1,甲网站,否,否,否,否,否,无,31,1,130')).findings)).toEqual([
      'q/websites.csv:2: 错误：加分 “31”：应在 0 到 30 之间（bonus points out of range）',
    ]);
  });

  it('refuses an empty required cell', () => {
    expect(errors(websites(site('1,,否,否,否,否,否,无,0,0,100')).findings)).toEqual([
      'q/websites.csv:2: 错误：网站名称 “”：必填，不能为空（required website name is empty）',
    ]);
  });

  it('refuses a missing required column, on the header line', () => {
    const csv =
      '序号,网站名称,首页不更新,栏目不更新,互动回应差,服务不实用,安全、泄密事故等严重问题,其他问题,加分,扣分\n1,甲,否,否,否,否,否,无,0,0\n';
    expect(errors(websites(csv).findings)).toEqual([
      'q/websites.csv:1: 错误：总分：缺少必填列“总分”；请在表头加上这一列（missing required column total score）',
    ]);
  });

  it('refuses an unknown column and suggests the nearest', () => {
    const csv = `${WEBSITES_HEADER},网站明称\n1,甲,否,否,否,否,否,无,0,0,100,x\n`;
    expect(errors(websites(csv).findings)[0]).toMatch(
      /^q\/websites\.csv:1: 错误：网站明称：不认识的列名；是不是“网站名称”？/,
    );
  });

  it('refuses a duplicate column', () => {
    const csv = `${WEBSITES_HEADER},加分\n1,甲,否,否,否,否,否,无,0,0,100,0\n`;
    expect(errors(websites(csv).findings)).toEqual([
      'q/websites.csv:1: 错误：加分：列名重复：第 9 列和第 12 列都是这一列；请删除其中一列（duplicate column）',
    ]);
  });

  it('refuses a row with more cells than the header (an unquoted comma)', () => {
    expect(
      errors(websites(site('1,甲,否,否,否,否,否,网页标签不规范,文件解读不规范,0,0,100')).findings)[0],
    ).toMatch(/^q\/websites\.csv:2: 错误：本行有 12 个单元格，比表头（11 列）多；.*中文逗号/);
  });

  it('refuses a row with fewer cells than the header', () => {
    expect(errors(websites(site('1,甲,否,否,否,否,否,无,0,0')).findings)).toContain(
      'q/websites.csv:2: 错误：本行只有 10 个单元格，表头有 11 列；请补齐缺少的单元格（fewer cells than header columns）',
    );
  });

  it('refuses an unclosed quote, on the line where the cell starts', () => {
    const csv = site(
      '1,甲,否,否,否,否,否,无,0,0,100\n2,"乙,否,否,否,否,否,无,0,0,100\n3,丙,否,否,否,否,否,无,0,0,100',
    );
    expect(errors(websites(csv).findings)[0]).toMatch(/^q\/websites\.csv:3: 错误：引号未闭合/);
  });

  it('refuses a duplicate 序号, naming both lines', () => {
    expect(
      errors(websites(site('1,甲,否,否,否,否,否,无,0,0,100\n1,乙,否,否,否,否,否,无,0,0,100')).findings),
    ).toEqual([
      'q/websites.csv:3: 错误：序号 “1”：与第 2 行重复：同一季度序号只能出现一次（duplicate 序号）',
    ]);
  });

  it('refuses the same website twice in a quarter', () => {
    expect(
      errors(
        websites(site('1,甲网站,否,否,否,否,否,无,0,0,100\n2,甲 网站,否,否,否,否,否,无,0,0,100')).findings,
      ),
    ).toEqual([
      'q/websites.csv:3: 错误：网站名称 “甲 网站”：与第 2 行重复：同一季度同一网站（按网站名称）只能出现一次（duplicate 网站名称）',
    ]);
  });

  it('reports every problem, not just the first', () => {
    const r = websites(site('1,甲,Y,否,否,否,否,无,0,0,100\n2,乙,否,N,否,否,否,无,x,0,100'));
    expect(errors(r.findings).map((m) => m.split('：')[0])).toEqual([
      'q/websites.csv:2: 错误',
      'q/websites.csv:3: 错误',
      'q/websites.csv:3: 错误',
    ]);
  });

  it('splits 其他问题 on Chinese and ASCII commas and semicolons; 无 and empty are none', () => {
    const r = websites(site('1,甲,否,否,否,否,否,"a，b;c；d,e",0,0,100\n2,乙,否,否,否,否,否,,0,0,100'));
    expect(r.records.map((x) => x.problems)).toEqual([['a', 'b', 'c', 'd', 'e'], []]);
  });
});

describe('websites.csv: rule warnings (published as is)', () => {
  const warnings = (csv: string) =>
    websitesWithScore(csv)
      .filter((f) => f.severity === 'warning')
      .map(formatFinding);
  function websitesWithScore(csv: string) {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1', { 'websites.csv': csv, 'bulletin.mdx': BULLETIN_NO_TOTALS });
    return loadDataDir(dir).findings;
  }

  it('warns on bonus while 100 − 扣分 ≤ 80', () => {
    expect(warnings(site('1,甲,否,否,否,否,否,无,5,25,80'))).toEqual([
      expect.stringMatching(/websites\.csv:2: 警告：加分 “5”：100 − 扣分 = 75，不高于 80 分，按规则不应加分/),
    ]);
  });

  it('warns on 扣分 > 40 marked 合格', () => {
    const csv = `${WEBSITES_HEADER},结果\n1,甲,否,否,否,否,否,无,0,45,55,合格\n`;
    expect(warnings(csv)).toEqual([
      expect.stringMatching(/websites\.csv:2: 警告：结果 “合格”：扣分 45 超过 40 分，按规则应为不合格/),
    ]);
  });

  it('does not warn about a veto item when the site is marked 不合格', () => {
    const csv = `${WEBSITES_HEADER},结果\n1,甲,是,否,否,否,否,无,0,0,100,不合格\n`;
    expect(warnings(csv)).toEqual([]);
  });
});

const BULLETIN_NO_TOTALS = `---
title: （虚构测试数据）通报
issuer: （虚构）某市人民政府办公室
issued: 2021-04-20
disclosure: 主动公开
---
正文。
`;

describe('new-media.csv', () => {
  const row = (cells: string) => `${NEW_MEDIA_HEADER}\n${cells}\n`;
  it('refuses an unknown platform and suggests the accepted one', () => {
    expect(errors(accounts(row('1,甲局,微信公众号,甲发布,合格')).findings)).toEqual([
      'q/new-media.csv:2: 错误：账号类型 “微信公众号”：应为“微信”？可填：APP、百度贴吧、百家号、抖音、今日头条、南方号、企鹅号、人民号、微信、新浪微博、快手、小红书、微信视频号、小程序、大鱼号、学习强国、其他（not an allowed platform）',
    ]);
  });

  it('refuses a result that is not 合格/不合格', () => {
    expect(errors(accounts(row('1,甲局,微信,甲发布,通过')).findings)[0]).toMatch(
      /^q\/new-media\.csv:2: 错误：结果 “通过”：应为“合格”？/,
    );
  });

  it('refuses the same account twice (platform + name)', () => {
    expect(errors(accounts(row('1,甲局,微信,甲发布,合格\n2,乙局,微信,甲发布,合格')).findings)).toEqual([
      'q/new-media.csv:3: 错误：账号名称 “微信 甲发布”：与第 2 行重复：同一季度同一账号（按账号类型和账号名称）只能出现一次（duplicate 账号名称）',
    ]);
  });

  it('allows the same account name on different platforms', () => {
    expect(errors(accounts(row('1,甲局,微信,甲发布,合格\n2,甲局,抖音,甲发布,合格')).findings)).toEqual([]);
  });
});

describe('refused files: each with its path and, where it has one, its line', () => {
  const bytes = (b: number[]) => new Uint8Array(b);
  const fileErrors = (b: Uint8Array, kind: 'websites' | 'newMedia' = 'websites') =>
    errors(readTableBytes(kind, b, FILE).findings);

  it('refuses an empty file', () => {
    expect(fileErrors(bytes([]))).toEqual([
      'q/websites.csv: 错误：文件是空的；应有表头和数据行（empty file）',
    ]);
  });

  it('refuses a binary file (an .xlsx workbook renamed to .csv)', () => {
    expect(fileErrors(bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]))[0]).toMatch(
      /^q\/websites\.csv: 错误：不是文本格式的表格（可能是 Excel 的 \.xlsx 文件改了扩展名）；请在 Excel 中“另存为”CSV/,
    );
  });

  it('refuses bytes that are neither UTF-8 nor GB18030, naming the file', () => {
    expect(fileErrors(bytes([0xe5, 0xba, 0x8f, 0x2c, 0xff, 0x0a]))).toEqual([
      'q/websites.csv: 错误：无法识别文件编码；请另存为 UTF-8 或 GB18030/GBK 编码的 CSV（unknown-encoding file）',
    ]);
  });

  it('refuses a file with only blank lines', () => {
    expect(errors(websites('\n\n ,,\n').findings)).toEqual([
      'q/websites.csv: 错误：文件没有表头和数据；第 1 行应为表头（no header row）',
    ]);
  });

  it('refuses a header without data rows (a fresh scaffold)', () => {
    expect(errors(websites(`${WEBSITES_HEADER}\n`).findings)).toEqual([
      'q/websites.csv: 错误：还没有数据行：请在表头下面填写数据，每个网站一行；如本季度没有检查政府网站，请删除这个文件（no data rows）',
    ]);
    expect(errors(accounts(`${NEW_MEDIA_HEADER}\r\n`).findings)).toEqual([
      'q/new-media.csv: 错误：还没有数据行：请在表头下面填写数据，每个政务新媒体账号一行；如本季度没有检查政务新媒体，请删除这个文件（no data rows）',
    ]);
  });

  it('refuses a quote in the middle of a quoted cell', () => {
    expect(errors(websites(site('1,"甲"网站",否,否,否,否,否,无,0,0,100')).findings)[0]).toMatch(
      /^q\/websites\.csv:2: 错误：引号位置不对/,
    );
  });

  it('refuses a 序号 that is not a whole number, and one below 1', () => {
    expect(
      errors(websites(site('1.5,甲,否,否,否,否,否,无,0,0,100\n0,乙,否,否,否,否,否,无,0,0,100')).findings),
    ).toEqual([
      'q/websites.csv:2: 错误：序号 “1.5”：应为整数（row number must be a whole number）',
      'q/websites.csv:3: 错误：序号 “0”：应不小于 1（row number out of range）',
    ]);
  });

  it('refuses an empty required cell in new-media.csv', () => {
    expect(errors(accounts(`${NEW_MEDIA_HEADER}\n1,甲局,微信,　,合格\n`).findings)).toEqual([
      'q/new-media.csv:2: 错误：账号名称 “”：必填，不能为空（required account name is empty）',
    ]);
  });

  it('refuses rows with more or fewer cells in new-media.csv', () => {
    const found = errors(
      accounts(`${NEW_MEDIA_HEADER}\n1,甲局,微信,甲,发布,合格\n2,乙局,微信,乙\n`).findings,
    );
    expect(found).toContain(
      'q/new-media.csv:2: 错误：本行有 6 个单元格，比表头（5 列）多；常见原因是某个单元格里有英文逗号却没有加引号，可改用中文逗号“，”（more cells than header columns）',
    );
    expect(found).toContain(
      'q/new-media.csv:3: 错误：本行只有 4 个单元格，表头有 5 列；请补齐缺少的单元格（fewer cells than header columns）',
    );
  });

  it('refuses a duplicate 序号 in new-media.csv, naming both lines', () => {
    expect(
      errors(
        accounts(`${NEW_MEDIA_HEADER}\n7,甲局,微信,甲,合格\n8,乙局,微信,乙,合格\n7,丙局,微信,丙,合格\n`)
          .findings,
      ),
    ).toEqual([
      'q/new-media.csv:4: 错误：序号 “7”：与第 2 行重复：同一季度序号只能出现一次（duplicate 序号）',
    ]);
  });

  it('refuses a website listed twice by its site code, naming both lines', () => {
    const csv = `${WEBSITES_HEADER},网站标识码\n1,甲,否,否,否,否,否,无,0,0,100,4451000001\n2,乙,否,否,否,否,否,无,0,0,100,４４５１０００００１\n`;
    expect(errors(websites(csv).findings)).toEqual([
      'q/websites.csv:3: 错误：网站标识码 “4451000001”：与第 2 行重复：同一季度同一网站（按网站标识码）只能出现一次（duplicate 网站标识码）',
    ]);
  });

  it('refuses an empty header cell', () => {
    expect(
      errors(websites(`序号,,${WEBSITES_HEADER.slice(3)}\n1,x,甲,否,否,否,否,否,无,0,0,100\n`).findings)[0],
    ).toBe('q/websites.csv:1: 错误：表头第 2 列为空；请填写列名，或删除这一列（empty header cell）');
  });
});
