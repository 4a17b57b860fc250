/** Builds the four-quarter fixture and the real 2020-Q3 alone (frozen copy in test/fixtures/seed), and reads the history and trends pages. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountKey, accountSlug, unitKey, unitSlug, websiteKey, websiteSlug } from '../src/lib/identity.ts';
import { buildSite } from './support/build.ts';
import { SEED_DATA } from './support/fixtures.ts';

/** Visible text of an HTML fragment, tags dropped (a line-break opportunity <wbr> without a gap) and whitespace folded. */
const text = (html: string) =>
  html
    .replace(/<wbr\s*\/?>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
/** The rows of the table whose caption contains `caption`, as visible text. */
function tableRows(html: string, caption: string): string[] {
  const at = html.indexOf(caption);
  if (at < 0) throw new Error(`no table captioned ${caption}`);
  const table = html.slice(at, html.indexOf('</table>', at));
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => text(m[1]!));
}
const websitePage = (name: string) => `websites/${websiteSlug(websiteKey({ name }))}`;
const accountPage = (platform: string, account: string) =>
  `accounts/${accountSlug(accountKey({ platform, account }))}`;
const unitPage = (unit: string) => `units/${unitSlug(unitKey(unit))}`;

// Expected figures are worked out by hand from test/fixtures/history/README.md and its CSV files.
describe('build of a four-quarter fixture', () => {
  let site: ReturnType<typeof buildSite>;
  beforeAll(() => {
    site = buildSite('test/fixtures/history');
  });

  it('succeeds', () => {
    expect(site.code, site.log).toBe(0);
  });

  it('labels chart axes with short Chinese quarter names and prints no undefined value', () => {
    for (const page of ['trends', websitePage('虚构甲区人民政府网站')]) {
      const html = site.page(page);
      expect(html, page).toContain('2021年一季度');
      expect(html, page).not.toMatch(/NaN|Infinity|undefined/);
    }
  });

  it('gives a website every quarter it was inspected in, newest first, with figures and repeat marks', () => {
    const html = site.page(websitePage('虚构甲区人民政府网站'));
    expect(tableRows(html, '虚构甲区人民政府网站各季度检查情况')).toEqual([
      '季度 单项否决项和其他问题 加分 扣分 总分 结果 整改情况',
      '2021年第四季度 无 10 0 110 合格 已完成整改',
      '2021年第三季度 首页不更新 栏目不更新 连续 3 个季度 网页标签不规范 连续 2 个季度 0 30 70 不合格',
      '2021年第二季度 栏目不更新 连续 2 个季度 网页标签不规范 0 20 80 不合格 正在整改',
      '2021年第一季度 栏目不更新 0 10 90 不合格',
    ]);
    expect(html).toContain('href="/bulletins/2021-q3/#website-1"');
    expect(text(html)).toContain('栏目不更新 ：2021年第一季度至2021年第三季度，连续 3 个季度');
    expect(html).toContain(
      '<canvas role="img" aria-label="折线图：虚构甲区人民政府网站各季度总分（纵轴从 0 起）。总分：由2021年第一季度的 90分 变为2021年第四季度的 110分',
    );
  });

  it('leaves a gap where a website was not inspected, and does not count a problem across it', () => {
    const html = site.page(websitePage('虚构乙县人民政府网站'));
    expect(tableRows(html, '虚构乙县人民政府网站各季度检查情况').slice(1)).toEqual([
      '2021年第四季度 错别字 0 1 99 合格',
      '2021年第二季度 错别字 连续 2 个季度 5 5 100 合格',
      '2021年第一季度 错别字 0 5 95 合格',
    ]);
    expect(html).toContain('href="/bulletins/2021-q4/#website-2"');
    expect(tableRows(html, '虚构乙县人民政府网站各季度总分').slice(1)).toEqual([
      '2021年第一季度 95',
      '2021年第二季度 100',
      '2021年第三季度 —',
      '2021年第四季度 99',
    ]);
  });

  it('says a website seen once has no score change to draw yet', () => {
    const html = site.page(websitePage('虚构丙县人民政府网站'));
    expect(text(html)).toContain('该网站目前只在一个季度被抽查，总分为 100 分');
    expect(html).not.toContain('<canvas');
  });

  it("gives an account's results, repeated failures and 整改情况", () => {
    const html = site.page(accountPage('抖音', '虚构教育'));
    expect(tableRows(html, '虚构教育（抖音）各季度检查情况').slice(1)).toEqual([
      '2021年第四季度 合格 已恢复更新',
      '2021年第三季度 不合格 连续 2 个季度 超过两周未更新 连续 2 个季度 正在整改',
      '2021年第二季度 不合格 超过两周未更新',
      '2021年第一季度 合格',
    ]);
    expect(text(html)).toContain('合格 2 次，不合格 2 次');
    expect(html).toContain(`href="/${unitPage('虚构市教育局')}/"`);
    expect(html).toContain('href="/bulletins/2021-q2/#account-2"');
    expect(html).not.toContain('<canvas');
  });

  it("lists a unit's accounts per quarter", () => {
    const html = site.page(unitPage('虚构乙县公安局'));
    expect(tableRows(html, '虚构乙县公安局各季度政务新媒体抽查结果').slice(1)).toEqual([
      '2021年第四季度 2 1 50% 虚构乙县公安（微信）',
      '2021年第三季度 1 1 100% 无',
      '2021年第二季度 1 1 100% 无',
      '2021年第一季度 1 1 100% 无',
    ]);
  });

  it('links every annex name and unit to a page that exists', () => {
    const html = site.page('bulletins/2021-q4');
    const annexes = html.slice(html.indexOf('id="annex-1"'));
    const links = [...annexes.matchAll(/href="\/((?:websites|accounts|units)\/[^"]+)"/g)].map((m) => m[1]!);
    // 4 websites; 5 accounts, each with its unit.
    expect(links.filter((l) => l.startsWith('websites/'))).toHaveLength(4);
    expect(links.filter((l) => l.startsWith('accounts/'))).toHaveLength(5);
    expect(links.filter((l) => l.startsWith('units/'))).toHaveLength(5);
    for (const link of links) expect(existsSync(join(site.out, link, 'index.html')), link).toBe(true);
    expect(links).toContain(`${websitePage('虚构市教育局网站')}/`);
  });

  it('has trend tables with the right numbers per quarter', () => {
    const html = site.page('trends');
    expect(tableRows(html, '各季度抽查的政府网站和政务新媒体数')).toEqual([
      '季度 政府网站（个） 政务新媒体（个）',
      '2021年第一季度 3 4',
      '2021年第二季度 3 4',
      '2021年第三季度 2 4',
      '2021年第四季度 4 5',
    ]);
    expect(tableRows(html, '各季度政府网站总分的最高分、平均分和最低分').slice(1)).toEqual([
      '2021年第一季度 110 98.33 90',
      '2021年第二季度 100 92 80',
      '2021年第三季度 100 85 70',
      '2021年第四季度 110 101.5 97',
    ]);
    expect(tableRows(html, '各季度单项否决项为“是”的网站数').slice(1)).toEqual([
      '2021年第一季度 0 1 0 0 0',
      '2021年第二季度 0 1 0 0 0',
      '2021年第三季度 1 1 0 0 0',
      '2021年第四季度 0 0 0 0 0',
    ]);
    expect(tableRows(html, '政府网站：各季度连续出现的问题')).toEqual([
      '季度 栏目不更新（个） 错别字（个） 网页标签不规范（个） 文件解读不规范（个） 有连续问题的网站（个）',
      '2021年第一季度 0 0 0 0 0',
      '2021年第二季度 1 1 0 0 2',
      '2021年第三季度 1 0 1 1 2',
      '2021年第四季度 0 0 0 1 1',
    ]);
    expect(tableRows(html, '政务新媒体：各季度连续出现的问题').slice(1)).toEqual([
      '2021年第一季度 0 0 0',
      '2021年第二季度 0 0 0',
      '2021年第三季度 1 1 1',
      '2021年第四季度 0 0 0',
    ]);
    expect(tableRows(html, '各季度政务新媒体合格率</caption>').slice(1)).toEqual([
      '2021年第一季度 75%',
      '2021年第二季度 75%',
      '2021年第三季度 50%',
      '2021年第四季度 80%',
    ]);
    expect(tableRows(html, '各季度政务新媒体合格率（按账号类型）')).toEqual([
      '季度 抖音 今日头条 微信 新浪微博',
      '2021年第一季度 100% 100% 100% 0%',
      '2021年第二季度 0% 100% 100% 100%',
      '2021年第三季度 0% — 100% 0%',
      '2021年第四季度 100% 100% 50% 100%',
    ]);
    expect(tableRows(html, '2021年第四季度各地区检查情况')).toEqual([
      '所属地区 网站数（个） 网站平均得分（分） 有单项否决项的网站（个） 新媒体数（个） 新媒体合格率',
      '市直 1 97 0 2 100%',
      '丙县 1 100 0 0 —',
      '甲区 1 110 0 1 100%',
      '乙县 1 99 0 2 50%',
    ]);
    // Every series is also a chart, with a summary for screen readers.
    expect(html.match(/<canvas role="img" aria-label="[^"]+"/g)).toHaveLength(8);
    expect(html).toContain(
      'aria-label="柱状图：2021年第四季度各地区检查情况（横轴从 0 起）。新媒体合格率：最高为市直 100%，最低为乙县 50%',
    );
  });

  it('shows the headline trend on the home page and 趋势 in the navigation', () => {
    const html = site.page('');
    expect(text(html)).toContain(
      '较上一季度（2021年第三季度）：网站平均得分 85 → 101.5（+16.5 分），政务新媒体合格率 50% → 80%（+30 个百分点）',
    );
    expect(html).toMatch(/<a href="\/trends\/"[^>]*>\s*趋势\s*<\/a>/);
  });

  it('groups the website and account indexes by 所属地区, city level (市直) first, and the accounts by unit', () => {
    expect(text(site.page('websites'))).toMatch(/市直 .* 丙县 .* 甲区 .* 乙县 /);
    const html = site.page('accounts');
    expect(text(html)).toMatch(/市直 .* 甲区 .* 乙县 /);
    const accounts = tableRows(html, '乙县的政务新媒体账号（按单位）');
    expect(accounts).toContain('虚构乙县公安局 虚构平安乙县 今日头条 3 合格（2021年第四季度）');
    expect(accounts).toContain('虚构乙县公安 微信 2 不合格（2021年第四季度）');
    expect(html).toContain('href="/units/"');
  });

  it('lists every unit on /units/ by 所属地区 with its account count and latest pass count, linked both ways', () => {
    const html = site.page('units');
    expect(text(html)).toMatch(/共 3 个单位，按所属地区排列.* 市直 .* 甲区 .* 乙县 /);
    const header = '单位名称 账号总数 最近抽查季度 当季抽查 当季合格';
    expect(tableRows(html, '市直开设政务新媒体的单位')).toEqual([
      header,
      '虚构市教育局 2 2021年第四季度 2 2',
    ]);
    expect(tableRows(html, '乙县开设政务新媒体的单位')).toEqual([
      header,
      '虚构乙县公安局 2 2021年第四季度 2 1',
    ]);
    for (const unit of ['虚构市教育局', '虚构甲区人民政府', '虚构乙县公安局'])
      expect(html).toContain(`href="/${unitPage(unit)}/"`);
    expect(html).not.toContain('class="pager"');
    // Each unit page's breadcrumb leads back to the list.
    const unit = site.page(unitPage('虚构乙县公安局'));
    expect(unit).toMatch(
      /<a href="\/accounts\/"[^>]*>政务新媒体<\/a> › <a href="\/units\/"[^>]*>单位<\/a> › <span aria-current="page"[^>]*>虚构乙县公安局<\/span>/,
    );
  });
});

describe('build of the real 2020-Q3 alone (frozen copy, one quarter)', () => {
  let site: ReturnType<typeof buildSite>;
  beforeAll(() => {
    site = buildSite(SEED_DATA);
  });

  it('renders the trends page with the single-quarter message, tables and no chart', () => {
    expect(site.code, site.log).toBe(0);
    const html = site.page('trends');
    expect(text(html)).toContain('目前只有一个季度（2020年第三季度）的检查数据，还无法比较前后变化');
    expect(tableRows(html, '各季度抽查的政府网站和政务新媒体数').slice(1)).toEqual(['2020年第三季度 7 48']);
    expect(tableRows(html, '各季度政府网站总分的最高分、平均分和最低分').slice(1)).toEqual([
      '2020年第三季度 115.5 103.93 96',
    ]);
    expect(text(html)).toContain('2020年第三季度的数据没有“所属地区”一列，无法按地区比较');
    expect(html).not.toContain('<canvas');
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('renders entity pages with the single-quarter message', () => {
    const html = site.page(websitePage('中国潮州政府网站'));
    expect(text(html)).toContain('目前只有一个季度（2020年第三季度）的检查数据');
    expect(tableRows(html, '中国潮州政府网站各季度检查情况').slice(1)).toEqual([
      '2020年第三季度 栏目不更新 22 13 109',
    ]);
    expect(html).not.toContain('<canvas');
    const account = site.page(accountPage('微信', '潮州司法潮州普法'));
    expect(tableRows(account, '各季度检查情况').slice(1)).toEqual(['2020年第三季度 合格']);
    expect(text(site.page(''))).toContain('目前只有一个季度的数据');
  });

  it('lists the units without 所属地区 in one table, by name', () => {
    const html = site.page('units');
    const rows = tableRows(html, '<caption id="units-caption-1">开设政务新媒体的单位');
    expect(rows).toHaveLength(31);
    expect(rows[1]).toBe('潮州市城市管理和综合执法局 1 2020年第三季度 1 1');
    expect(rows).toContain('潮州市公安局 7 2020年第三季度 7 7');
    expect(text(html)).toContain('共 30 个单位，按单位名称排列');
    expect(text(html)).not.toContain('未注明地区');
  });
});
