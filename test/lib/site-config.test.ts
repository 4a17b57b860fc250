import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFinding } from '../../src/lib/findings.ts';
import { loadDataDir } from '../../src/node/load.ts';
import { parseSiteConfig } from '../../src/node/site-config.ts';
import { tempDir, writeQuarter } from '../support/fixtures.ts';

// Invented values throughout.
const VALID = `name: 某市政府网站检查情况通报（虚构）
owner: 某市人民政府办公室（虚构）
operator: 某市政务服务数据管理局（虚构）
siteCode: 0000000001
icp: 某ICP备00000000号-1
psb: 某公网安备00000000000000号
psbLink: https://beian.example.invalid/query?code=00000000000000
contact: 联系电话：0000-0000000；电子邮箱：contact@example.invalid
emblem: favicon.svg
`;

const parse = (yaml: string | Uint8Array, publicDir = 'public') =>
  parseSiteConfig(
    typeof yaml === 'string' ? new TextEncoder().encode(yaml) : yaml,
    'data/site.yml',
    publicDir,
  );
const messages = (yaml: string | Uint8Array) => parse(yaml).findings.map(formatFinding);

describe('data/site.yml', () => {
  it('reads every field as written; a site code keeps its leading zero', () => {
    expect(parse(VALID)).toEqual({
      findings: [],
      config: {
        name: '某市政府网站检查情况通报（虚构）',
        owner: '某市人民政府办公室（虚构）',
        operator: '某市政务服务数据管理局（虚构）',
        siteCode: '0000000001',
        icp: '某ICP备00000000号-1',
        psb: '某公网安备00000000000000号',
        psbLink: 'https://beian.example.invalid/query?code=00000000000000',
        contact: '联系电话：0000-0000000；电子邮箱：contact@example.invalid',
        emblem: 'favicon.svg',
      },
    });
  });

  it('needs only name and owner; an optional field left out is simply absent', () => {
    expect(parse('# 网站信息\r\nname: 某市网站（虚构）\r\nowner: 某办（虚构）\r\n')).toEqual({
      findings: [],
      config: { name: '某市网站（虚构）', owner: '某办（虚构）' },
    });
  });

  it('says which line, which field and what it expects', () => {
    const lines = VALID.split('\n');
    const swap = (key: string, line: string) =>
      lines.map((l) => (l.startsWith(`${key}:`) ? line : l)).join('\n');
    expect(messages(swap('siteCode', 'siteCode: 44510000ab'))).toEqual([
      'data/site.yml:4: 错误：siteCode（网站标识码） “44510000ab”：英文字母应为大写；应为10 位数字或大写英文字母（全国政府网站基本信息数据库中的网站标识码）（invalid siteCode）',
    ]);
    expect(messages(swap('siteCode', 'siteCode: 445100001'))).toEqual([
      'data/site.yml:4: 错误：siteCode（网站标识码） “445100001”：应为 10 位，现为 9 位；应为10 位数字或大写英文字母（全国政府网站基本信息数据库中的网站标识码）（invalid siteCode）',
    ]);
    expect(messages(swap('icp', 'icp: ICP备00000000号'))).toEqual([
      'data/site.yml:5: 错误：icp（ICP 备案号） “ICP备00000000号”：格式应为“省份简称 + ICP备 + 数字 + 号”；应为工业和信息化部的 ICP 备案号，如“粤ICP备12345678号”或“粤ICP备12345678号-1”（invalid icp）',
    ]);
    expect(messages(swap('psb', 'psb: 某公网安备0000号'))).toEqual([
      'data/site.yml:6: 错误：psb（公安机关备案号） “某公网安备0000号”：格式应为“省份简称 + 公网安备 + 14 位数字 + 号”；应为如“粤公网安备44510202000001号”（invalid psb）',
    ]);
    expect(messages(swap('psbLink', 'psbLink: beian.example.invalid'))).toEqual([
      'data/site.yml:7: 错误：psbLink（公安机关备案号链接） “beian.example.invalid”：不是完整的网址；应为以 https:// 或 http:// 开头的网址：全国互联网安全管理服务平台上本网站的备案信息页（invalid psbLink）',
    ]);
    expect(messages(swap('emblem', 'emblem: images/emblem.png'))).toEqual([
      'data/site.yml:9: 错误：emblem（党政机关网站标识） “images/emblem.png”：找不到文件 public/images/emblem.png：请把标识图片放到 public/ 文件夹中，或改正路径；应为public/ 文件夹中标识图片的路径，如 images/emblem.png（invalid emblem）',
    ]);
    expect(messages(swap('emblem', 'emblem: public/favicon.svg'))[0]).toContain('路径从 public/ 之后写起');
    expect(messages(swap('emblem', 'emblem: ../package.json'))[0]).toContain(
      '不能用 .. 指向 public/ 文件夹之外',
    );
    expect(messages(swap('emblem', 'emblem: /favicon.svg'))[0]).toContain('应为 public/ 文件夹中的相对路径');
    expect(messages(swap('operator', 'operator:'))).toEqual([
      'data/site.yml:3: 错误：operator（承办单位）：是空的；应为承办单位全称；选填，不需要时请删除这一行（operator is empty）',
    ]);
    expect(messages(swap('icp', 'icp: （请填写）'))).toEqual([
      'data/site.yml:5: 错误：icp（ICP 备案号） “（请填写）”：还没有填写；应为工业和信息化部的 ICP 备案号，如“粤ICP备12345678号”或“粤ICP备12345678号-1”；选填，不需要时请删除这一行（icp not filled in）',
    ]);
    expect(messages(swap('contact', 'phone: 0000-0000000'))).toEqual([
      'data/site.yml:8: 错误：phone：不认识的字段；可用的字段为：name、owner、operator、siteCode、icp、psb、psbLink、contact、emblem（unknown field）',
    ]);
  });

  it('refuses a missing required field, a link without its number, and a file that is not key: value lines', () => {
    expect(messages('name: 某市网站（虚构）\n')).toEqual([
      'data/site.yml: 错误：owner（主办单位）：缺少这一项，必填；应为主办单位全称，如“某市人民政府办公室”（owner missing）',
    ]);
    expect(
      messages('name: 某市网站（虚构）\nowner: 某办（虚构）\npsbLink: https://beian.example.invalid/\n'),
    ).toEqual([
      'data/site.yml:3: 错误：psbLink（公安机关备案号链接）：链接显示在公安机关备案号上：请同时填写 psb（公安机关备案号），或删除这一行（psbLink without psb）',
    ]);
    expect(messages('name：某市网站（虚构）\nowner: 某办（虚构）\n')).toEqual([
      'data/site.yml:1: 错误：“name：某市网站（虚构）”：冒号应为英文冒号“:”，并在冒号后加一个空格，如“name: 某市政府网站”（not a key: value line）',
    ]);
    expect(messages('name: 某市网站（虚构）\nowner 某办（虚构）\n')).toEqual([
      'data/site.yml:2: 错误：“owner 某办（虚构）”：这一行应为“字段: 值”，如“owner: 某市人民政府办公室”（not a key: value line）',
    ]);
    expect(messages('name: 某市网站（虚构）\nowner: 某办（虚构）\nname: 又一个\n')).toEqual([
      'data/site.yml:3: 错误：同一个字段写了两次；请只保留一行（YAML syntax error: duplicated mapping key）',
    ]);
    expect(messages('')).toEqual([
      'data/site.yml: 错误：文件是空的；不需要网站信息时请删除 site.yml，否则至少填写 name 和 owner（empty site.yml）',
    ]);
    expect(messages('# 只有注释\n')[0]).toContain('文件中没有任何字段');
    expect(messages(new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xc4, 0xb3, 0xca, 0xd0]))).toEqual([
      'data/site.yml: 错误：请将 site.yml 保存为 UTF-8 编码的文本文件（site.yml must be UTF-8 text）',
    ]);
  });

  it('is read by loadDataDir beside the quarters: its errors fail validation, a valid one is returned', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1');
    expect(loadDataDir(dir).site).toBeUndefined();
    writeFileSync(join(dir, 'site.yml'), 'name: 某市网站（虚构）\nowner: 某办（虚构）\nemblem: logo.png\n');
    const publicDir = join(dir, '..', `public-${Date.now()}`);
    mkdirSync(publicDir);
    const bad = loadDataDir(dir, { publicDir });
    expect(bad.site).toBeUndefined();
    expect(
      bad.findings.filter((f) => f.severity === 'error').map((f) => `${f.file}:${f.line} ${f.column}`),
    ).toEqual([`${join(dir, 'site.yml')}:3 emblem（党政机关网站标识）`]);
    writeFileSync(join(publicDir, 'logo.png'), '');
    const good = loadDataDir(dir, { publicDir });
    expect(good.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(good.site).toEqual({ name: '某市网站（虚构）', owner: '某办（虚构）', emblem: 'logo.png' });
  });

  it('names the file to use when it is misnamed', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1');
    writeFileSync(join(dir, 'site.yaml'), 'name: x\n');
    expect(
      loadDataDir(dir)
        .findings.map(formatFinding)
        .filter((m) => m.includes('site.yaml')),
    ).toEqual([
      `${join(dir, 'site.yaml')}: 错误：数据文件夹中不应有这个文件；季度数据请放在如 2020-Q3 的文件夹中；网站信息文件应命名为 site.yml（unexpected file in data folder）`,
    ]);
  });
});
