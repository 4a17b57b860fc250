/**
 * The MDX check and the real build agree: prose that validates builds and renders (everything staff may write, in one
 * bulletin), and prose that would break the build never reaches Astro: `npm run build` stops at validation and shows
 * its located Chinese message, not Astro's English error or a stack trace.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSite } from './support/build.ts';
import { BULLETIN, tempDir, writeQuarter } from './support/fixtures.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/\s+/g, ' ');

/** Everything the README tells staff to write instead of what MDX refuses, plus the usual Markdown. */
const ALLOWED = `
## 二、发现主要问题

一是得分&lt;100分的网站有<Stat name="网站数" />个，得分＜60分的没有，a < b 也可以。

二是括注写成（如潮州创森）或「如潮州创森」，确需大括号写成 \\{如此\\}。

- **加粗**、*强调*、[链接](https://www.gov.cn)、\`代码{x}\`

| 项目 | 数量 |
|---|---|
| 新媒体 | <Stat name="新媒体数" /> |

<Stat name="新媒体合格率" />
`;

describe('MDX: validate and the real build agree', () => {
  it('builds a bulletin using every construct validation allows, rendered as written', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1', { 'bulletin.mdx': BULLETIN + ALLOWED });
    const site = buildSite(dir);
    expect(site.code, site.log).toBe(0);
    const t = text(site.page('bulletins/2021-q1'));
    expect(t).toContain('一是得分<100分的网站有 3 个，得分＜60分的没有，a < b 也可以。');
    expect(t).toContain('二是括注写成（如潮州创森）或「如潮州创森」，确需大括号写成 {如此}。');
    expect(t).toContain('代码{x}');
    expect(t).toMatch(/新媒体 4 /);
  });

  it('refuses prose that would break the build at validation, before Astro writes anything', () => {
    const dir = tempDir();
    const prose = '此次创建{如潮州创森}工作。';
    const bulletin = `${BULLETIN}\n${prose}\n`;
    writeQuarter(dir, '2021-Q1', { 'bulletin.mdx': bulletin });
    const site = buildSite(dir);
    expect(site.code).toBe(1);
    const line = bulletin.split('\n').indexOf(prose) + 1;
    expect(site.log).toContain(
      `${dir}/2021-Q1/bulletin.mdx:${line}: 错误：正文 “{如潮州创森}”：正文中不能使用大括号`,
    );
    expect(site.log).toContain('数据校验未通过，网站未生成');
    expect(site.log).not.toMatch(/ReferenceError|MDXError|\n\s+at /);
    expect(existsSync(site.out)).toBe(false);
  });
});
