/** A quarter whose tables repeat the previous quarter's: src/lib/copycheck.ts. All data here is invented (虚构). */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  compareTables,
  copyFindings,
  COPY_MIN_ROWS,
  COPY_SHARE,
  rowSignature,
} from '../../src/lib/copycheck.ts';
import { formatFinding, type Finding } from '../../src/lib/findings.ts';
import { loadDataDir } from '../../src/node/load.ts';
import type { AccountRecord } from '../../src/lib/records.ts';
import { NEW_MEDIA_HEADER, WEBSITES, WEBSITES_HEADER, tempDir, writeQuarter } from '../support/fixtures.ts';

function seen(dir: string) {
  const result = loadDataDir(dir);
  const out = (...s: Finding['severity'][]) =>
    result.findings
      .filter((f) => s.includes(f.severity))
      .map(formatFinding)
      .map((m) => m.replaceAll(dir, 'DATA'));
  return { errors: out('error'), problems: out('error', 'warning') };
}

/** `npm run validate DIR`: exit code and output. */
function validate(dir: string) {
  const r = spawnSync(process.execPath, ['scripts/validate.ts', dir], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: '' },
  });
  return { code: r.status, out: (r.stdout + r.stderr).replaceAll(dir, 'DATA') };
}

/** Invented rows: `n` websites and `n` accounts, the given ones changed. */
function tables(n: number, changed = -1) {
  const w = Array.from(
    { length: n },
    (_, i) =>
      `${i + 1},虚构网站${i + 1},否,否,否,否,否,无,0,${i === changed ? 2 : 1},${i === changed ? 98 : 99}`,
  );
  const a = Array.from(
    { length: n },
    (_, i) => `${i + 1},虚构单位${i + 1},微信,虚构账号${i + 1},${i === changed ? '不合格' : '合格'}`,
  );
  const bulletin = (q: string) =>
    `---\ntitle: （虚构测试数据）${q}通报\nissuer: （虚构）某市人民政府办公室\nissued: 2021-04-20\ndisclosure: 主动公开\n---\n\n正文。\n`;
  return (q: string, order: (rows: string[]) => string[] = (r) => r) => ({
    'websites.csv': `${WEBSITES_HEADER}\n${order(w).join('\n')}\n`,
    'new-media.csv': `${NEW_MEDIA_HEADER}\n${order(a).join('\n')}\n`,
    'bulletin.mdx': bulletin(q),
  });
}
/** Reversed and renumbered: the same rows in another order and with other 序号. */
const shuffled = (rows: string[]) => [...rows].reverse().map((r, i) => r.replace(/^\d+/, String(i + 1)));

describe('a copy of last quarter', () => {
  it('compares tables as multisets of rows, ignoring 序号 and order', () => {
    expect(compareTables(['a', 'b', 'b'], ['b', 'a', 'b'])).toEqual({ rows: 3, identical: 3, same: true });
    expect(compareTables(['a', 'b', 'b'], ['a', 'b'])).toEqual({ rows: 3, identical: 2, same: false });
    expect(compareTables(['a', 'b'], ['a', 'b', 'c'])).toEqual({ rows: 2, identical: 2, same: false });
    expect(compareTables([], [])).toMatchObject({ same: false });
    const account = {
      line: 2,
      position: 0,
      key: 'k',
      seq: 1,
      unit: '虚构甲局',
      platform: '微信',
      account: '虚构甲发布',
      result: '合格',
    } as AccountRecord;
    expect(rowSignature('newMedia', { ...account, seq: 9, line: 7, position: 3 })).toBe(
      rowSignature('newMedia', account),
    );
    expect(rowSignature('newMedia', { ...account, result: '不合格' })).not.toBe(
      rowSignature('newMedia', account),
    );
  });

  it('is one error at each copied table naming both quarters, whatever the 序号 and order; exit 1', () => {
    const dir = tempDir();
    const make = tables(3);
    writeQuarter(dir, '2021-Q1', make('2021-Q1'));
    writeQuarter(dir, '2021-Q2', make('2021-Q2', shuffled));
    expect(seen(dir).problems).toEqual(
      [
        'DATA/2021-Q2/new-media.csv: 错误：与 2021-Q1 的附件完全相同：是不是复制了上季度的表格？2021-Q2 和 2021-Q1 的 new-media.csv 有相同的 3 行（不计序号和行的顺序），两张表都是如此；请换成本季度的检查结果（same rows as 2021-Q1）',
        'DATA/2021-Q2/websites.csv: 错误：与 2021-Q1 的附件完全相同：是不是复制了上季度的表格？2021-Q2 和 2021-Q1 的 websites.csv 有相同的 3 行（不计序号和行的顺序），两张表都是如此；请换成本季度的检查结果（same rows as 2021-Q1）',
      ].reverse(),
    );
    const { code, out } = validate(dir);
    expect(code).toBe(1);
    expect(out.match(/与 2021-Q1 的附件完全相同/g)).toHaveLength(2);
    expect(out).toContain('2 个错误，0 个警告');
    expect(out).not.toMatch(/\n\s+at /);
  });

  it('compares with the previous quarter present, a draft too', () => {
    const dir = tempDir();
    const make = tables(3);
    writeQuarter(dir, '2020-Q3', make('2020-Q3'));
    const draft = make('2020-Q4');
    writeQuarter(dir, '2020-Q4', {
      ...draft,
      'bulletin.mdx': draft['bulletin.mdx'].replace(
        'disclosure: 主动公开',
        'disclosure: 主动公开\ndraft: true',
      ),
    });
    expect(seen(dir).errors.map((e) => e.slice(0, e.indexOf('：是不是')))).toEqual([
      'DATA/2020-Q4/websites.csv: 错误：与 2020-Q3 的附件完全相同',
      'DATA/2020-Q4/new-media.csv: 错误：与 2020-Q3 的附件完全相同',
    ]);
  });

  it(`warns at each table when every table has at least ${COPY_SHARE * 100}% of its rows unchanged (${COPY_MIN_ROWS} rows or more)`, () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1', tables(10)('2021-Q1'));
    writeQuarter(dir, '2021-Q2', tables(10, 4)('2021-Q2'));
    const { problems } = seen(dir);
    expect(problems).toEqual([
      'DATA/2021-Q2/websites.csv: 警告：10 行中有 9 行与 2021-Q1 的附件完全相同（不计序号和行的顺序），两张表都是如此：是不是复制了上季度的表格，只改了几行？如本季度的检查结果确实如此，可忽略（most rows identical to 2021-Q1）',
      'DATA/2021-Q2/new-media.csv: 警告：10 行中有 9 行与 2021-Q1 的附件完全相同（不计序号和行的顺序），两张表都是如此：是不是复制了上季度的表格，只改了几行？如本季度的检查结果确实如此，可忽略（most rows identical to 2021-Q1）',
    ]);
  });

  it('says nothing when one table is unchanged and the other is new (the same accounts, all 合格 again, is normal)', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1', tables(10)('2021-Q1'));
    writeQuarter(dir, '2021-Q2', { ...tables(10)('2021-Q2'), 'websites.csv': WEBSITES });
    expect(seen(dir).problems).toEqual([]);
  });

  it('leaves out tables with errors (their rows are not all known), and is a pure function of the records', () => {
    const dir = tempDir();
    const make = tables(3);
    writeQuarter(dir, '2021-Q1', make('2021-Q1'));
    writeQuarter(dir, '2021-Q2', {
      ...make('2021-Q2'),
      'new-media.csv': make('2021-Q2')['new-media.csv'].replace('微信', '微信公众号'),
    });
    expect(seen(dir).errors).toEqual([
      expect.stringMatching(/^DATA\/2021-Q2\/new-media\.csv:2: 错误：账号类型 “微信公众号”/),
    ]);
    const { quarters } = loadDataDir(tempDir());
    expect(copyFindings('DATA', quarters)).toEqual([]);
  });
});
