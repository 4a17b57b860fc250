import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../src/lib/findings.ts';
import { loadDataDir } from '../../src/node/load.ts';
import { BULLETIN, tempDir, writeQuarter } from '../support/fixtures.ts';

const errorsOf = (dir: string) =>
  loadDataDir(dir)
    .findings.filter((f) => f.severity === 'error')
    .map(formatFinding)
    .map((m) => m.replace(dir, 'DATA'));

describe('data folder', () => {
  it('loads a valid invented quarter', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1');
    const r = loadDataDir(dir);
    expect(r.findings.filter((f) => f.severity !== 'notice')).toEqual([]);
    expect(r.quarters[0]).toMatchObject({
      id: '2021-Q1',
      slug: '2021-q1',
      label: '2021年第一季度',
      published: true,
    });
  });

  it('refuses folders that are not quarters, never skipping them', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1');
    mkdirSync(join(dir, '2020-Q5'));
    mkdirSync(join(dir, '2020Q3'));
    expect(errorsOf(dir)).toEqual([
      'DATA/2020-Q5: 错误：不是有效的季度文件夹名：应为“年份-Q季度”，如 2020-Q3（invalid quarter folder name）',
      'DATA/2020Q3: 错误：不是有效的季度文件夹名：应为“年份-Q季度”，如 2020-Q3；是不是“2020-Q3”？（invalid quarter folder name）',
    ]);
  });

  it('a sampling rate without the total it needs says which metadata field to fill in', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1', {
      'bulletin.mdx': BULLETIN.replace('websitesTotal: 3\n', '').replace(
        '合格率<Stat',
        '抽查率<Stat name="网站抽查率" />，合格率<Stat',
      ),
    });
    expect(errorsOf(dir)).toEqual([
      expect.stringMatching(
        /^DATA\/2021-Q1\/bulletin\.mdx:\d+: 错误：Stat “网站抽查率”：本季度的数据算不出这个数字（网站抽查率 = 网站数 ÷ 网站总数）；请在元数据中填写 websitesTotal，或删除这个数字/,
      ),
    ]);
  });

  it('accepts a quarter with one annex; a <Stat> that needs the missing one is an error at its line, naming the file', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1', { 'new-media.csv': null });
    expect(errorsOf(dir)).toEqual([
      'DATA/2021-Q1/bulletin.mdx:12: 错误：Stat “新媒体数”：本季度没有附件2（new-media.csv），算不出这个数字（本次抽查的政务新媒体数（附件2行数））；请删除这个数字，或补上 new-media.csv（figure needs new-media.csv, which this quarter does not have）',
      'DATA/2021-Q1/bulletin.mdx:12: 错误：Stat “新媒体合格率”：本季度没有附件2（new-media.csv），算不出这个数字（政务新媒体合格率）；请删除这个数字，或补上 new-media.csv（figure needs new-media.csv, which this quarter does not have）',
    ]);
    const without = tempDir();
    writeQuarter(without, '2021-Q1', {
      'new-media.csv': null,
      'bulletin.mdx': BULLETIN.replace(/<Stat name="新媒体[^"]*" \/>/g, '若干'),
    });
    const { quarters, findings } = loadDataDir(without);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(quarters[0]!.tables.newMedia).toBeUndefined();
    expect(quarters[0]!.stats.newMedia).toBeUndefined();
    expect(quarters[0]!.tables.websites!.records).toHaveLength(3);
  });

  it('refuses a quarter folder without bulletin.mdx, or without any annex table', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1', { 'bulletin.mdx': null });
    writeQuarter(dir, '2021-Q2', { 'websites.csv': null, 'new-media.csv': null });
    expect(errorsOf(dir)).toEqual([
      'DATA/2021-Q1/bulletin.mdx: 错误：缺少文件；每个季度文件夹都要有 bulletin.mdx（missing file）',
      'DATA/2021-Q2: 错误：没有附件表格；季度文件夹中至少要有 websites.csv、new-media.csv 之一（本季度只检查了一类时，只放那一张表）（no annex table）',
    ]);
  });

  it('refuses an Excel workbook left in a quarter folder', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1', { 'websites.xlsx': 'PK' });
    expect(errorsOf(dir)[0]).toMatch(/^DATA\/2021-Q1\/websites\.xlsx: 错误：.*另存为 CSV/);
  });

  it('refuses a missing data folder and an empty one', () => {
    expect(errorsOf('/nonexistent/data')[0]).toMatch(/数据文件夹不存在或无法读取/);
    expect(errorsOf(tempDir())[0]).toMatch(/没有任何季度/);
  });

  it('refuses a total below the number of rows inspected', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1', {
      'bulletin.mdx': BULLETIN.replace('websitesTotal: 3', 'websitesTotal: 2'),
    });
    expect(errorsOf(dir)).toEqual([
      'DATA/2021-Q1/bulletin.mdx: 错误：websitesTotal（政府网站总数） “2”：少于附件1中的网站数 3；总数不能小于抽查数（total below number inspected）',
    ]);
  });

  it('does not publish drafts or quarters not proactively disclosed', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1', {
      'bulletin.mdx': BULLETIN.replace('disclosure: 主动公开', 'disclosure: 主动公开\ndraft: true'),
    });
    writeQuarter(dir, '2021-Q2', {
      'bulletin.mdx': BULLETIN.replace('disclosure: 主动公开', 'disclosure: 依申请公开'),
    });
    writeQuarter(dir, '2021-Q3');
    expect(loadDataDir(dir).quarters.map((q) => [q.id, q.published])).toEqual([
      ['2021-Q1', false],
      ['2021-Q2', false],
      ['2021-Q3', true],
    ]);
  });

  it('allows aliases.csv and README.md beside the quarters, and refuses other files', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1');
    writeFileSync(join(dir, 'README.md'), '说明');
    writeFileSync(join(dir, 'notes.txt'), 'x');
    expect(errorsOf(dir)).toEqual([
      'DATA/notes.txt: 错误：数据文件夹中不应有这个文件；季度数据请放在如 2020-Q3 的文件夹中（unexpected file in data folder）',
    ]);
  });
});

describe('bulletin.mdx', () => {
  const withBulletin = (text: string) => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1', { 'bulletin.mdx': text });
    return errorsOf(dir);
  };

  it('refuses a missing required field', () => {
    expect(withBulletin(BULLETIN.replace(/issuer: .*\n/, ''))).toEqual([
      'DATA/2021-Q1/bulletin.mdx:1: 错误：issuer（发布机构）：必填；应为发文单位全称，如“潮州市人民政府办公室”（invalid issuer）',
    ]);
  });

  it('refuses a malformed date, on its line', () => {
    expect(withBulletin(BULLETIN.replace('issued: 2021-04-20', 'issued: 2021年4月20日'))).toEqual([
      'DATA/2021-Q1/bulletin.mdx:4: 错误：issued（成文日期） “2021年4月20日”：应为日期，格式 YYYY-MM-DD，如 2020-10-26（invalid issued）',
    ]);
  });

  it('refuses an impossible date', () => {
    expect(withBulletin(BULLETIN.replace('issued: 2021-04-20', "issued: '2021-02-30'"))[0]).toMatch(
      /bulletin\.mdx:4: 错误：issued（成文日期） “2021-02-30”/,
    );
  });

  it('refuses an unknown disclosure value', () => {
    expect(withBulletin(BULLETIN.replace('disclosure: 主动公开', 'disclosure: 公开'))[0]).toMatch(
      /bulletin\.mdx:5: 错误：disclosure（公开方式） “公开”：应为主动公开、依申请公开、不予公开之一/,
    );
  });

  it('refuses a misspelt field instead of ignoring it', () => {
    expect(withBulletin(BULLETIN.replace('websitesTotal: 3', 'websiteTotal: 3'))[0]).toMatch(
      /bulletin\.mdx:6: 错误：websiteTotal：不认识的字段/,
    );
  });

  it('refuses broken YAML with its line', () => {
    expect(
      withBulletin(BULLETIN.replace('issuer: （虚构）某市人民政府办公室', 'issuer: [未闭合'))[0],
    ).toMatch(/bulletin\.mdx:\d+: 错误：元数据格式有误/);
  });

  it('refuses a file without frontmatter', () => {
    expect(withBulletin('正文而已')[0]).toMatch(/bulletin\.mdx:1: 错误：文件应以 --- 开头/);
  });

  it('refuses a figure name the data cannot give, on its line', () => {
    const text = `${BULLETIN}\n共<Stat name="网站个数" />个。\n`;
    const line = text.split('\n').findIndex((l) => l.includes('网站个数')) + 1;
    expect(withBulletin(text)[0]).toMatch(
      new RegExp(`bulletin\\.mdx:${line}: 错误：Stat “网站个数”：没有这个数字；可用的有：网站数、`),
    );
  });
});
