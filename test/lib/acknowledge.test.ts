/** Acknowledged warnings (bulletin.mdx `acknowledged:`), the report's summary and the optional-field hint. Invented data. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBulletin } from '../../src/lib/bulletin.ts';
import { formatFinding } from '../../src/lib/findings.ts';
import { loadDataDir } from '../../src/node/load.ts';
import { formatReport, passes } from '../../src/lib/report.ts';
import { BULLETIN, NEW_MEDIA_HEADER, WEBSITES, tempDir, writeQuarter } from '../support/fixtures.ts';

/** Two websites with 栏目不更新 “是” and a total: two rule warnings (rows 2 and 3). */
const VETOED = WEBSITES.replace('1,虚构甲区政府网站,否,否', '1,虚构甲区政府网站,否,是').replace(
  '2,虚构乙县政府网站,否,否',
  '2,虚构乙县政府网站,否,是',
);
const withAcks = (yaml: string) => BULLETIN.replace('newMediaTotal: 4\n', `newMediaTotal: 4\n${yaml}\n`);
const ACK_JIA =
  'acknowledged:\n  - { file: websites.csv, row: 虚构甲区政府网站, column: 栏目不更新, note: （虚构）与原文一致 }';

function quarter(files: Parameters<typeof writeQuarter>[2]) {
  const dir = tempDir();
  writeQuarter(dir, '2021-Q1', files);
  return { dir, result: loadDataDir(dir) };
}

describe('acknowledged warnings', () => {
  it('an acknowledged warning is counted, not listed, and --strict passes on it', () => {
    const { result } = quarter({ 'websites.csv': VETOED, 'bulletin.mdx': withAcks(ACK_JIA) });
    const warnings = result.findings.filter((f) => f.severity === 'warning');
    expect(warnings.map((f) => [f.line, f.acknowledged])).toEqual([
      [2, '（虚构）与原文一致'],
      [3, undefined],
    ]);
    const report = formatReport(result);
    expect(report).not.toContain('websites.csv:2:');
    expect(report).toContain('websites.csv:3: 警告：栏目不更新');
    expect(report.split('\n').at(-1)).toBe(
      '校验通过：共 1 个季度（1 个将发布）；0 个错误，1 个警告（另有 1 个警告已确认，未列出），0 条提示。',
    );
    expect(passes(result.findings, { strict: true })).toBe(false); // the other one is still open
    // --all lists it, marked with its note.
    expect(formatReport(result, { all: true })).toContain(
      'websites.csv:2: 警告（已确认：（虚构）与原文一致）：栏目不更新',
    );
  });

  it('the report gives the YAML to paste, and pasting it acknowledges every warning: --strict passes', () => {
    const { dir, result } = quarter({ 'websites.csv': VETOED });
    const report = formatReport(result);
    const start = report.indexOf('\nacknowledged:\n');
    expect(start).toBeGreaterThan(0);
    const yaml = report.slice(start + 1, report.lastIndexOf('\n'));
    expect(yaml).toBe(
      'acknowledged:\n  - { file: websites.csv, row: 虚构甲区政府网站, column: 栏目不更新 }\n  - { file: websites.csv, row: 虚构乙县政府网站, column: 栏目不更新 }',
    );
    expect(report).toContain(`可在 ${dir}/2021-Q1/bulletin.mdx 的元数据中确认`);
    const pasted = quarter({ 'websites.csv': VETOED, 'bulletin.mdx': withAcks(yaml) }).result;
    expect(passes(pasted.findings, { strict: true })).toBe(true);
    expect(formatReport(pasted, { strict: true }).split('\n')).toEqual([
      '校验通过：共 1 个季度（1 个将发布）；0 个错误，0 个警告（另有 2 个警告已确认，未列出），0 条提示。',
    ]);
  });

  it('names the row, not the line: reordering the rows keeps the acknowledgement', () => {
    const [header, a, b, c] = VETOED.trim().split('\n');
    const reordered = `${[header, c, b, a].join('\n')}\n`;
    const { result } = quarter({ 'websites.csv': reordered, 'bulletin.mdx': withAcks(ACK_JIA) });
    const acked = result.findings.filter((f) => f.acknowledged !== undefined);
    expect(acked.map((f) => f.line)).toEqual([4]);
  });

  it('an acknowledgement that matches no warning is a warning at its line, and --strict fails on it', () => {
    const { dir, result } = quarter({ 'bulletin.mdx': withAcks(ACK_JIA) });
    expect(result.findings.filter((f) => f.severity !== 'notice').map(formatFinding)).toEqual([
      `${dir}/2021-Q1/bulletin.mdx:9: 警告：acknowledged（已确认的警告）第 1 条 “{ file: websites.csv, row: 虚构甲区政府网站, column: 栏目不更新 }”：没有与之对应的警告（数据已改正，或行已改名）；请删除这一条（stale acknowledgement）`,
    ]);
    expect(passes(result.findings)).toBe(true);
    expect(passes(result.findings, { strict: true })).toBe(false);
    expect(formatReport(result)).not.toContain('\nacknowledged:'); // a stale entry is deleted, not acknowledged
  });

  it('a malformed entry is an error at its line', () => {
    const { dir, result } = quarter({
      'websites.csv': VETOED,
      'bulletin.mdx': withAcks(
        'acknowledged:\n  - { file: websites.csv, row: 虚构甲区政府网站, colum: 栏目不更新 }\n  - { file: 附件1.csv, column: 栏目不更新 }',
      ),
    });
    expect(result.findings.filter((f) => f.severity === 'error').map(formatFinding)).toEqual([
      `${dir}/2021-Q1/bulletin.mdx:9: 错误：acknowledged（已确认的警告）第 1 条 colum：不认识的字段；每条只能有 file、row、column、line、note（invalid acknowledged entry）`,
      `${dir}/2021-Q1/bulletin.mdx:10: 错误：acknowledged（已确认的警告）第 2 条 file（文件）：应为websites.csv、new-media.csv、bulletin.mdx之一（invalid acknowledged entry）`,
    ]);
  });

  it('is staff metadata: not part of the published metadata', () => {
    const parsed = parseBulletin(withAcks(ACK_JIA), 'b.mdx');
    expect(parsed.findings).toEqual([]);
    expect(parsed.meta).not.toHaveProperty('acknowledged');
    expect(parsed.acknowledged).toEqual([
      {
        file: 'websites.csv',
        row: '虚构甲区政府网站',
        column: '栏目不更新',
        note: '（虚构）与原文一致',
        at: 9,
      },
    ]);
  });

  it('names an account by its name and platform', () => {
    const media = `${NEW_MEDIA_HEADER}\n1,虚构甲局,微信,虚构甲发布,合格\n2,虚构乙局,抖音,虚构甲发布,合格\n`;
    const { result } = quarter({
      'new-media.csv': media,
      'bulletin.mdx': withAcks(
        'acknowledged:\n  - { file: new-media.csv, row: 虚构甲发布（抖音）, column: 账号名称 }',
      ).replace('newMediaTotal: 4', 'newMediaTotal: 2'),
    });
    // No warning of that kind here: the entry is stale, and says so by its row.
    expect(result.findings.filter((f) => f.severity === 'warning').map((f) => f.value)).toEqual([
      '{ file: new-media.csv, row: 虚构甲发布（抖音）, column: 账号名称 }',
    ]);
  });
});

describe('optional fields left blank', () => {
  it('say the line may be deleted; required fields do not', () => {
    const messages = parseBulletin(
      BULLETIN.replace('newMediaTotal: 4', 'newMediaTotal: 4\ndocNumber: （请填写）').replace(
        'issuer: （虚构）某市人民政府办公室',
        'issuer: （请填写）',
      ),
      'b.mdx',
    ).findings.map(formatFinding);
    expect(messages).toEqual([
      'b.mdx:3: 错误：issuer（发布机构） “（请填写）”：还没有填写；应为发文单位全称，如“潮州市人民政府办公室”（issuer not filled in）',
      'b.mdx:8: 错误：docNumber（文号） “（请填写）”：还没有填写；应为文号，如“潮府办函〔2020〕59号”；选填，不需要时可删除这一行（docNumber not filled in）',
    ]);
  });
});

describe('the summary counts every quarter folder', () => {
  it('including one that failed to load', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1');
    writeQuarter(dir, '2021-Q2', { 'new-media.csv': null });
    mkdirSync(join(dir, '2021-Q3'));
    const report = formatReport(loadDataDir(dir));
    expect(report.split('\n').at(-1)).toMatch(
      /^校验未通过，请按上面的提示修改后重试：共 3 个季度：1 个通过（1 个将发布），2 个有错误；\d+ 个错误，0 个警告，0 条提示。$/,
    );
  });

  it('a quarter that loads but has an error counts as one with errors', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1');
    writeQuarter(dir, '2021-Q2', { 'websites.csv': WEBSITES.replace('10,5,105', '10,5,106') });
    expect(formatReport(loadDataDir(dir)).split('\n').at(-1)).toContain(
      '共 2 个季度：1 个通过（1 个将发布），1 个有错误；1 个错误',
    );
  });
});
