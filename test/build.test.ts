/** Builds whole sites from data folders, as `npm run build` does, and reads the pages it writes. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, freshOutDir } from './support/build.ts';
import { scaffoldQuarter } from '../src/node/scaffold.ts';
import { NEW_MEDIA_HEADER, SEED_DATA, fillScaffold, tempDir, writeQuarter } from './support/fixtures.ts';

/** Visible text of an HTML fragment, tags dropped and whitespace folded. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');

// The real 2020-Q3 as published, from its frozen copy; what must hold for whatever data/ holds is in data.test.ts.
describe('build of the real 2020-Q3 (frozen copy, test/fixtures/seed)', () => {
  let site: ReturnType<typeof buildSite>;
  beforeAll(() => {
    site = buildSite(SEED_DATA);
  });

  it('succeeds and prints the validation summary', () => {
    expect(site.code, site.log).toBe(0);
    expect(site.log).toContain('校验通过：共 ');
  });

  it('publishes the 2020-Q3 bulletin with its metadata, prose figures and both annexes in full', () => {
    const html = site.page('bulletins/2020-q3');
    expect(html).toContain('<html lang="zh-CN">');
    const t = text(html);
    expect(t).toContain('潮州市人民政府办公室关于2020年第三季度全市政府网站与政务新媒体检查情况的通报');
    expect(t).toMatch(/成文日期 2020年10月26日/);
    expect(t).toMatch(/公开方式 主动公开/);
    expect(t).toMatch(/此次对全市 7 个政府网站全部进行了抽查/);
    expect(t).toMatch(/抽查已经报备的政务新媒体 48 个/);
    expect(t).toMatch(/抽查率均为 100% 。/);
    expect(t).toContain('四是个别停用的政务新媒体没有按照要求注销账号');
    // 附件1: every website row with its flags, problems and scores.
    const annex1 = html.slice(html.indexOf('id="annex-1"'), html.indexOf('id="annex-2"'));
    expect(annex1.match(/<tr id="website-/g)).toHaveLength(7);
    expect(text(annex1)).toContain(
      '4 潮安区人民政府公众网 否 是 否 否 否 文件解读不规范，存在未注销的新媒体账号 15 9.5 105.5',
    );
    expect(text(annex1)).toContain('5 饶平县人民政府网站 否 否 否 否 否 网页标签不规范 16 0.5 115.5');
    expect(text(annex1)).toContain('注：抽查采样时间截止2020年7月24日');
    // 附件2: every account.
    const annex2 = html.slice(html.indexOf('id="annex-2"'));
    expect(annex2.match(/<tr id="account-/g)).toHaveLength(48);
    expect(text(annex2)).toContain('26 潮州市司法局 微信 潮州司法潮州普法 合格');
    expect(text(annex2)).toContain('48 潮州新区 微信 潮州新区 合格');
    expect(annex1).toContain(
      '<caption id="annex-1-caption"><span>第三季度政府网站抽查情况统计表</span></caption>',
    );
    expect(annex1).toContain('<th scope="col" class="col-total">总分</th>');
  });

  it('lists the quarter on the home page with its key figures', () => {
    const t = text(site.page(''));
    expect(t).toContain('最新一期： 2020年第三季度');
    expect(t).toMatch(/网站平均得分 103\.93 最低 96，最高 115\.5/);
    expect(t).toMatch(/政务新媒体合格率 100%/);
  });
});

describe('build of a fixture data folder', () => {
  let site: ReturnType<typeof buildSite>;
  beforeAll(() => {
    site = buildSite('test/fixtures/basic');
  });

  it('publishes the proactively disclosed quarter and not the draft', () => {
    expect(site.code, site.log).toBe(0);
    expect(existsSync(join(site.out, 'bulletins/2021-q1/index.html'))).toBe(true);
    expect(existsSync(join(site.out, 'bulletins/2021-q2'))).toBe(false);
  });

  it('renders figures from the data and the optional columns the table has', () => {
    const html = site.page('bulletins/2021-q1');
    const t = text(html);
    expect(t).toMatch(
      /抽查政府网站 3 个，抽查率 75% ；抽查政务新媒体 4 个，合格 3 个，合格率 75% 。网站最高分 109 分/,
    );
    expect(t).toMatch(/文号 虚府办函〔2021〕1号/);
    expect(html).toContain('<th scope="col" class="col-region">所属地区</th>');
    expect(html).toContain('<th scope="col" class="col-problem">问题描述</th>');
    expect(t).toContain('3 虚构甲区人民政府 新浪微博 虚构甲区发布 不合格 超过两周未更新');
  });
});

describe('build of bad data', () => {
  it('fails with a path:line message and writes no site', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1', { 'new-media.csv': `${NEW_MEDIA_HEADER}\n1,甲局,微信公众号,甲发布,合格\n` });
    const site = buildSite(dir);
    expect(site.code).not.toBe(0);
    expect(site.log).toContain(`${dir}/2021-Q1/new-media.csv:2: 错误：账号类型 “微信公众号”：应为“微信”？`);
    expect(existsSync(site.out)).toBe(false);
  });
});

/** Path → SHA-256 of every file under `dir`, and every folder, so any change shows. */
function treeHashes(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    hashes[relative(dir, path)] = entry.isDirectory()
      ? 'dir'
      : createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return hashes;
}

describe('a failed build leaves the previous site untouched', () => {
  // Inside the project (see freshOutDir), so this build shares no intermediate folder with parallel builds.
  const parent = dirname(freshOutDir());
  const out = join(parent, 'site');
  let before: Record<string, string>;

  beforeAll(() => {
    // The first good build: a quarter made with npm run new-quarter and filled in, so the template builds too.
    const data = tempDir();
    const r = scaffoldQuarter(data, '2021-Q1');
    if (!r.ok) throw new Error(r.message);
    fillScaffold(r.dir);
    const good = buildSite(data, {}, out);
    expect(good.code, good.log).toBe(0);
    expect(text(good.page('bulletins/2021-q1'))).toMatch(
      /此次抽查政府网站 3 个，抽查率 100% ；抽查政务新媒体 4 个/,
    );
    before = treeHashes(out);
    expect(Object.keys(before).length).toBeGreaterThan(3);
  });

  it('bad data: fails before Astro runs, the folder is byte-identical', () => {
    const data = tempDir();
    writeQuarter(data, '2021-Q1', { 'websites.csv': `序号,网站名称\n1,甲\n` });
    const bad = buildSite(data, {}, out);
    expect(bad.code).toBe(1);
    expect(bad.log).toContain(`${data}/2021-Q1/websites.csv:1: 错误：首页不更新：缺少必填列`);
    expect(bad.log).toContain('网站未生成，原有的');
    expect(treeHashes(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['site']);
  });

  it('an Astro error after validation passed (a SITE_URL that is not a URL): the folder is byte-identical', () => {
    // Data can no longer break Astro once validation has passed (it compiles the MDX as the build does).
    const data = tempDir();
    writeQuarter(data, '2021-Q1');
    const bad = buildSite(data, { SITE_URL: 'not a url' }, out);
    expect(bad.code).not.toBe(0);
    expect(bad.log).toContain('校验通过');
    expect(bad.log).toContain('构建失败，原有的');
    expect(treeHashes(out)).toEqual(before);
    expect(readdirSync(parent)).toEqual(['site']);
  });

  it('a good build replaces the whole folder, leaving nothing of the old site', () => {
    const good = buildSite('test/fixtures/basic', {}, out);
    expect(good.code, good.log).toBe(0);
    expect(text(good.page('bulletins/2021-q1'))).toContain('虚构甲区人民政府');
    expect(readdirSync(parent)).toEqual(['site']);
  });
});
