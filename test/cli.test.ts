import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { WEBSITES, tempDir, writeQuarter } from './support/fixtures.ts';

const validate = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['scripts/validate.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATA_DIR: '' } });
  return { code: r.status, out: r.stdout + r.stderr };
};

describe('npm run validate', () => {
  it('passes the real data with its five rule warnings, exit 0', () => {
    const { code, out } = validate('data');
    expect(code).toBe(0);
    expect(out.match(/警告：/g)).toHaveLength(5);
    expect(out).toContain('校验通过：1 个季度（1 个将发布），0 个错误，5 个警告');
  });

  it('--strict makes warnings fatal, exit 1', () => {
    const { code, out } = validate('data', '--strict');
    expect(code).toBe(1);
    expect(out).toContain('校验未通过（--strict：警告也视为错误）');
  });

  it('prints every error as path:line and exits 1', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1', { 'websites.csv': WEBSITES.replace('10,5,105', '10,5,106').replace('0,0,100', '0,0,1000') });
    const { code, out } = validate(dir);
    expect(code).toBe(1);
    expect(out).toContain(`${dir}/2021-Q1/websites.csv:2: 错误：总分 “106”`);
    expect(out).toContain(`${dir}/2021-Q1/websites.csv:4: 错误：总分 “1000”：应在 0 到 130 之间`);
    expect(out).toContain('2 个错误');
    expect(out).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 on a usage error', () => {
    const { code, out } = validate('--frobnicate');
    expect(code).toBe(2);
    expect(out).toContain('用法：npm run validate');
  });
});
