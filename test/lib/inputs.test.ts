/**
 * Every input Excel and copy-paste really produce must give exactly the records a clean UTF-8 file gives,
 * and say what was normalised as a notice (提示).
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { formatFinding, type Finding } from '../../src/lib/findings.ts';
import { readTableBytes } from '../../src/lib/load.ts';
import { readSeed } from '../support/fixtures.ts';

const FILE = 'q/websites.csv';
const utf8 = (s: string) => new TextEncoder().encode(s);
const read = (bytes: Uint8Array) => readTableBytes('websites', bytes, FILE);
const errorsAndWarnings = (fs: Finding[]) => fs.filter((f) => f.severity !== 'notice').map(formatFinding);
const notices = (fs: Finding[]) => fs.filter((f) => f.severity === 'notice').map(formatFinding);
/** Records without their line numbers (a header spread over two lines shifts them, nothing else may change). */
const data = (records: { line: number }[]) => records.map(({ line: _line, ...rest }) => rest);

// The real 附件1 of 2020-Q3, as a clean UTF-8 file: the reference every variant must reproduce.
const CLEAN = readSeed('websites.csv');
const reference = read(utf8(CLEAN));
const lines = CLEAN.trimEnd().split('\n');
const [header, ...rows] = lines;

function expectSameData(result: ReturnType<typeof read>, sameLines = true) {
  const unlocated = (fs: Finding[]) =>
    errorsAndWarnings(fs).map((m) => (sameLines ? m : m.replace(/^[^ ]+ /, '')));
  expect(unlocated(result.findings)).toEqual(unlocated(reference.findings));
  expect(data(result.records)).toEqual(data(reference.records));
  if (sameLines) expect(result.records.map((r) => r.line)).toEqual(reference.records.map((r) => r.line));
}

describe('accepted inputs give exactly the records of a clean UTF-8 file', () => {
  it('the reference itself: 7 records, the seed’s five veto warnings, no notice', () => {
    expect(reference.records).toHaveLength(7);
    expect(reference.records[3]).toMatchObject({
      name: '潮安区人民政府公众网',
      bonus: 15,
      deduction: 9.5,
      total: 105.5,
    });
    expect(notices(reference.findings)).toEqual([]);
  });

  it('GB18030/GBK (Excel “CSV” on Chinese Windows), with a notice', () => {
    const bytes = new Uint8Array(iconv.encode(CLEAN, 'gbk'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const r = read(bytes);
    expectSameData(r);
    expect(notices(r.findings)).toEqual([
      'q/websites.csv: 提示：已按 GB18030/GBK（中文 Windows 版 Excel 的 CSV） 编码读取（decoded as GB18030）',
    ]);
  });

  it('GB18030 with CRLF line ends', () => {
    expectSameData(read(new Uint8Array(iconv.encode(CLEAN.replace(/\n/g, '\r\n'), 'gb18030'))));
  });

  it('UTF-8 with BOM (Excel “CSV UTF-8”), as standard: no notice', () => {
    const r = read(utf8(`\ufeff${CLEAN}`));
    expectSameData(r);
    expect(notices(r.findings)).toEqual([]);
  });

  it('CRLF line ends, as standard: no notice', () => {
    const r = read(utf8(CLEAN.replace(/\n/g, '\r\n')));
    expectSameData(r);
    expect(notices(r.findings)).toEqual([]);
  });

  it('UTF-16LE with BOM, tab-separated (Excel “Unicode 文本”), with a notice', () => {
    const text = `\ufeff${lines.map((l) => l.split(',').join('\t')).join('\r\n')}\r\n`
      // Excel quotes a cell that holds its separator; the Chinese comma in 其他问题 needs none.
      .replace('文件解读不规范，存在未注销的新媒体账号', '"文件解读不规范，存在未注销的新媒体账号"');
    const r = read(new Uint8Array(iconv.encode(text, 'utf-16le')));
    expectSameData(r);
    expect(notices(r.findings)).toEqual([
      'q/websites.csv: 提示：已按 UTF-16（Excel “Unicode 文本”） 编码读取，制表符分隔（decoded as UTF-16LE）',
    ]);
  });

  it('header cells with the table’s line wraps copied from the PDF, with a notice', () => {
    const wrapped = header!
      .replace('安全、泄密事故等严重问题', '安全、泄密 事故等严 重问题')
      .replace('网站名称', ' 网站 名称');
    const r = read(utf8([wrapped, ...rows].join('\n')));
    expectSameData(r);
    expect(notices(r.findings)).toEqual([
      'q/websites.csv:1: 提示：网站 名称：已按“网站名称”列读取（header normalised）',
      'q/websites.csv:1: 提示：安全、泄密 事故等严 重问题：已按“安全、泄密事故等严重问题”列读取（header normalised）',
    ]);
  });

  it('a quoted header cell holding a line break (Alt+Enter in Excel); rows keep their own line numbers', () => {
    const wrapped = header!.replace('安全、泄密事故等严重问题', '"安全、泄密事故\n等严重问题"');
    const r = read(utf8([wrapped, ...rows].join('\n')));
    expectSameData(r, false);
    expect(r.records.map((x) => x.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(notices(r.findings)).toEqual([
      'q/websites.csv:1: 提示：安全、泄密事故\n等严重问题：已按“安全、泄密事故等严重问题”列读取（header normalised）',
    ]);
  });

  it('the official combined 得分情况 column, with a notice', () => {
    const combined = [
      header!.replace('加分,扣分,总分', '得分情况'),
      ...rows.map((row) => {
        const cells = row.split(',');
        const [bonus, deduction, total] = cells.splice(-3);
        return [...cells, `加分：${bonus} 扣分：${deduction} 总分：${total}`].join(',');
      }),
    ];
    const r = read(utf8(combined.join('\n')));
    expectSameData(r);
    expect(notices(r.findings)).toEqual([
      'q/websites.csv:1: 提示：得分情况：已将“得分情况”拆分为加分、扣分、总分三列（combined score cell split）',
    ]);
  });

  it('Excel leftovers: trailing empty rows and trailing empty columns, with notices', () => {
    const text = `${[header, ...rows].map((l) => `${l},,,`).join('\r\n')}\r\n,,,,,,,,,,,,,,\r\n,,,,,,,,,,,,,,\r\n\r\n`;
    const r = read(utf8(text));
    expectSameData(r);
    expect(notices(r.findings)).toEqual([
      'q/websites.csv:1: 提示：已忽略表格右侧的 3 个空列（empty trailing columns ignored）',
      'q/websites.csv: 提示：已忽略 3 个空行（blank rows ignored）',
    ]);
  });

  it('cells padded with ASCII and full-width spaces, with a notice', () => {
    const padded = rows.map((row) =>
      row
        .split(',')
        .map((c, i) => (i % 2 ? ` ${c}\u3000` : `\u3000${c}  `))
        .join(','),
    );
    const r = read(utf8([header, ...padded].join('\n')));
    expectSameData(r);
    expect(notices(r.findings)).toEqual([
      'q/websites.csv: 提示：已去掉 77 个单元格首尾的空格（padding spaces trimmed）',
    ]);
  });

  it('full-width digits and points in numbers (９．５), with a notice', () => {
    const full = (s: string) => s.replace(/[0-9.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    const widened = rows.map((row) =>
      row
        .split(',')
        .map((c, i) => (i === 0 || i >= 8 ? full(c) : c))
        .join(','),
    );
    expect(widened[3]).toContain('１５,９．５,１０５．５');
    const r = read(utf8([header, ...widened].join('\n')));
    expectSameData(r);
    expect(notices(r.findings)).toEqual([
      'q/websites.csv: 提示：已将 28 个数字单元格中的全角数字或小数点转换为半角（full-width digits converted）',
    ]);
  });

  it('title rows copied above the header, with a notice', () => {
    const r = read(utf8(['附件1,,,', '第三季度政府网站抽查情况统计表', ...lines].join('\n')));
    expectSameData(r, false);
    expect(r.records.map((x) => x.line)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(notices(r.findings)).toEqual([
      'q/websites.csv:1: 提示：已跳过表头之上的 2 行标题，表头在第 3 行（title rows above the header skipped）',
    ]);
  });

  it('all of it at once: GBK, CRLF, wrapped header, combined score, padding, full-width digits, trailing rows', () => {
    const full = (s: string) => s.replace(/[0-9.]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    const messy = [
      `${header!.replace('加分,扣分,总分', '得分情况').replace('安全、泄密事故等严重问题', '"安全、泄密 事故等严\n重问题"')},`,
      ...rows.map((row) => {
        const cells = row.split(',');
        const [bonus, deduction, total] = cells.splice(-3);
        return `${[...cells.map((c) => ` ${c}\u3000`), `加分：${full(bonus!)} 扣分：${deduction} 总分：${total}`].join(',')},`;
      }),
      ',,,,,,,,,,',
    ].join('\r\n');
    const r = read(new Uint8Array(iconv.encode(messy, 'gbk')));
    expectSameData(r, false);
    expect(notices(r.findings).length).toBeGreaterThanOrEqual(5);
  });
});
