import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalUnit, readAliasesBytes } from '../../src/lib/aliases.ts';
import { formatFinding } from '../../src/lib/findings.ts';
import { unitKey } from '../../src/lib/identity.ts';
import { loadDataDir } from '../../src/node/load.ts';
import { NEW_MEDIA, WEBSITES, WEBSITES_HEADER, tempDir, writeQuarter } from '../support/fixtures.ts';

/** Two invented quarters; the second renames things as given. */
function twoQuarters(second: { websites?: string; newMedia?: string }, aliases?: string) {
  const dir = tempDir();
  writeQuarter(dir, '2021-Q1');
  writeQuarter(dir, '2021-Q2', {
    'websites.csv': second.websites ?? WEBSITES,
    'new-media.csv': second.newMedia ?? NEW_MEDIA,
  });
  if (aliases !== undefined) writeFileSync(join(dir, 'aliases.csv'), aliases);
  const result = loadDataDir(dir);
  const show = (severity: string) =>
    result.findings
      .filter((f) => f.severity === severity)
      .map((f) => formatFinding(f).replaceAll(dir, 'DATA'));
  return {
    dir,
    result,
    errors: show('error'),
    warnings: show('warning'),
    q1: result.quarters[0]!,
    q2: result.quarters[1]!,
  };
}

const RENAMED_SITE = WEBSITES.replace('虚构甲区政府网站', '虚构甲区政府网');

describe('names one edit away from a name of an earlier quarter', () => {
  it('warns with both names, the quarter, and file:line, and suggests the alias row', () => {
    const { warnings, q1, q2 } = twoQuarters({ websites: RENAMED_SITE });
    expect(warnings).toEqual([
      'DATA/2021-Q2/websites.csv:2: 警告：网站名称 “虚构甲区政府网”：与 2021-Q1 的“虚构甲区政府网站”只差一个字：如是笔误，请改成一致；如是同一网站改了名，请在 DATA/aliases.csv 中加一行“网站,虚构甲区政府网站,虚构甲区政府网”，使它保持同一网址（name one edit away from a name of an earlier quarter）',
    ]);
    expect(q2.tables.websites!.records[0]!.key).not.toBe(q1.tables.websites!.records[0]!.key);
  });

  it('warns on account names (same platform) and unit names', () => {
    const { warnings } = twoQuarters({
      newMedia: NEW_MEDIA.replace('1,虚构甲局,微信,虚构甲发布', '1,虚构甲局,微信,虚构甲发部').replace(
        /虚构乙局/g,
        '虚构乙司',
      ),
    });
    expect(warnings.map((w) => w.slice(0, w.indexOf('：与')))).toEqual([
      'DATA/2021-Q2/new-media.csv:2: 警告：账号名称 “虚构甲发部”',
      'DATA/2021-Q2/new-media.csv:4: 警告：单位名称 “虚构乙司”',
    ]);
  });

  it('does not warn about the same names, two names that both still exist, a different platform, or a site with a site code', () => {
    const both = `${WEBSITES}4,虚构甲区政府网,否,否,否,否,否,无,0,0,100\n`;
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1', { 'websites.csv': both });
    writeQuarter(dir, '2021-Q2', {
      'websites.csv': both,
      'new-media.csv': NEW_MEDIA.replace('4,虚构丙办,今日头条,虚构丙资讯', '4,虚构丙办,快手,虚构丙资讯'),
    });
    const coded = (name: string) =>
      `${WEBSITES_HEADER},网站标识码\n1,${name},否,否,否,否,否,无,0,0,100,4451000001\n`;
    writeQuarter(dir, '2021-Q3', { 'websites.csv': coded('虚构甲区政府网站'), 'bulletin.mdx': null });
    writeQuarter(dir, '2021-Q4', { 'websites.csv': coded('虚构甲区政府网') });
    const r = loadDataDir(dir);
    expect(r.findings.filter((f) => f.severity === 'warning').map(formatFinding)).toEqual([]);
  });
});

describe('data/aliases.csv', () => {
  it('keeps a renamed website’s key (and so its URL), with no warning; the published name stays as written', () => {
    const { errors, warnings, q1, q2 } = twoQuarters(
      { websites: RENAMED_SITE },
      '类型,旧名称,现名称\n网站,虚构甲区政府网站,虚构甲区政府网\n',
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(q2.tables.websites!.records[0]!.key).toBe(q1.tables.websites!.records[0]!.key);
    expect(q1.tables.websites!.records[0]!.name).toBe('虚构甲区政府网站');
    expect(q2.tables.websites!.records[0]!.name).toBe('虚构甲区政府网');
  });

  it('carries renames that are far from the old name, for accounts on every platform and for units, and follows chains', () => {
    const { errors, q1, q2, result } = twoQuarters(
      { newMedia: NEW_MEDIA.replace(/虚构甲发布/g, '虚构甲区融媒').replace(/虚构乙局/g, '虚构乙区数据局') },
      '\ufeff类型,旧名称,现名称\r\n新媒体账号,虚构甲发布,虚构甲区发布\r\n新媒体账号,虚构甲区发布,虚构甲区融媒\r\n单位, 虚构乙局 ,虚构乙区数据局\r\n',
    );
    expect(errors).toEqual([]);
    expect(q2.tables.newMedia!.records.slice(0, 2).map((a) => a.key)).toEqual(
      q1.tables.newMedia!.records.slice(0, 2).map((a) => a.key),
    );
    expect(q2.tables.newMedia!.records[0]!.key).toBe('微信:虚构甲区融媒');
    expect(q2.tables.newMedia!.records[2]!.unitKey).toBe(q1.tables.newMedia!.records[2]!.unitKey);
    expect(q1.tables.newMedia!.records[2]!.unitKey).toBe(unitKey('虚构乙区数据局'));
    expect(canonicalUnit(result.aliases, '虚构乙局')).toBe('虚构乙区数据局');
    expect(canonicalUnit(result.aliases, '虚构丙办')).toBe('虚构丙办');
  });

  it('reads a GBK-encoded file as Excel saves it', async () => {
    const iconv = (await import('iconv-lite')).default;
    const { errors, q1, q2 } = twoQuarters(
      { websites: RENAMED_SITE },
      iconv.encode(
        '类型,旧名称,现名称\r\n网站,虚构甲区政府网站,虚构甲区政府网\r\n',
        'gbk',
      ) as unknown as string,
    );
    expect(errors).toEqual([]);
    expect(q2.tables.websites!.records[0]!.key).toBe(q1.tables.websites!.records[0]!.key);
  });

  const aliasErrors = (csv: string) =>
    readAliasesBytes(new TextEncoder().encode(csv), 'DATA/aliases.csv')
      .findings.filter((f) => f.severity === 'error')
      .map(formatFinding);

  it('refuses a wrong header', () => {
    expect(aliasErrors('类型,旧名,现名称\n网站,甲,乙\n')).toEqual([
      'DATA/aliases.csv:1: 错误：“类型,旧名,现名称”：表头应为“类型,旧名称,现名称”（三列，按此顺序）（aliases.csv header must be 类型,旧名称,现名称）',
    ]);
  });

  it('refuses bad rows, each on its line', () => {
    const csv = [
      '类型,旧名称,现名称',
      '账号,甲发布,甲区发布', // 2: unknown kind, with the fix
      '网站,,乙网', // 3: empty old name
      '单位,丙局,丙局', // 4: same name
      '网站,丁网,丁区网', // 5
      '网站,丁 网,戊网', // 6: duplicate of 5
      '单位,己局,庚局', // 7: loop with 8
      '单位,庚局,己局', // 8
      '网站,辛网,壬网,多余', // 9: extra cell
    ].join('\n');
    expect(aliasErrors(csv)).toEqual([
      'DATA/aliases.csv:2: 错误：类型 “账号”：应为“新媒体账号”？可填：网站、新媒体账号、单位（unknown alias kind）',
      'DATA/aliases.csv:3: 错误：旧名称 “”：必填，不能为空（旧名称 is empty）',
      'DATA/aliases.csv:4: 错误：现名称 “丙局”：与旧名称相同；请删除这一行（alias to itself）',
      'DATA/aliases.csv:6: 错误：旧名称 “丁 网”：与第 5 行重复：同一个旧名称只能登记一次（duplicate alias）',
      'DATA/aliases.csv:9: 错误：本行应正好有 3 个单元格（类型、旧名称、现名称），实有 4 个（row must have 3 cells）',
      'DATA/aliases.csv:7: 错误：旧名称 “己局”：别名形成了循环（改名后又改回）；每个旧名称应指向现在的名称（alias loop）',
      'DATA/aliases.csv:8: 错误：旧名称 “庚局”：别名形成了循环（改名后又改回）；每个旧名称应指向现在的名称（alias loop）',
    ]);
  });

  it('refuses a binary or empty aliases.csv, naming it, and fails the data folder', () => {
    expect(aliasErrors('')[0]).toMatch(/^DATA\/aliases\.csv: 错误：无法读取/);
    const { errors } = twoQuarters({ websites: RENAMED_SITE }, '');
    expect(errors).toEqual([expect.stringMatching(/^DATA\/aliases\.csv: 错误：无法读取/)]);
  });
});
