/**
 * Builds the fixtures whose quarters published one annex only and reads what they publish: no empty annex, no
 * download, data package resource, chart point or section for a table a quarter did not publish.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountKey, accountSlug } from '../src/lib/identity.ts';
import { buildSite } from './support/build.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
function tableRows(html: string, caption: string): string[] {
  const at = html.indexOf(caption);
  if (at < 0) throw new Error(`no table captioned ${caption}`);
  const table = html.slice(at, html.indexOf('</table>', at));
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => text(m[1]!));
}

describe('build of quarters with 附件1 only (test/fixtures/websites-only)', () => {
  let site: ReturnType<typeof buildSite>;
  const file = (path: string) => join(site.out, path);
  beforeAll(() => {
    site = buildSite('test/fixtures/websites-only');
  });

  it('succeeds', () => {
    expect(site.code, site.log).toBe(0);
  });

  it('shows 附件1 and no empty 附件2, new-media figures or platform table on the bulletin', () => {
    const html = site.page('bulletins/2021-q1');
    expect(html).toContain('id="annex-1"');
    expect(html).not.toContain('id="annex-2"');
    expect(html).not.toContain('附件2');
    expect(text(html)).not.toMatch(/政务新媒体合格率|抽查政务新媒体|按账号类型/);
    expect(text(html)).toContain('此次抽查政府网站 3 个');
  });

  it('prints a blank 其他问题 as 无, on the page as in the CSV', () => {
    const row = site.page('bulletins/2021-q1').match(/<tr id="website-3">([\s\S]*?)<\/tr>/)![1]!;
    expect(text(row)).toBe('3 虚构市交通局网站 否 否 否 否 否 无 0 4 96 市直');
    expect(readFileSync(file('data/2021-q1/websites.csv'), 'utf8')).toContain(
      '\r\n3,虚构市交通局网站,否,否,否,否,否,无,0,4,96,市直\r\n',
    );
  });

  it('has no new-media download, data package resource or download link', () => {
    for (const path of [
      'data/2021-q1/new-media.csv',
      'data/2021-q1/new-media.json',
      'data/all/new-media.csv',
      'data/all/new-media.json',
    ]) {
      expect(existsSync(file(path)), path).toBe(false);
    }
    expect(existsSync(file('data/2021-q2/websites.csv'))).toBe(true);
    const pkg = JSON.parse(readFileSync(file('data/datapackage.json'), 'utf8')) as {
      resources: { path: string }[];
    };
    expect(pkg.resources.map((r) => r.path)).toEqual([
      '2021-q1/websites.csv',
      '2021-q1/websites.json',
      '2021-q2/websites.csv',
      '2021-q2/websites.json',
      'all/websites.csv',
      'all/websites.json',
    ]);
    const data = site.page('data');
    expect(data).not.toContain('new-media');
    expect(text(data)).not.toContain('附件2');
  });

  it('has no new-media series or section in the trends, and no 0 standing for it', () => {
    const html = site.page('trends');
    expect(tableRows(html, '各季度抽查的政府网站和政务新媒体数')).toEqual([
      '季度 政府网站（个）',
      '2021年第一季度 3',
      '2021年第二季度 3',
    ]);
    expect(html).not.toContain('id="rates-title"');
    expect(html).not.toContain('id="pass-rate"');
    expect(html).not.toContain('政务新媒体：');
    expect(html).not.toContain('href="#rates-title"');
    const main = text(html.slice(html.indexOf('<main'), html.indexOf('</main>')));
    expect(main).not.toMatch(/新媒体合格率|全部政务新媒体/);
    expect(tableRows(html, '各地区检查情况')[0]).toBe(
      '所属地区 网站数（个） 网站平均得分（分） 有单项否决项的网站（个）',
    );
    expect(text(site.page(''))).not.toContain('政务新媒体合格率');
  });
});

describe('build of a quarter with 附件2 only after one with both (test/fixtures/new-media-only)', () => {
  let site: ReturnType<typeof buildSite>;
  const file = (path: string) => join(site.out, path);
  beforeAll(() => {
    site = buildSite('test/fixtures/new-media-only');
  });

  it('succeeds', () => {
    expect(site.code, site.log).toBe(0);
  });

  it('shows 附件2 only on the 2021-Q2 bulletin, both annexes on 2021-Q1', () => {
    const q2 = site.page('bulletins/2021-q2');
    expect(q2).toContain('id="annex-2"');
    expect(q2).not.toContain('id="annex-1"');
    expect(text(q2)).not.toMatch(/附件1|网站平均得分|抽查政府网站/);
    const q1 = site.page('bulletins/2021-q1');
    expect([q1.includes('id="annex-1"'), q1.includes('id="annex-2"')]).toEqual([true, true]);
  });

  it('has no 2021-Q2 websites download or data package resource', () => {
    expect(existsSync(file('data/2021-q2/websites.csv'))).toBe(false);
    expect(existsSync(file('data/2021-q2/websites.json'))).toBe(false);
    expect(existsSync(file('data/2021-q2/new-media.csv'))).toBe(true);
    const pkg = JSON.parse(readFileSync(file('data/datapackage.json'), 'utf8')) as {
      resources: { path: string }[];
    };
    expect(pkg.resources.map((r) => r.path).filter((p) => p.startsWith('2021-q2/'))).toEqual([
      '2021-q2/new-media.csv',
      '2021-q2/new-media.json',
    ]);
    expect(readFileSync(file('data/all/websites.csv'), 'utf8')).not.toContain('2021-Q2');
    expect(text(site.page('data'))).toContain('本期无此附件');
  });

  it('leaves the websites trend empty in 2021-Q2, never 0', () => {
    const html = site.page('trends');
    expect(tableRows(html, '各季度抽查的政府网站和政务新媒体数').slice(1)).toEqual([
      '2021年第一季度 2 3',
      '2021年第二季度 — 4',
    ]);
    expect(tableRows(html, '各季度政府网站总分的最高分、平均分和最低分').slice(1)).toEqual([
      '2021年第一季度 108 97.75 87.5',
      '2021年第二季度 — — —',
    ]);
    expect(tableRows(html, '各季度单项否决项为“是”的网站数')[2]).toBe('2021年第二季度 — — — — —');
  });

  it('does not call 暂无 a problem, let alone a repeated one', () => {
    const html = site.page(
      `accounts/${accountSlug(accountKey({ platform: '微信', account: '虚构暂无号' }))}`,
    );
    expect(text(html)).not.toContain('连续');
    expect(tableRows(html, '各季度检查情况').slice(1)).toEqual([
      '2021年第二季度 合格',
      '2021年第一季度 合格',
    ]);
    const failing = site.page(
      `accounts/${accountSlug(accountKey({ platform: '新浪微博', account: '虚构乙县发布' }))}`,
    );
    expect(text(failing)).toContain('超过两周未更新 连续 2 个季度');
  });
});
