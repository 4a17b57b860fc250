import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BULLETIN_FIELDS } from '../../src/lib/bulletin.ts';
import { formatFinding } from '../../src/lib/findings.ts';
import { loadDataDir } from '../../src/node/load.ts';
import { scaffoldQuarter } from '../../src/node/scaffold.ts';
import { fillScaffold, tempDir } from '../support/fixtures.ts';

const errorsOf = (dir: string) =>
  loadDataDir(dir)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => formatFinding(f).replace(dir, 'DATA'));

function scaffold(): { data: string; dir: string } {
  const data = tempDir();
  const r = scaffoldQuarter(data, '2021-Q1');
  if (!r.ok) throw new Error(r.message);
  return { data, dir: r.dir };
}

describe('new quarter scaffold', () => {
  it('writes the three files: CSVs with only the header, UTF-8 with BOM and CRLF for Excel', () => {
    const { dir } = scaffold();
    const bytes = readFileSync(join(dir, 'websites.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(
      '\ufeff序号,网站名称,首页不更新,栏目不更新,互动回应差,服务不实用,安全、泄密事故等严重问题,其他问题,加分,扣分,总分\r\n',
    );
    expect(readFileSync(join(dir, 'new-media.csv'), 'utf8')).toBe(
      '\ufeff序号,单位名称,账号类型,账号名称,结果\r\n',
    );
  });

  it('writes a bulletin template: every field with a Chinese comment, draft, the three sections, the figures', () => {
    const text = readFileSync(join(scaffold().dir, 'bulletin.mdx'), 'utf8');
    for (const [key, { label }] of Object.entries(BULLETIN_FIELDS)) {
      expect(text).toMatch(new RegExp(`# ${label}（(必填|选填)）：[^\\n]+\\n(#[^\\n]*\\n)?(# )?${key}: `));
    }
    expect(text).toMatch(/^draft: true$/m);
    expect(text.indexOf('## 一、总体情况')).toBeLessThan(text.indexOf('## 二、发现主要问题'));
    expect(text.indexOf('## 二、发现主要问题')).toBeLessThan(text.indexOf('## 三、下一步工作要求'));
    expect(text).toContain('<Stat name="网站数" />');
    expect(text).toContain('2021年第一季度');
    expect(text).toContain('websitesCaption: 第一季度政府网站抽查情况统计表');
  });

  it('refuses an existing quarter and changes nothing', () => {
    const { data, dir } = scaffold();
    writeFileSync(join(dir, 'websites.csv'), 'mine');
    const again = scaffoldQuarter(data, '2021-Q1');
    expect(again).toMatchObject({ ok: false, reason: 'exists' });
    expect(readFileSync(join(dir, 'websites.csv'), 'utf8')).toBe('mine');
  });

  it('refuses a malformed quarter name and suggests the right one', () => {
    const data = tempDir();
    for (const name of ['2021-Q5', '2021Q1', '21-Q1', '2021-q1 ', '../2021-Q1', '']) {
      expect(scaffoldQuarter(data, name)).toMatchObject({ ok: false, reason: 'usage' });
    }
    expect(scaffoldQuarter(data, '2021q1')).toMatchObject({
      message: expect.stringContaining('是不是“2021-Q1”？'),
    });
    expect(existsSync(join(data, '2021-Q5'))).toBe(false);
  });

  it('fresh, validation lists precisely what is still to fill in', () => {
    const { data, dir } = scaffold();
    // Lines are where the template puts each blank, so the template may grow without breaking this test.
    const template = readFileSync(join(dir, 'bulletin.mdx'), 'utf8').split('\n');
    const at = (needle: string) => template.findIndex((l) => l.startsWith(needle) || l.includes(needle)) + 1;
    expect(errorsOf(data)).toEqual([
      'DATA/2021-Q1/websites.csv: 错误：还没有数据行：请在表头下面填写数据，每个网站一行；如本季度没有检查政府网站，请删除这个文件（no data rows）',
      'DATA/2021-Q1/new-media.csv: 错误：还没有数据行：请在表头下面填写数据，每个政务新媒体账号一行；如本季度没有检查政务新媒体，请删除这个文件（no data rows）',
      `DATA/2021-Q1/bulletin.mdx:${at('title:')}: 错误：title（标题） “（请填写发文单位）关于2021年第一季度全市政府网站与政务新媒体检查情况的通报”：还没有填写；应为通报的完整标题（title not filled in）`,
      `DATA/2021-Q1/bulletin.mdx:${at('issuer:')}: 错误：issuer（发布机构） “（请填写）”：还没有填写；应为发文单位全称，如“潮州市人民政府办公室”（issuer not filled in）`,
      `DATA/2021-Q1/bulletin.mdx:${at('issued:')}: 错误：issued（成文日期） “（请填写）”：还没有填写；应为日期，格式 YYYY-MM-DD，如 2020-10-26（issued not filled in）`,
      `DATA/2021-Q1/bulletin.mdx:${at('websitesCutoff:')}: 错误：websitesCutoff（网站抽查截止日期） “（请填写）”：还没有填写；应为日期，格式 YYYY-MM-DD；选填，不需要时可删除这一行（websitesCutoff not filled in）`,
      `DATA/2021-Q1/bulletin.mdx:${at('newMediaCutoff:')}: 错误：newMediaCutoff（政务新媒体抽查截止日期） “（请填写）”：还没有填写；应为日期，格式 YYYY-MM-DD；选填，不需要时可删除这一行（newMediaCutoff not filled in）`,
      `DATA/2021-Q1/bulletin.mdx:${at('websitesTotal:')}: 错误：websitesTotal（政府网站总数） “（请填写）”：还没有填写；应为全市政府网站总数（整数），用于计算抽查率；选填，不需要时可删除这一行（websitesTotal not filled in）`,
      `DATA/2021-Q1/bulletin.mdx:${at('newMediaTotal:')}: 错误：newMediaTotal（政务新媒体总数） “（请填写）”：还没有填写；应为全市已报备政务新媒体总数（整数），用于计算抽查率；选填，不需要时可删除这一行（newMediaTotal not filled in）`,
      `DATA/2021-Q1/bulletin.mdx:${at('（请填写主送单位，如“各县、区人民政府（管委会）、市直属各单位：”）')}: 错误：正文 “（请填写主送单位，如“各县、区人民政府（管委会）、市直属各单位：”）”：还没有填写；请把这段括号连同其中的提示换成正文（text not filled in）`,
      `DATA/2021-Q1/bulletin.mdx:${at('（请填写开头一段：检查的依据和组织情况，以“现将有关情况通报如下：”结尾）')}: 错误：正文 “（请填写开头一段：检查的依据和组织情况，以“现将有关情况通报如下：”结尾）”：还没有填写；请把这段括号连同其中的提示换成正文（text not filled in）`,
      `DATA/2021-Q1/bulletin.mdx:${at('（请填写检查范围、时间和总体结论）')}: 错误：正文 “（请填写检查范围、时间和总体结论）”：还没有填写；请把这段括号连同其中的提示换成正文（text not filled in）`,
      `DATA/2021-Q1/bulletin.mdx:${at('（请填写发现的主要问题：一是……二是……）')}: 错误：正文 “（请填写发现的主要问题：一是……二是……）”：还没有填写；请把这段括号连同其中的提示换成正文（text not filled in）`,
      `DATA/2021-Q1/bulletin.mdx:${at('（请填写下一步工作要求：（一）……（二）……）')}: 错误：正文 “（请填写下一步工作要求：（一）……（二）……）”：还没有填写；请把这段括号连同其中的提示换成正文（text not filled in）`,
    ]);
  });

  it('validates only once every blank is filled in', () => {
    for (const skip of ['issuer', 'issued', 'websitesTotal', '正文']) {
      const { data, dir } = scaffold();
      fillScaffold(dir, { skip });
      expect(errorsOf(data), skip).toHaveLength(skip === '正文' ? 5 : 1);
      expect(errorsOf(data)[0]).toContain('还没有填写');
    }
    const { data, dir } = scaffold();
    fillScaffold(dir);
    expect(errorsOf(data)).toEqual([]);
    const q = loadDataDir(data).quarters[0]!;
    expect(q).toMatchObject({ id: '2021-Q1', published: true });
    expect(q.tables.websites!.records).toHaveLength(3);
    expect(q.tables.newMedia!.records).toHaveLength(4);
  });

  it('a filled-in scaffold still marked draft validates but is not published, with a notice', () => {
    const { data, dir } = scaffold();
    fillScaffold(dir, { keepDraft: true });
    const r = loadDataDir(data);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.quarters[0]!.published).toBe(false);
    expect(r.findings.map(formatFinding)).toContain(
      `${dir}/bulletin.mdx:${
        readFileSync(join(dir, 'bulletin.mdx'), 'utf8')
          .split('\n')
          .findIndex((l) => l.startsWith('draft:')) + 1
      }: 提示：draft（草稿） “true”：草稿，本季度不会发布；核对无误后改为 false（draft, not published）`,
    );
  });
});
