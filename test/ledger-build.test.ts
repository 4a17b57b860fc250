/**
 * The built site of a repository with history (test/support/git-repo.ts): the four invented quarters of
 * test/fixtures/history committed as staff would, then 2021-Q4 corrected with its entry. Every version is offered at a
 * fixed address and in the data package, the correction shows the cells it changed, and each bulletin after the first
 * compares itself with the quarter before.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './support/build.ts';
import { checkDataPackage, checkRows } from './support/datapackage.ts';
import { brokenLinks } from './support/dist.ts';
import { htmlProblems } from './support/gates.ts';
import { correctedHistoryRepo } from './support/git-repo.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');

describe('a site built from a repository with a corrected quarter', () => {
  let out: string;
  let page: (path: string) => string;
  let file: (path: string) => Buffer;
  let v1: string;
  let v2: string;
  beforeAll(() => {
    const repo = correctedHistoryRepo();
    ({ v1, v2 } = repo);
    const site = buildSite(repo.data);
    expect(site.code, site.log).toBe(0);
    out = site.out;
    page = (path) => text(site.page(path));
    file = (path) => readFileSync(join(out, path));
  });

  it('offers both versions at fixed addresses, made from each version’s own data; the current files are the latest', () => {
    const v1Csv = file('data/2021-q4/v1/websites.csv').toString('utf8');
    const v2Csv = file('data/2021-q4/v2/websites.csv').toString('utf8');
    expect(v1Csv).toContain('虚构市教育局网站,否,否,否,否,否,文件解读不规范,0,3,97');
    expect(v2Csv).toContain('虚构市教育局网站,否,否,否,否,否,文件解读不规范,0,2.5,97.5');
    expect(file('data/2021-q4/websites.csv').toString('utf8')).toBe(v2Csv);
    expect(JSON.parse(file('data/2021-q4/v1/websites.json').toString('utf8')).quarter.corrections).toEqual(
      [],
    );
    expect(existsSync(join(out, 'data/2021-q4/v1/new-media.json'))).toBe(true);
    // Quarters never corrected have their v1.
    expect(file('data/2021-q1/v1/websites.csv').equals(file('data/2021-q1/websites.csv'))).toBe(true);
    expect(existsSync(join(out, 'data/2021-q1/v2'))).toBe(false);
  });

  it('shows under the correction entry the cells it changed, and lists the versions on the bulletin and /data/ pages', () => {
    const q4 = page('bulletins/2021-q4');
    expect(q4).toContain(
      '附件1第4行扣分由 3 更正为 2.5（虚构） 由 v1 与 v2 的数据逐格比较得出： 左右滑动查看更多列 附件1中改动的单元格 行 名称 列 原值 更正为 4 虚构市教育局网站 扣分 3 2.5 4 虚构市教育局网站 总分 97 97.5',
    );
    expect(q4).toContain(`v1 ：2022年1月20日在本网站首次发布（提交 ${v1.slice(0, 7)} ）`);
    expect(q4).toContain(`v2 ：2022年2月10日更正（提交 ${v2.slice(0, 7)} ）`);
    expect(q4).toContain('当前数据即 v2');
    const data = page('data');
    expect(data).toContain('v2');
    expect(readFileSync(join(out, 'data/index.html'), 'utf8')).toContain('/data/2021-q4/v1/websites.csv');
  });

  it('says the same in the RSS item of the corrected quarter', () => {
    const rss = file('rss.xml').toString('utf8');
    expect(rss).toContain(
      '更正（2022-02-10）：附件1第4行扣分由 3 更正为 2.5（虚构）\n改动的数据：附件1第4行（虚构市教育局网站）扣分 “3” → “2.5”；附件1第4行（虚构市教育局网站）总分 “97” → “97.5”',
    );
  });

  it('lists every version in the data package with its date, commit, bytes and sha256, and the package passes the structural check', () => {
    const pkg = JSON.parse(file('data/datapackage.json').toString('utf8'));
    expect(checkDataPackage(pkg)).toEqual([]);
    const files = readdirSync(join(out, 'data'), { recursive: true, encoding: 'utf8' })
      .filter(
        (p) => statSync(join(out, 'data', p)).isFile() && !['index.html', 'datapackage.json'].includes(p),
      )
      .sort();
    expect(pkg.resources.map((r: { path: string }) => r.path).sort()).toEqual(files);
    for (const r of pkg.resources) {
      const bytes = file(`data/${r.path}`);
      expect(r.bytes, r.path).toBe(bytes.length);
      expect(r.hash, r.path).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      if (r.format !== 'csv') continue;
      const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
      expect(checkRows(r.schema, rows[0]!, rows.slice(1)), r.path).toEqual([]);
    }
    const versions = pkg.resources.filter((r: { path: string }) => r.path.startsWith('2021-q4/v'));
    expect(
      versions.map((r: Record<string, unknown>) => [r.path, r.version, r.versionDate, r.commit]),
    ).toEqual([
      ['2021-q4/v1/websites.csv', 1, '2022-01-20', v1],
      ['2021-q4/v1/websites.json', 1, '2022-01-20', v1],
      ['2021-q4/v1/new-media.csv', 1, '2022-01-20', v1],
      ['2021-q4/v1/new-media.json', 1, '2022-01-20', v1],
      ['2021-q4/v2/websites.csv', 2, '2022-02-10', v2],
      ['2021-q4/v2/websites.json', 2, '2022-02-10', v2],
      ['2021-q4/v2/new-media.csv', 2, '2022-02-10', v2],
      ['2021-q4/v2/new-media.json', 2, '2022-02-10', v2],
    ]);
  });

  it('compares each bulletin after the first with the quarter before, from the data: resolved, persisted (连续), new, scores', () => {
    expect(page('bulletins/2021-q1')).not.toContain('与上季度相比');
    const q2 = page('bulletins/2021-q2');
    expect(q2).toContain('与上季度相比 与 2021年第一季度 相比');
    expect(q2).toContain('仍然存在的问题（2 个网站） 虚构甲区人民政府网站 ：栏目不更新（连续 2 个季度）');
    expect(q2).toContain(
      '新出现的问题（2 个网站） 虚构甲区人民政府网站 ：网页标签不规范 虚构市教育局网站 ：文件解读不规范',
    );
    expect(q2).toContain(
      '下降最多： 虚构市教育局网站 ：110 → 96（−14） 虚构甲区人民政府网站 ：90 → 80（−10）',
    );
    expect(q2).toContain('由合格转为不合格（1 个） 虚构教育（抖音）');
    const q4 = page('bulletins/2021-q4');
    expect(q4).toContain(
      '问题已解决（1 个网站） 虚构甲区人民政府网站 ：首页不更新、栏目不更新、网页标签不规范',
    );
    expect(q4).toContain('仍然存在的问题（1 个网站） 虚构市教育局网站 ：文件解读不规范（连续 3 个季度）');
    expect(q4).toContain('上升最多： 虚构甲区人民政府网站 ：70 → 110（+40）');
    expect(q4).toContain('本季度新抽查的网站（2 个） 虚构丙县人民政府网站 虚构乙县人民政府网站');
    // Names link to their history pages.
    expect(readFileSync(join(out, 'bulletins/2021-q4/index.html'), 'utf8')).toMatch(
      /<a href="\/websites\/[^"]+\/"[^>]*>虚构甲区人民政府网站<\/a>：首页不更新/,
    );
  });

  it('writes valid HTML (html-validate and the W3C Nu checker) with no broken link', async () => {
    expect(await htmlProblems(out)).toEqual([]);
    expect(brokenLinks(out)).toEqual([]);
    const r = spawnSync(
      'java',
      [
        '-jar',
        'node_modules/vnu-jar/build/dist/vnu.jar',
        '--skip-non-html',
        '--errors-only',
        join(out, 'bulletins'),
        join(out, 'data'),
      ],
      { encoding: 'utf8' },
    );
    if (r.error) throw new Error(`无法运行 Java（W3C Nu 检查器需要 Java 8 以上）：${r.error.message}`);
    expect(r.stderr + r.stdout).toBe('');
  });
});
