/**
 * bulletin.mdx prose checked as the build compiles it (src/lib/mdx.ts). Every mistake that breaks the build is one
 * error at its file line with a Chinese how-to; and what passes also passes the build's own compile step.
 */
import { cpSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { satteri } from '@astrojs/markdown-satteri';
import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../src/lib/findings.ts';
import { loadDataDir } from '../../src/node/load.ts';
import { checkMdx, statReferences } from '../../src/lib/mdx.ts';
import { scaffoldQuarter } from '../../src/node/scaffold.ts';
import { BULLETIN, SEED_DIR, fillScaffold, tempDir, writeQuarter } from '../support/fixtures.ts';

/** The invented bulletin with `line` appended as a paragraph of its own; and that line's number in the file. */
function withProse(line: string) {
  const text = `${BULLETIN}\n前一段。\n\n${line}\n\n后一段。\n`;
  return { text, line: text.split('\n').indexOf(line.split('\n')[0]!) + 1 };
}

/** Errors of a data folder holding one quarter with this bulletin, formatted as staff read them. */
function errorsFor(text: string): string[] {
  const dir = tempDir();
  writeQuarter(dir, '2021-Q1', { 'bulletin.mdx': text });
  return loadDataDir(dir)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => formatFinding(f).replace(`${dir}/2021-Q1/`, ''));
}

/** Mistake → what staff see must say (besides file and line) and how to write it. */
const MISTAKES: [name: string, prose: string, says: RegExp][] = [
  [
    'braces around prose (a ReferenceError at render time)',
    '如此次创建{如潮州创森}工作',
    /正文 “\{如潮州创森\}”：正文中不能使用大括号 \{ \}.*括注请改用（）或「」/,
  ],
  [
    'a literal < in prose',
    '得分<100分的网站',
    /正文 “<100分的网站”：正文中的“<”会被当作标签的开始.*小于号请写成 &lt; 或全角“＜”/,
  ],
  [
    'an unclosed <Stat',
    '全市<Stat name="网站数"个政府网站',
    /正文 “<Stat name="网站数"个政府网…”：数字组件没有写完整；应写成 <Stat name="网站数" \/>/,
  ],
  ['an unbalanced }', '（一）进一步强化}责任担当', /正文 “（一）进一步强化}”：正文中不能使用大括号/],
  ['an unbalanced {', '（一）进一步{强化责任担当', /正文 “\{强化责任担当”：正文中不能使用大括号/],
  [
    'an unknown tag',
    '<div>附件</div>',
    /正文 “<div>”：正文中不能使用 <div> 标签：只能使用数字组件，如 <Stat name="网站数" \/>；.*Markdown/,
  ],
  [
    'a Stat name in braces',
    '共<Stat name={x} />个',
    /正文 “name=\{x\}”：数字的名称应写在英文双引号中，不能用大括号/,
  ],
  [
    'a misspelt Stat attribute',
    '共<Stat nam="网站数" />个',
    /正文 “nam=”：不认识的属性“nam”；应写成 <Stat name="网站数" \/>/,
  ],
  [
    'an import',
    "import x from 'y'",
    /正文 “import x from 'y'”：正文中不能写 import 或 export 语句；请删除这一行/,
  ],
  [
    'an HTML comment',
    '<!-- 待定 -->',
    /正文 “<!-- 待定 -->”：HTML 注释（<!-- … -->）不能写在正文中.*请删除这段注释/,
  ],
  ['an unclosed <br>', '第一行<br>第二行', /正文 “<br>”：正文中不能使用 <br> 标签.*换行请空一行另起一段/],
  ['a closed <br />', '第一行<br />第二行', /正文 “<br>”：正文中不能使用 <br> 标签/],
  ['a lowercase stat', '共<stat name="网站数" />个', /正文 “<stat>”：是不是 <Stat>（S 大写）？/],
  ['a stray closing tag', '</p>', /正文 “<\/p>”：多余的结束标签/],
  ['an autolink', '详见<https://www.gov.cn>', /正文 “<https:\/\/www.gov.cn>”：网址不能用尖括号/],
  ['a local image', '![图](./a.png)', /正文 “.\/a.png”：正文中不能插入本地图片/],
  ['a Stat without a name', '共<Stat />个', /缺少数字的名称 name/],
];

describe('bulletin.mdx prose, checked by the compiler the build uses', () => {
  it.each(MISTAKES)('%s: exactly one error, at its line, saying how to write it', (_, prose, says) => {
    const { text, line } = withProse(prose);
    const errors = errorsFor(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^bulletin\\.mdx:${line}: 错误：`));
    expect(errors[0]).toMatch(says);
  });

  it('points at the file line of a mistake deep in a long body', () => {
    const { text } = withProse('正常一段。');
    const bad = `${text}\n\n## 四、其他\n\n得分<60分\n`;
    expect(errorsFor(bad)).toEqual([
      expect.stringMatching(
        new RegExp(`^bulletin\\.mdx:${bad.split('\n').indexOf('得分<60分') + 1}: 错误：正文 “<60分”`),
      ),
    ]);
  });

  it('reports each of several mistakes once, in file order', () => {
    const { text } = withProse('如{潮州}创森');
    const errors = errorsFor(text.replace('后一段。', '<div>后一段</div>'));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('“{潮州}”');
    expect(errors[1]).toContain('“<div>”');
  });

  it('still reports an unknown figure name, from the compiled tree', () => {
    const { text, line } = withProse('共<Stat name="网站个数" />个');
    expect(errorsFor(text)).toEqual([
      expect.stringMatching(
        new RegExp(`^bulletin\\.mdx:${line}: 错误：Stat “网站个数”：没有这个数字；可用的有：网站数、`),
      ),
    ]);
  });

  it('accepts what staff should write instead', () => {
    for (const prose of [
      '得分&lt;100分',
      '得分＜100分',
      '得分 < 100 分',
      '如此次创建（如潮州创森）工作',
      '「如潮州创森」',
      '写成 \\{ 和 \\}',
      '`{代码}`',
      '<Stat name="网站数" />',
      '**加粗** 与 [链接](https://www.gov.cn)',
      '| 表 | 头 |\n|---|---|\n| 1 | 2 |',
      '![图](https://www.gov.cn/a.png)',
    ]) {
      expect(errorsFor(withProse(prose).text), prose).toEqual([]);
    }
  });

  it('accepts the real 2020-Q3 bulletin (a copy) and a filled-in new-quarter template', () => {
    const real = tempDir();
    cpSync(SEED_DIR, join(real, '2020-Q3'), { recursive: true });
    expect(loadDataDir(real).findings.filter((f) => f.severity === 'error')).toEqual([]);
    const body = readFileSync(join(SEED_DIR, 'bulletin.mdx'), 'utf8');
    expect(checkMdx(body, 1, 'bulletin.mdx')).toEqual([]);

    const scaffold = tempDir();
    const made = scaffoldQuarter(scaffold, '2021-Q1');
    expect(made.ok).toBe(true);
    fillScaffold(join(scaffold, '2021-Q1'));
    expect(loadDataDir(scaffold).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('finds <Stat> references in the compiled tree with their lines, including a tag over two lines', () => {
    expect(
      statReferences(
        '共<Stat name="网站数" />个\n\n<Stat\n  name="新媒体数"\n/>\n\n`<Stat name="代码" />`\n',
      ),
    ).toEqual([
      { name: '网站数', line: 1, start: 1, end: 20 },
      { name: '新媒体数', line: 3, start: 23, end: 45 },
    ]);
    expect(statReferences('得分<100分 <Stat name="网站数" />')).toEqual([]); // does not compile: checkMdx reports it
  });

  it('uses the same compiler as the build, and agrees with the build’s own compile step on every case', async () => {
    // One copy of satteri: the one @astrojs/mdx compiles with is the one src/lib/mdx.ts imports.
    const fromBuild = createRequire(
      createRequire(import.meta.url).resolve('@astrojs/markdown-satteri'),
    ).resolve('satteri');
    expect(createRequire(join(process.cwd(), 'src/lib/mdx.ts')).resolve('satteri')).toBe(fromBuild);
    // The build's compile (vite-plugin-mdx → createMdxRenderer → process): it throws exactly where checkMdx reports
    // a syntax error; everything else compiles, and what checkMdx refuses besides is what would fail at render time.
    const renderer = await satteri().createMdxRenderer!(
      { syntaxHighlight: false, gfm: true, smartypants: true },
      { optimize: false, srcDir: new URL('../../src/', import.meta.url) },
    );
    for (const [name, prose] of MISTAKES) {
      const findings = checkMdx(prose, 1, 'bulletin.mdx');
      const compiled = await renderer.process(prose, '/tmp/bulletin.mdx', {}).then(
        () => true,
        () => false,
      );
      expect(
        findings.some((f) => f.gloss.startsWith('MDX: ')),
        name,
      ).toBe(!compiled);
    }
  });
});
