/** What `npm run build` prints: the validation report once, one line per stage, Astro's log only with --verbose. */
import { describe, expect, it } from 'vitest';
import { buildSite } from './support/build.ts';
import { BULLETIN, WEBSITES, noGitNotice, tempDir, writeQuarter } from './support/fixtures.ts';

/** An invented quarter with two rule warnings (栏目不更新 “是” with a total), the first acknowledged. */
function dataWithWarnings(): string {
  const dir = tempDir();
  writeQuarter(dir, '2021-Q1', {
    'websites.csv': WEBSITES.replace('1,虚构甲区政府网站,否,否', '1,虚构甲区政府网站,否,是').replace(
      '2,虚构乙县政府网站,否,否',
      '2,虚构乙县政府网站,否,是',
    ),
    'bulletin.mdx': BULLETIN.replace(
      'newMediaTotal: 4\n',
      'newMediaTotal: 4\nacknowledged:\n  - { file: websites.csv, row: 虚构甲区政府网站, column: 栏目不更新 }\n',
    ),
  });
  return dir;
}

/** The build's own lines, without npm's `> …` header. */
const own = (log: string) => log.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('> '));

describe('npm run build output', () => {
  it('prints the report once, then one line per stage and the result; nothing of Astro when all is well', () => {
    const data = dataWithWarnings();
    const site = buildSite(data);
    expect(site.code, site.log).toBe(0);
    const lines = own(site.log);
    // The open warning, once (not again from Astro's content loader); the acknowledged one only counted.
    expect(lines.filter((l) => l.includes('websites.csv:3: 警告：栏目不更新'))).toHaveLength(1);
    expect(site.log).not.toContain('websites.csv:2:');
    expect(lines.filter((l) => l.startsWith('校验通过：'))).toEqual([
      '校验通过：共 1 个季度（1 个将发布）；0 个错误，1 个警告（另有 1 个警告已确认，未列出），1 条提示。',
    ]);
    expect(lines[0]).toBe('校验数据…');
    for (const stage of ['生成页面…', '建立搜索索引…']) expect(lines).toContain(stage);
    expect(lines.at(-2)).toMatch(/^搜索索引：\d+ 条记录（通报、网站和账号），用时 [\d.]+ 秒$/);
    expect(lines.at(-1)).toMatch(/^完成：\d+ 个页面，用时 [\d.]+ 秒；网站已生成到 /);
    // A stage line, the notice that the temporary folder has no git history, the open warning, the YAML to paste
    // (heading, the entry to add to the list), the summary, two stage lines, the index and the result: nothing else.
    expect(lines).toContain(noGitNotice(data));
    expect(lines).toHaveLength(1 + 1 + 1 + 2 + 1 + 2 + 2);
    expect(site.log).not.toContain('MODULE_LEVEL_DIRECTIVE');
    expect(site.log).not.toContain('\x1b['); // not a terminal: no colour codes
    expect(site.log).not.toMatch(/[├└]─/); // no route list
    expect(site.log).not.toContain('[quarters-loader]');
    expect(site.log).not.toContain('telemetry');
  });

  it('--verbose adds Astro’s log (its route list) and lists acknowledged warnings', () => {
    const site = buildSite(dataWithWarnings(), {}, undefined, ['--verbose']);
    expect(site.code, site.log).toBe(0);
    expect(site.log).toContain('websites.csv:2: 警告（已确认）：栏目不更新');
    expect(site.log).toMatch(/[├└]─ \/bulletins\/2021-q1\/index\.html/);
    expect(site.log).toContain('[build] Complete!');
    expect(site.log).not.toContain('MODULE_LEVEL_DIRECTIVE');
    expect(site.log).not.toContain('\x1b[');
  });

  it('a failed Astro build shows its error in full and writes nothing', () => {
    // Data can no longer break Astro (validation compiles the MDX as the build does), so break its configuration:
    // a SITE_URL that is not a URL, as a mistyped CI variable would.
    const data = tempDir();
    writeQuarter(data, '2021-Q1');
    const site = buildSite(data, { SITE_URL: 'not a url' });
    expect(site.code).toBe(1);
    expect(site.log).toContain('校验通过');
    expect(site.log).toMatch(/Invalid URL|site/i);
    expect(site.log).toContain('构建失败，没有生成');
  });
});
