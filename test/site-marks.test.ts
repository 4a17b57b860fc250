/**
 * A second site configuration: test/fixtures/other-city (an invented city with data/site.yml) builds a site that
 * names that city and shows its marks, and nothing of the default title or of the first city (潮州). Without site.yml
 * the generic title and no marks. robots.txt under a sub-path. Every page of both builds passes the W3C Nu checker.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SITE_TITLE } from '../src/site.ts';
import { buildSite } from './support/build.ts';
import { brokenLinks, htmlPages, listFiles } from './support/dist.ts';

const OTHER = 'test/fixtures/other-city';
const BASE = '/sub/';
const ORIGIN = 'https://lanjiang.example.invalid';
const NAME = '澜江市政府网站检查公示（虚构）';
const VNU = 'node_modules/vnu-jar/build/dist/vnu.jar';

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
const text = (html: string) =>
  decode(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
const between = (html: string, open: RegExp, close: string) => {
  const start = html.search(open);
  return start === -1 ? '' : html.slice(start, html.indexOf(close, start) + close.length);
};

describe('site.yml: another city’s name and marks', () => {
  let other: ReturnType<typeof buildSite>;
  let plain: ReturnType<typeof buildSite>;
  beforeAll(() => {
    other = buildSite(OTHER, { BASE_PATH: BASE, SITE_URL: ORIGIN });
    if (other.code !== 0) throw new Error(other.log);
    plain = buildSite('test/fixtures/basic');
    if (plain.code !== 0) throw new Error(plain.log);
  });

  it('names the city in every page’s header and <title>, and shows each mark in the footer', () => {
    const pages = htmlPages(other.out);
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) {
      const html = readFileSync(join(other.out, page), 'utf8');
      const title = decode(/<title>([^<]*)<\/title>/.exec(html)![1]!);
      expect(title === NAME || title.endsWith(` - ${NAME}`), `${page}: ${title}`).toBe(true);
      expect(text(between(html, /<a class="site-title"/, '</a>')), page).toBe(NAME);
      expect(html).toContain(`<meta property="og:site_name" content="${NAME}">`);
      const footer = text(between(html, /<div class="site-marks">/, '</footer>'));
      expect(footer, page).toBe(
        '主办单位：（虚构）澜江市人民政府办公室 承办单位：（虚构）澜江市政务服务数据管理局 ' +
          '网站标识码：XG00000001 澜ICP备00000000号-1 澜公网安备00000000000000号 ' +
          '联系方式：联系电话：0000-0000000（虚构）；电子邮箱：contact@example.invalid',
      );
    }
    const footer = between(other.page(''), /<div class="site-marks">/, '</footer>');
    expect(footer).toContain('<img class="site-emblem" src="/sub/favicon.svg" alt="党政机关网站标识">');
    expect(footer).toContain('<a href="https://beian.miit.gov.cn/" rel="noopener">澜ICP备00000000号-1</a>');
    expect(footer).toContain(
      '<a href="https://beian.example.invalid/query?code=00000000000000" rel="noopener">澜公网安备00000000000000号</a>',
    );
    expect(brokenLinks(other.out, BASE)).toEqual([]);
  });

  it('shows nothing of the default title or of the first city (潮州), in any file', () => {
    for (const file of listFiles(other.out).filter((f) => /\.(html|xml|json|csv|txt|js)$/.test(f))) {
      const content = readFileSync(file, 'utf8');
      expect(content.includes('潮州'), file).toBe(false);
    }
    for (const page of htmlPages(other.out)) {
      const html = readFileSync(join(other.out, page), 'utf8');
      // Where a page names its site: <title>, og:title, og:site_name, the feed's link.
      const names = [
        ...html.matchAll(
          /<title>([^<]*)<\/title>|<meta property="og:(?:title|site_name)" content="([^"]*)"|<link rel="alternate"[^>]* title="([^"]*)"/g,
        ),
      ];
      expect(names.length, page).toBeGreaterThanOrEqual(3);
      for (const m of names)
        expect(decode(m[1] ?? m[2] ?? m[3]!).includes(SITE_TITLE), `${page}: default title in ${m[0]}`).toBe(
          false,
        );
      expect(
        between(html, /<header/, '</header>').includes(SITE_TITLE),
        `${page}: default title in the header`,
      ).toBe(false);
    }
    expect(readFileSync(join(other.out, 'rss.xml'), 'utf8')).toContain(`<title>${NAME}</title>`);
    expect(JSON.parse(readFileSync(join(other.out, 'data/datapackage.json'), 'utf8')).title).toBe(
      `${NAME}：附件数据`,
    );
  });

  it('without site.yml keeps the generic title and shows no marks (never an invented value)', () => {
    const home = plain.page('');
    expect(home).toContain(`<title>${SITE_TITLE}</title>`);
    expect(text(between(home, /<a class="site-title"/, '</a>'))).toBe(SITE_TITLE);
    for (const page of htmlPages(plain.out)) {
      const html = readFileSync(join(plain.out, page), 'utf8');
      const footer = between(html, /<footer/, '</footer>');
      expect(
        footer.includes('site-marks') || /主办单位|网站标识码|ICP备|公网安备|党政机关网站标识/.test(footer),
        page,
      ).toBe(false);
    }
  });

  it('writes robots.txt that points at the sitemap under SITE_URL and BASE_PATH', () => {
    expect(readFileSync(join(other.out, 'robots.txt'), 'utf8')).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}${BASE}sitemap-index.xml\n`,
    );
    expect(readFileSync(join(plain.out, 'robots.txt'), 'utf8')).toContain(
      'Sitemap: https://example.gov.cn/sitemap-index.xml',
    );
  });

  it('every page passes the W3C Nu HTML checker (vnu-jar) with no errors', () => {
    // One JVM for both sites; warnings are not errors (Nu also warns that the CSP blocks the site's own files,
    // which it reads from file: URLs, where 'self' cannot match).
    const r = spawnSync('java', ['-jar', VNU, '--skip-non-html', '--errors-only', other.out, plain.out], {
      encoding: 'utf8',
    });
    if (r.error)
      throw new Error(
        `无法运行 Java（W3C Nu 检查器需要 Java 8 以上：apt-get install default-jre-headless）：${r.error.message}`,
      );
    expect(r.stderr + r.stdout).toBe('');
    expect(r.status).toBe(0);
  });
});
