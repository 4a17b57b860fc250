/**
 * Invented datasets for the benchmark, never written to data/. Deterministic (seeded), valid by
 * construction, shaped like real bulletins: districts, units with several accounts, churn between quarters.
 * Every title and name says 虚构 (invented).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLATFORMS, WEBSITE_FLAGS } from '../../src/lib/columns.ts';
import { quarterNumeral } from '../../src/lib/quarter.ts';

export interface Scale {
  name: string;
  label: string;
  websites: number;
  accounts: number;
  quarters: number;
}

export const SCALES: Record<string, Scale> = {
  city: { name: 'city', label: '市级（7 个网站、50 个账号）', websites: 7, accounts: 50, quarters: 8 },
  province: {
    name: 'province',
    label: '省级（600 个网站、6,000 个账号）',
    websites: 600,
    accounts: 6000,
    quarters: 8,
  },
  region: {
    name: 'region',
    label: '地区级（3,600 个网站、36,000 个账号）',
    websites: 3600,
    accounts: 36000,
    quarters: 8,
  },
  national: {
    name: 'national',
    label: '全国（14,000 个网站、140,000 个账号）',
    websites: 14000,
    accounts: 140000,
    quarters: 8,
  },
};

/** mulberry32: small, fast, deterministic. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEPARTMENTS = [
  '人民政府',
  '教育局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水务局',
  '农业农村局',
  '商务局',
  '文化广电旅游体育局',
  '卫生健康局',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '信访局',
  '政务服务数据管理局',
];
const PROBLEMS = [
  '网页标签不规范',
  '文件解读不规范',
  '存在未注销的新媒体账号',
  '错别字',
  '链接不可用',
  '栏目设置不合理',
  '检索不准确',
];

const csvCell = (v: string | number) =>
  /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);

/** Writes `scale` as quarter folders 2019-Q1… under `dir`; returns the number of table rows written. */
export function writeSynthetic(
  dir: string,
  scale: Scale,
  seed = 20201026,
): { rows: number; quarters: string[] } {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const regionCount = Math.max(2, Math.round(Math.sqrt(scale.websites)));
  const regions = Array.from({ length: regionCount }, (_, i) => `虚构第${i + 1}区`);
  const unitsCount = Math.max(3, Math.round(scale.accounts / 3));
  const units = Array.from(
    { length: unitsCount },
    (_, i) =>
      `${regions[i % regionCount]}虚构${DEPARTMENTS[i % DEPARTMENTS.length]}${Math.floor(i / DEPARTMENTS.length) + 1}`,
  );
  let nextSite = 0;
  let nextAccount = 0;
  const newSite = () => {
    const i = nextSite++;
    return {
      code: String(4400000000 + i),
      name: `${regions[i % regionCount]}虚构${DEPARTMENTS[i % DEPARTMENTS.length]}网站${i + 1}`,
      region: regions[i % regionCount]!,
    };
  };
  const newAccount = () => {
    const i = nextAccount++;
    const unit = units[i % unitsCount]!;
    return {
      unit,
      platform: PLATFORMS[i % PLATFORMS.length]!,
      name: `${unit.replace(/^虚构第\d+区/, '')}发布${i + 1}`,
      region: regions[(i % unitsCount) % regionCount]!,
    };
  };
  let sites = Array.from({ length: scale.websites }, newSite);
  let accounts = Array.from({ length: scale.accounts }, newAccount);
  let rows = 0;
  const quarters: string[] = [];
  mkdirSync(dir, { recursive: true });
  for (let q = 0; q < scale.quarters; q++) {
    const year = 2019 + Math.floor(q / 4);
    const quarter = (q % 4) + 1;
    const id = `${year}-Q${quarter}`;
    quarters.push(id);
    // About 3% of entities are replaced each quarter, so histories have gaps and newcomers.
    if (q > 0) {
      sites = sites.map((s) => (rnd() < 0.03 ? newSite() : s));
      accounts = accounts.map((a) => (rnd() < 0.03 ? newAccount() : a));
    }
    const qdir = join(dir, id);
    mkdirSync(qdir, { recursive: true });
    const wLines = [
      '序号,网站名称,所属地区,网站标识码,首页不更新,栏目不更新,互动回应差,服务不实用,安全、泄密事故等严重问题,其他问题,加分,扣分,总分,结果',
    ];
    sites.forEach((s, i) => {
      const flags = WEBSITE_FLAGS.map(() => (rnd() < 0.02 ? '是' : '否'));
      const problems =
        rnd() < 0.3
          ? [pick(PROBLEMS), ...(rnd() < 0.3 ? [pick(PROBLEMS)] : [])]
              .filter((p, k, all) => all.indexOf(p) === k)
              .join('，')
          : '无';
      const deduction = Math.round(rnd() * 50) / 2;
      const bonus = 100 - deduction > 80 ? Math.round(rnd() * 30) : 0;
      const veto = flags.includes('是');
      wLines.push(
        [
          i + 1,
          s.name,
          s.region,
          s.code,
          ...flags,
          problems,
          bonus,
          deduction,
          100 + bonus - deduction,
          veto ? '不合格' : '合格',
        ]
          .map(csvCell)
          .join(','),
      );
    });
    const mLines = ['序号,单位名称,账号类型,账号名称,结果,所属地区'];
    accounts.forEach((a, i) =>
      mLines.push(
        [i + 1, a.unit, a.platform, a.name, rnd() < 0.05 ? '不合格' : '合格', a.region]
          .map(csvCell)
          .join(','),
      ),
    );
    rows += sites.length + accounts.length;
    writeFileSync(join(qdir, 'websites.csv'), `${wLines.join('\n')}\n`);
    writeFileSync(join(qdir, 'new-media.csv'), `${mLines.join('\n')}\n`);
    writeFileSync(
      join(qdir, 'bulletin.mdx'),
      `---
title: （基准测试虚构数据）虚构市${year}年第${quarterNumeral(quarter)}季度政府网站与政务新媒体检查情况的通报
issuer: （虚构）虚构市人民政府办公室
issued: ${year}-${String(quarter * 3).padStart(2, '0')}-28
disclosure: 主动公开
websitesTotal: ${sites.length}
newMediaTotal: ${accounts.length}
---

本通报为基准测试生成的虚构数据，不是真实通报。

## 一、总体情况

此次抽查政府网站<Stat name="网站数" />个，抽查率<Stat name="网站抽查率" />；抽查政务新媒体<Stat name="新媒体数" />个，合格率<Stat name="新媒体合格率" />。
`,
    );
  }
  return { rows, quarters };
}
