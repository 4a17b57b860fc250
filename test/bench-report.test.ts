/** The bench's figure (scripts/bench/plot.ts) and generated tables (scripts/bench/report.ts). */
import { describe, expect, it } from 'vitest';
import { benchmarkSvg, decades, type PlotPoint } from '../scripts/bench/plot.ts';
import {
  END_MARKER,
  generatedSection,
  limitCell,
  plotPoints,
  tables,
  type Row,
} from '../scripts/bench/report.ts';
import type { Timed } from '../scripts/bench/run.ts';
import { SCALES } from '../scripts/bench/synthetic.ts';

const POINTS: PlotPoint[] = [
  { label: '市级', entities: 57, buildSeconds: 2.7, bareSeconds: 0.8, memoryGiB: 0.77 },
  { label: '省级', entities: 6600, buildSeconds: 9.5, bareSeconds: 6.5, memoryGiB: 1.4 },
  { label: '地区级', entities: 39600, buildSeconds: 45, bareSeconds: 25, memoryGiB: 3.1 },
  { label: '全国', entities: 154000, buildSeconds: 198.8, bareSeconds: 103.7, memoryGiB: 9.6 },
];

/** Numeric attribute values of a series' markers (e.g. every memory point's cy). */
const attrs = (svg: string, series: string, attr: string) =>
  [...svg.matchAll(new RegExp(`<\\w+ class="${series}" [^>]*\\b${attr}="([-\\d.]+)"`, 'g'))].map((m) =>
    Number(m[1]),
  );

describe('the benchmark figure', () => {
  const svg = benchmarkSvg(POINTS);

  it('is an SVG image with a Chinese title and a description that states every figure', () => {
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img" aria-labelledby="bench-title bench-desc"/,
    );
    expect(svg).toContain('<title id="bench-title">构建耗时和内存随数据规模的变化</title>');
    const desc = /<desc id="bench-desc">([^<]*)<\/desc>/.exec(svg)![1]!;
    for (const text of [
      '全国（154,000 个网站和账号）：构建 199 秒',
      '空白基线 104 秒',
      '合计峰值内存 9.6 GiB',
      '7 GiB 目标',
    ])
      expect(desc).toContain(text);
  });

  it('places the scales left to right on a logarithmic axis, each decade the same width', () => {
    const xs = attrs(svg, 'ours', 'cx');
    expect(xs).toHaveLength(4);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(attrs(svg, 'memory', 'cx')).toEqual(xs);
    const decadeX = (v: number) =>
      Number(
        new RegExp(`<text class="x-tick" x="([\\d.]+)"[^>]*>${v.toLocaleString('en')}</text>`).exec(svg)![1],
      );
    expect(decadeX(1000) - decadeX(100)).toBeCloseTo(decadeX(100) - decadeX(10), 0);
    // 6,600 entities lie between 1,000 and 10,000, nearer the latter (log10 6600 ≈ 3.82).
    const share = (xs[1]! - decadeX(1000)) / (decadeX(10000) - decadeX(1000));
    expect(share).toBeCloseTo(Math.log10(6.6), 2);
  });

  it('draws build time above the baseline where it is slower, on a logarithmic time axis', () => {
    const ours = attrs(svg, 'ours', 'cy');
    const bare = attrs(svg, 'bare', 'y').map((y) => y + 4.5);
    // SVG y grows downwards: slower is higher up.
    ours.forEach((y, i) => expect(y).toBeLessThan(bare[i]!));
  });

  it('draws the memory limit as a line above the points below it and below a point above it', () => {
    const limitY = Number(/<line class="limit" [^>]*y1="([\d.]+)"/.exec(svg)![1]);
    const memoryYs = attrs(svg, 'memory', 'cy');
    expect(memoryYs).toHaveLength(4);
    // 0.77, 1.4 and 3.1 GiB are below the line, 9.6 GiB above it.
    expect(memoryYs.slice(0, 3).every((y) => y > limitY)).toBe(true);
    expect(memoryYs[3]!).toBeLessThan(limitY);
  });

  it('leaves out a scale that did not finish instead of drawing it at zero', () => {
    const failed = benchmarkSvg([POINTS[0]!, { ...POINTS[3]!, buildSeconds: NaN, bareSeconds: NaN }]);
    expect(attrs(failed, 'ours', 'cx')).toHaveLength(1);
    expect(attrs(failed, 'memory', 'cx')).toHaveLength(2);
    expect(failed).toContain('构建 未完成');
    expect(failed).not.toContain('NaN');
  });

  it('covers its values with whole decades', () => {
    expect(decades(57, 154000)).toEqual([10, 100, 1000, 10000, 100000, 1000000]);
    expect(decades(2, 3)).toEqual([1, 10]);
  });
});

const timed = (seconds: number, sumKiB: number, extra: Partial<Timed> = {}): Timed => ({
  seconds,
  code: 0,
  timedOut: false,
  output: '',
  memory: {
    roles: { 构建驱动: 100_000, Astro: sumKiB - 100_000 },
    scratchKiB: 0,
    sumKiB,
    processes: 3,
    samples: 10,
  },
  ...extra,
});

const row = (over: Partial<Row>): Row => ({
  scale: SCALES.national!,
  rows: 1_232_000,
  validate: timed(4.2, 500_000),
  build: timed(130, 6 * 1024 * 1024),
  bare: timed(104, 1024 * 1024),
  pages: 235_696,
  distBytes: 3e9,
  indexBytes: 1e8,
  js: { 首页: 900 },
  search: [
    { term: '账号', load: 150_000, loadWire: 70_000, query: 60_000, queryWire: 60_000 },
    { term: '虚构第1区', load: 0, loadWire: 0, query: 80_000, queryWire: 80_000 },
  ],
  limitGiB: 7,
  ...over,
});

describe('the generated tables', () => {
  it('reports a build that finished inside the limit, with the cgroup’s peak said to include page cache', () => {
    const build = timed(130, 6 * 1024 * 1024, {
      cgroup: { peakBytes: 7.4e9, oomKills: 0, limitBytes: 7 * 2 ** 30, swapLimited: true },
    });
    expect(limitCell(row({ build, limited: build }))).toBe('完成 ✓（控制组峰值 6.89 GiB，含页缓存）');
    const waited = { ...build, memoryStall: { seconds: 12.34, scope: '全机' as const } };
    expect(limitCell(row({ build: waited, limited: waited }))).toBe(
      '完成 ✓（控制组峰值 6.89 GiB，含页缓存；等待内存 12.3 秒（全机））',
    );
  });

  it('reports an OOM kill inside the limit as not finished, and a missing cgroup plainly', () => {
    const limited = timed(80, 7 * 1024 * 1024, {
      code: 1,
      cgroup: { peakBytes: 7 * 2 ** 30, oomKills: 1, limitBytes: 7 * 2 ** 30, swapLimited: true },
    });
    expect(limitCell(row({ build: limited, limited, failed: '构建失败' }))).toBe(
      '未完成 ✗：1 个进程因内存不足被终止（控制组峰值 7.00 GiB，含页缓存）',
    );
    // The bench then builds again without the limit for the time and each process's memory.
    const rerun = row({ build: timed(130, 8 * 1024 * 1024), limited });
    expect(limitCell(rerun)).toBe(
      '未完成 ✗：1 个进程因内存不足被终止（控制组峰值 7.00 GiB，含页缓存）；其余数字来自紧接着不限制内存的再次构建（刚删除过失败构建的文件，耗时可能偏高）',
    );
    expect(tables([rerun])).toContain('| 8.00 GiB ✗ |');
    expect(limitCell(row({ limitError: '本机没有挂载内存控制组（memory cgroup）' }))).toBe(
      '未能建立 7 GiB 限制（本机没有挂载内存控制组（memory cgroup））',
    );
    expect(limitCell(row({ limitGiB: undefined }))).toBe('—（未限制）');
  });

  it('marks the national targets met or missed', () => {
    const text = tables([row({})]);
    expect(text).toContain('| 4.20 s ✓ |'); // validation ≤ 5 s
    expect(text).toContain('| 1.25× ✓ |'); // 130 / 104
    expect(text).toContain('| 6.00 GiB ✓ |'); // summed peak ≤ 7 GiB
    expect(text).toContain('| 130.0 KB ✓（目标 ≤ 300 KB） |'); // 70 + 60 KB on the wire
    expect(text).toContain('| 150.0 KB / 70.0 KB |');
    const slow = tables([row({ build: timed(140, 8 * 1024 * 1024) })]);
    expect(slow).toContain('| 1.35× ✗ |');
    expect(slow).toContain('| 8.00 GiB ✗ |');
  });

  it('reports browsing by three filters: bytes, files, the filters and the count the page showed', () => {
    const browse = {
      filters: '季度=2020年第四季度、类型=政务新媒体、账号类型=微信',
      status: '找到 8236 条与所选条件相关的结果。',
      wire: 404_000,
      requests: 31,
    };
    expect(tables([row({ browse })])).toContain(
      '| 404.0 KB，31 个文件（季度=2020年第四季度、类型=政务新媒体、账号类型=微信：找到 8236 条） |',
    );
    expect(tables([row({})])).toContain('| 80.0 KB / 80.0 KB（“虚构第1区”） | — |');
  });

  it('shows a failed scale’s memory and leaves it out of the figure’s times', () => {
    const failed = row({
      failed: '构建失败（退出码 1）',
      build: timed(80, 7.5 * 1024 * 1024, { code: 1 }),
      bare: undefined,
    });
    const text = tables([failed]);
    expect(text).toContain('构建失败（退出码 1）');
    expect(text).toContain('7.50 GiB ✗');
    expect(plotPoints([failed])[0]).toMatchObject({ buildSeconds: NaN, bareSeconds: NaN, memoryGiB: 7.5 });
  });

  it('states the issue’s targets above the tables and ends at the marker that keeps the hand-written notes', () => {
    const section = generatedSection('TABLES');
    for (const target of ['≤ 1.3×', '≤ 7 GiB', '≤ 5 秒', '全国 ≤ 300 KB、市级 ≤ 100 KB'])
      expect(section).toContain(target);
    expect(section).toContain('![构建耗时和内存随数据规模的变化（BENCHMARKS.svg）](BENCHMARKS.svg)');
    expect(section.endsWith(`TABLES\n${END_MARKER}`)).toBe(true);
  });
});
