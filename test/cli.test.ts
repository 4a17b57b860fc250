import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BULLETIN, SEED_DATA, WEBSITES, noGitNotice, tempDir, writeQuarter } from './support/fixtures.ts';

const validate = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['scripts/validate.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: '' },
  });
  return { code: r.status, out: r.stdout + r.stderr };
};

describe('npm run validate', () => {
  it('passes the real 2020-Q3 (frozen copy) with its five rule warnings, exit 0', () => {
    const { code, out } = validate(SEED_DATA);
    expect(code).toBe(0);
    expect(out.match(/警告：/g)).toHaveLength(5);
    expect(out).toContain('校验通过：共 1 个季度（1 个将发布）；0 个错误，5 个警告');
  });

  it('--strict makes warnings fatal, exit 1, but not acknowledged ones; --all lists those', () => {
    const dir = tempDir();
    const vetoed = WEBSITES.replace('1,虚构甲区政府网站,否,否', '1,虚构甲区政府网站,否,是');
    writeQuarter(dir, '2021-Q1', { 'websites.csv': vetoed });
    const open = validate(dir, '--strict');
    expect(open.code).toBe(1);
    expect(open.out).toContain('校验未通过（--strict：警告也视为错误）');
    expect(open.out).toContain('  - { file: websites.csv, row: 虚构甲区政府网站, column: 栏目不更新 }');
    const acked = BULLETIN.replace(
      'newMediaTotal: 4\n',
      'newMediaTotal: 4\nacknowledged:\n  - { file: websites.csv, row: 虚构甲区政府网站, column: 栏目不更新 }\n',
    );
    writeQuarter(dir, '2021-Q1', { 'websites.csv': vetoed, 'bulletin.mdx': acked });
    const strict = validate(dir, '--strict');
    expect(strict.code, strict.out).toBe(0);
    // Nothing listed but the notice that a temporary folder has no git history.
    expect(strict.out.trim()).toBe(
      `${noGitNotice(dir)}\n校验通过：共 1 个季度（1 个将发布）；0 个错误，0 个警告（另有 1 个警告已确认，未列出），1 条提示。`,
    );
    const all = validate(dir, '--all');
    expect(all.out).toContain(`${dir}/2021-Q1/websites.csv:2: 警告（已确认）：栏目不更新 “是”`);
    // The data changed: the acknowledgement no longer matches anything, and says so.
    writeQuarter(dir, '2021-Q1', { 'websites.csv': WEBSITES, 'bulletin.mdx': acked });
    const stale = validate(dir, '--strict');
    expect(stale.code).toBe(1);
    expect(stale.out).toContain(`${dir}/2021-Q1/bulletin.mdx:9: 警告：acknowledged（已确认的警告）第 1 条`);
  });

  it('prints every error as path:line and exits 1', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1', {
      'websites.csv': WEBSITES.replace('10,5,105', '10,5,106').replace('0,0,100', '0,0,1000'),
    });
    const { code, out } = validate(dir);
    expect(code).toBe(1);
    expect(out).toContain(`${dir}/2021-Q1/websites.csv:2: 错误：总分 “106”`);
    expect(out).toContain(`${dir}/2021-Q1/websites.csv:4: 错误：总分 “1000”：应在 0 到 130 之间`);
    expect(out).toContain('2 个错误');
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('refuses the MDX mistakes that used to pass and then break the build, each at its line, exit 1', () => {
    const dir = tempDir();
    const prose = [
      '如此次创建{如潮州创森}工作。',
      '得分<100分的网站。',
      '全市<Stat name="网站数"个政府网站。',
    ];
    const text = `${BULLETIN}\n${prose.join('\n\n')}\n`;
    const lineOf = (p: string) => text.split('\n').indexOf(p) + 1;
    const expected = [
      `bulletin.mdx:${lineOf(prose[0]!)}: 错误：正文 “{如潮州创森}”：正文中不能使用大括号 { }`,
      `bulletin.mdx:${lineOf(prose[1]!)}: 错误：正文 “<100分的网站。”：正文中的“<”会被当作标签的开始`,
      `bulletin.mdx:${lineOf(prose[2]!)}: 错误：正文 “<Stat name="网站数"个政府网…”：数字组件没有写完整`,
    ];
    // Each mistake alone: the compiler stops at the first syntax error, as the build does.
    prose.forEach((p, i) => {
      writeQuarter(dir, '2021-Q1', {
        'bulletin.mdx': prose.reduce(
          (t, other) => (other === p ? t : t.replace(other, '正常的一段。')),
          text,
        ),
      });
      const { code, out } = validate(dir);
      expect(code).toBe(1);
      expect(out).toContain(`${dir}/2021-Q1/${expected[i]}`);
      expect(out).toContain('1 个错误');
      expect(out).not.toMatch(/\n\s+at |ReferenceError|MDXError/); // no stack trace, nothing from the build
    });
  });

  it('exits 2 on a usage error', () => {
    const { code, out } = validate('--frobnicate');
    expect(code).toBe(2);
    expect(out).toContain('用法：npm run validate');
  });
});

describe('npm run new-quarter', () => {
  const newQuarter = (dataDir: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, ['scripts/new-quarter.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir },
    });
    return { code: r.status, out: r.stdout + r.stderr };
  };

  it('creates the quarter in $DATA_DIR, exit 0; validate then lists what to fill in, exit 1', () => {
    const dir = tempDir();
    const created = newQuarter(dir, '2021-Q1');
    expect(created.code, created.out).toBe(0);
    expect(created.out).toContain(`已新建 ${dir}/2021-Q1`);
    expect(readdirSync(join(dir, '2021-Q1')).sort()).toEqual([
      'bulletin.mdx',
      'new-media.csv',
      'websites.csv',
    ]);
    const { code, out } = validate(dir);
    expect(code).toBe(1);
    expect(out).toContain(`${dir}/2021-Q1/bulletin.mdx:5: 错误：issuer（发布机构） “（请填写）”：还没有填写`);
    expect(out).toContain(`${dir}/2021-Q1/websites.csv: 错误：还没有数据行`);
    expect(out).toContain('14 个错误');
  });

  it('exits 1 on an existing quarter, 2 on a malformed or missing name', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1');
    expect(newQuarter(dir, '2021-Q1')).toMatchObject({ code: 1, out: expect.stringContaining('已经存在') });
    expect(newQuarter(dir, '2021q2')).toMatchObject({
      code: 2,
      out: expect.stringContaining('是不是“2021-Q2”？'),
    });
    expect(newQuarter(dir)).toMatchObject({
      code: 2,
      out: expect.stringContaining('用法：npm run new-quarter'),
    });
    expect(newQuarter(dir, '2021-Q2', '2021-Q3').code).toBe(2);
    expect(readdirSync(dir)).toEqual(['2021-Q1']);
  });
});

describe('scripts/build-search-index.ts (the search index alone)', () => {
  const index = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['scripts/build-search-index.ts', ...args], { encoding: 'utf8' });
    return { code: r.status, out: r.stdout + r.stderr };
  };

  it('writes the Pagefind bundle with a record per bulletin, website and account, exit 0', () => {
    const out = join(tempDir(), 'pagefind');
    const r = index('test/fixtures/search', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('校验通过');
    const records = Number(/搜索索引：(\d+) 条记录/.exec(r.out)?.[1]);
    expect(records).toBe(14); // 3 bulletins, 4 websites, 7 accounts
    // So few records get a Pagefind page (fragment) each; large datasets several to a page (src/lib/search-records.ts).
    expect(readdirSync(join(out, 'fragment'))).toHaveLength(records);
    expect(readdirSync(out)).toContain('pagefind-entry.json');
  });

  it('writes nothing for data with errors, and prints the validation report, exit 1', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1', { 'websites.csv': WEBSITES.replace('10,5,105', '10,5,106') });
    const out = join(tempDir(), 'pagefind');
    const r = index(dir, out);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${dir}/2021-Q1/websites.csv:2: 错误：总分 “106”`);
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });

  it('exits 2 on a usage error', () => {
    const r = index('data');
    expect(r.code).toBe(2);
    expect(r.out).toContain('用法：node scripts/build-search-index.ts');
  });
});
