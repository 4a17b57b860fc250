/**
 * Builds throwaway quarter folders for tests. Everything written here is invented test data, except the frozen
 * real quarter under SEED_DATA.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A frozen copy of the real published 2020-Q3 quarter (test/fixtures/seed/README.md), for tests of code that want
 * real rows: it does not change when staff correct or add quarters in data/.
 */
export const SEED_DATA = 'test/fixtures/seed';
export const SEED_DIR = `${SEED_DATA}/2020-Q3`;

export const WEBSITES_HEADER =
  '序号,网站名称,首页不更新,栏目不更新,互动回应差,服务不实用,安全、泄密事故等严重问题,其他问题,加分,扣分,总分';
export const NEW_MEDIA_HEADER = '序号,单位名称,账号类型,账号名称,结果';

export const BULLETIN = `---
title: （虚构测试数据）某市2021年第一季度政府网站与政务新媒体检查情况的通报
issuer: （虚构）某市人民政府办公室
issued: 2021-04-20
disclosure: 主动公开
websitesTotal: 3
newMediaTotal: 4
---

## 一、总体情况

此次抽查政府网站<Stat name="网站数" />个，政务新媒体<Stat name="新媒体数" />个，合格率<Stat name="新媒体合格率" />。
`;

export const WEBSITES = `${WEBSITES_HEADER}
1,虚构甲区政府网站,否,否,否,否,否,无,10,5,105
2,虚构乙县政府网站,否,否,否,否,否,网页标签不规范，文件解读不规范,0,20.5,79.5
3,虚构丙局网站,否,否,否,否,否,,0,0,100
`;

export const NEW_MEDIA = `${NEW_MEDIA_HEADER}
1,虚构甲局,微信,虚构甲发布,合格
2,虚构甲局,新浪微博,虚构甲发布,合格
3,虚构乙局,抖音,虚构乙视窗,不合格
4,虚构丙办,今日头条,虚构丙资讯,合格
`;

/** The one notice about a data folder outside any git repository (a temporary folder, a tarball): src/lib/ledger.ts. */
export const noGitNotice = (dir: string) =>
  `${dir}: 提示：不在 git 仓库中（如从压缩包解出），读不到已发布的各个版本：每个季度以当前文件为唯一的版本发布，不核对更正记录（no git history: the current files are the only version）`;

/** A fresh temporary folder. */
export function tempDir(prefix = 'bulletins-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface QuarterFiles {
  'bulletin.mdx'?: string | Uint8Array | null;
  'websites.csv'?: string | Uint8Array | null;
  'new-media.csv'?: string | Uint8Array | null;
  [other: string]: string | Uint8Array | null | undefined;
}

/** Writes a quarter folder; the valid invented files unless overridden (null leaves a file out). */
export function writeQuarter(dataDir: string, quarter: string, files: QuarterFiles = {}): string {
  const dir = join(dataDir, quarter);
  mkdirSync(dir, { recursive: true });
  const all: QuarterFiles = {
    'bulletin.mdx': BULLETIN,
    'websites.csv': WEBSITES,
    'new-media.csv': NEW_MEDIA,
    ...files,
  };
  for (const [name, content] of Object.entries(all)) {
    if (content !== null && content !== undefined) writeFileSync(join(dir, name), content);
  }
  return dir;
}

export const readSeed = (name: string) => readFileSync(join(SEED_DIR, name), 'utf8');

/** Fills in a quarter made by `npm run new-quarter`, as staff would: invented data, every blank replaced. */
export function fillScaffold(dir: string, options: { keepDraft?: boolean; skip?: string } = {}): void {
  const values: Record<string, string> = {
    issuer: '（虚构）某市人民政府办公室',
    issued: '2021-04-20',
    websitesCutoff: '2021-03-20',
    newMediaCutoff: '2021-03-21',
    websitesTotal: '3',
    newMediaTotal: '4',
  };
  const [, frontmatter, body] = readFileSync(join(dir, 'bulletin.mdx'), 'utf8').split(/^---$/m) as [
    string,
    string,
    string,
  ];
  let text = `---${frontmatter
    .replace('（请填写发文单位）', '（虚构测试数据）某市人民政府办公室')
    .replace(/^(\w+): （请填写）$/gm, (line, key: string) =>
      key === options.skip ? line : `${key}: ${values[key]}`,
    )}---${body.replace(/（请填写[^\n]*/g, (blank) => (options.skip === '正文' ? blank : '虚构正文。'))}`;
  if (!options.keepDraft) text = text.replace('draft: true', 'draft: false');
  writeFileSync(join(dir, 'bulletin.mdx'), text);
  for (const [file, rows] of [
    ['websites.csv', WEBSITES],
    ['new-media.csv', NEW_MEDIA],
  ] as const) {
    const scaffold = readFileSync(join(dir, file), 'utf8');
    writeFileSync(join(dir, file), scaffold + rows.split('\n').slice(1).join('\r\n'));
  }
}
