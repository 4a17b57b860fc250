/**
 * The generated part of BENCHMARKS.md: the issue's targets, how each figure is measured, and the tables.
 * Pure: results in, Markdown out (scripts/bench.ts measures).
 */
import { orderRoles } from './memory.ts';
import type { PlotPoint } from './plot.ts';
import type { Timed } from './run.ts';
import type { BrowseCost } from './search-cost.ts';
import type { Scale } from './synthetic.ts';

export const DEFAULT_SCALES = ['city', 'province', 'region', 'national'];
export const END_MARKER = '<!-- bench:end -->';
export const SVG_FILE = 'BENCHMARKS.svg';

/** Issue 16's targets. */
export const TARGETS = {
  /** Build time ÷ bare Astro baseline, nationally. */
  ratio: 1.3,
  /** Summed peak of every build process, nationally; also the cgroup limit of the national build. */
  memoryGiB: 7,
  /** National validation. */
  validateSeconds: 5,
  /** First search (start-up + query, bytes on the wire), KB = 1000 bytes. */
  firstSearchKB: { national: 300, city: 100 } as Record<string, number>,
  /** JavaScript per page type, gzip. */
  pageJsKB: 100,
};

export interface SearchCost {
  term: string;
  load: number;
  query: number;
  loadWire: number;
  queryWire: number;
}

export interface Row {
  scale: Scale;
  rows: number;
  /** Why the scale could not be measured to the end, when it could not. */
  failed?: string;
  validate?: Timed;
  build?: Timed;
  bare?: Timed;
  pages: number;
  distBytes: number;
  indexBytes: number;
  js: Record<string, number>;
  /** First an account name (start-up and query), then a region name (query). */
  search: SearchCost[];
  /** Browsing by three filters without a query. */
  browse?: BrowseCost;
  /** The memory limit the build ran under, GiB. */
  limitGiB?: number;
  /** The build under that limit: `build` itself, or (when the limit stopped it) an earlier run before `build`. */
  limited?: Timed;
  /** Why no cgroup could be made for that limit. */
  limitError?: string;
}

const MiB = 1024;
const GiB = 1024 * 1024;
/** KiB as MiB below a GiB, else GiB with two decimals. */
export const memory = (kib: number) =>
  kib >= GiB ? `${(kib / GiB).toFixed(2)} GiB` : `${Math.round(kib / MiB)} MiB`;
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
const mark = (ok: boolean) => (ok ? ' ✓' : ' ✗');
/** Short name of a scale (its label before the parenthesis). */
const short = (scale: Scale) => scale.label.replace(/（.*$/, '');
const cell = (s: string) => s.replace(/\|/g, '/').replace(/\n/g, ' ');

function markdownTable(head: string[], body: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...body.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

const done = (t: Timed | undefined): t is Timed => t !== undefined && t.code === 0;

function timeTable(results: Row[]): string {
  return markdownTable(
    [
      '规模',
      '网站 + 账号',
      '数据行（8 个季度）',
      '校验耗时',
      '校验速度',
      '构建耗时（含检索索引）',
      '页面数',
      '页/秒',
      '空白 Astro 基线',
      '耗时比',
    ],
    results.map((r) => {
      const national = r.scale.name === 'national';
      const v = r.validate;
      const validate = v
        ? `${v.seconds.toFixed(2)} s${national ? mark(v.code === 0 && v.seconds <= TARGETS.validateSeconds) : ''}`
        : '—';
      const speed = done(v) ? `${Math.round(r.rows / v.seconds).toLocaleString('en')} 行/秒` : '—';
      const head = [
        short(r.scale),
        (r.scale.websites + r.scale.accounts).toLocaleString('en'),
        r.rows.toLocaleString('en'),
        validate,
        speed,
      ];
      if (r.failed || !done(r.build) || !done(r.bare))
        return [...head, r.failed ?? '未完成', '—', '—', '—', '—'];
      const ratio = r.build.seconds / r.bare.seconds;
      return [
        ...head,
        `${r.build.seconds.toFixed(1)} s`,
        r.pages.toLocaleString('en'),
        (r.pages / r.build.seconds).toFixed(0),
        `${r.bare.seconds.toFixed(1)} s`,
        `${ratio.toFixed(2)}×${national ? mark(ratio <= TARGETS.ratio) : ''}`,
      ];
    }),
  );
}

/** What the memory-limited build showed, or why there was none. */
export function limitCell(r: Row): string {
  if (r.limitGiB === undefined) return '—（未限制）';
  if (r.limitError) return `未能建立 ${r.limitGiB} GiB 限制（${r.limitError}）`;
  const run = r.limited;
  const c = run?.cgroup;
  if (!run || !c) return '—';
  const peak = Number.isFinite(c.peakBytes)
    ? `控制组峰值 ${memory(c.peakBytes / 1024)}，含页缓存`
    : '内核未报告峰值';
  const swap = c.swapLimited ? '' : '；未能禁用 swap';
  const waited = run.memoryStall
    ? `；等待内存 ${run.memoryStall.seconds.toFixed(1)} 秒（${run.memoryStall.scope}）`
    : '';
  if (run.code === 0 && c.oomKills === 0) return `完成${mark(true)}（${peak}${swap}${waited}）`;
  const why = c.oomKills > 0 ? `${c.oomKills} 个进程因内存不足被终止` : `退出码 ${run.code}`;
  const rerun =
    run !== r.build && r.build
      ? '；其余数字来自紧接着不限制内存的再次构建（刚删除过失败构建的文件，耗时可能偏高）'
      : '';
  return `未完成${mark(false)}：${why}（${peak}${swap}${waited}）${rerun}`;
}

function memoryTable(results: Row[]): string {
  // Roles seen with memory (a short-lived helper may be sampled only as a zombie, at 0).
  const roles = orderRoles(
    results.flatMap((r) =>
      Object.entries(r.build?.memory.roles ?? {})
        .filter(([, kib]) => kib > 0)
        .map(([role]) => role),
    ),
  );
  return markdownTable(
    [
      '规模',
      ...roles.map((role) => `${role}${/[\x21-\x7e]$/.test(role) ? ' ' : ''}峰值`),
      '内存盘上的搜索记录',
      '全部进程合计峰值',
      `在内存限制下构建`,
      '空白基线峰值',
    ],
    results.map((r) => {
      const m = r.build?.memory;
      const national = r.scale.name === 'national';
      if (!m || m.samples === 0)
        return [short(r.scale), ...roles.map(() => '—'), '—', '—', limitCell(r), '—'];
      return [
        short(r.scale),
        ...roles.map((role) => (m.roles[role] ? memory(m.roles[role]) : '—')),
        m.scratchKiB ? memory(m.scratchKiB) : '—',
        `${memory(m.sumKiB)}${national ? mark(m.sumKiB <= TARGETS.memoryGiB * GiB) : ''}`,
        limitCell(r),
        r.bare?.memory.samples ? memory(r.bare.memory.sumKiB) : '—',
      ];
    }),
  );
}

function searchTable(results: Row[]): string {
  return markdownTable(
    [
      '规模',
      'dist 大小',
      '检索索引大小',
      '搜索启动（原始 / 传输）',
      '第一次查询（原始 / 传输）',
      '首次搜索合计（传输）',
      '按地区名查询（原始 / 传输）',
      '只用三项筛选浏览（传输）',
    ],
    results.map((r) => {
      const [first, region] = r.search;
      const browse = r.browse
        ? `${kb(r.browse.wire)}，${r.browse.requests} 个文件（${r.browse.filters}：${r.browse.status.replace(/与所选条件相关的结果。$/, '')}）`
        : '—';
      if (!first)
        return [short(r.scale), r.distBytes ? mib(r.distBytes) : '—', '—', '—', '—', '—', '—', browse];
      const total = first.loadWire + first.queryWire;
      const target = TARGETS.firstSearchKB[r.scale.name];
      return [
        short(r.scale),
        mib(r.distBytes),
        r.indexBytes ? mib(r.indexBytes) : '（无）',
        `${kb(first.load)} / ${kb(first.loadWire)}`,
        `${kb(first.query)} / ${kb(first.queryWire)}（“${first.term}”）`,
        `${kb(total)}${target ? `${mark(total <= target * 1000)}（目标 ≤ ${target} KB）` : ''}`,
        region ? `${kb(region.query)} / ${kb(region.queryWire)}（“${region.term}”）` : '—',
        browse,
      ];
    }),
  );
}

function jsTable(results: Row[]): string {
  const types = [...new Set(results.flatMap((r) => Object.keys(r.js)))];
  return markdownTable(
    ['规模', ...types],
    results.map((r) => [
      short(r.scale),
      ...types.map((t) =>
        r.js[t] === undefined
          ? '—'
          : `${(r.js[t]! / 1024).toFixed(1)} KiB${mark(r.js[t]! <= TARGETS.pageJsKB * 1000)}`,
      ),
    ]),
  );
}

export function tables(results: Row[]): string {
  return [
    '### 耗时',
    timeTable(results),
    '### 内存（`npm run build` 的全部进程）',
    memoryTable(results),
    '### 搜索下载量和输出大小',
    searchTable(results),
    '### 各类页面的 JS（gzip）',
    jsTable(results),
  ].join('\n\n');
}

/** One point per scale for the figure; a build that did not finish has no time but may have a memory peak. */
export function plotPoints(results: Row[]): PlotPoint[] {
  return results.map((r) => ({
    label: short(r.scale),
    entities: r.scale.websites + r.scale.accounts,
    buildSeconds: done(r.build) && !r.failed ? r.build.seconds : NaN,
    bareSeconds: done(r.bare) ? r.bare.seconds : NaN,
    memoryGiB: r.build?.memory.samples ? r.build.memory.sumKiB / GiB : NaN,
  }));
}

/** Everything above the end marker: title, targets, method, figure and tables. */
export function generatedSection(report: string): string {
  const { ratio, memoryGiB, validateSeconds, firstSearchKB, pageJsKB } = TARGETS;
  return `<!-- npm run bench writes between these markers; text after them is kept -->
# 性能基准（BENCHMARKS）

由 \`npm run bench\` 生成（数据为基准测试生成的虚构数据，每种规模 8 个季度，不写入 data/）。

**目标**（议题 16，均指全国规模，另注明的除外）：耗时比（本站构建耗时 ÷ 空白 Astro 基线）≤ ${ratio}×；
\`npm run build\` 全部进程合计峰值内存 ≤ ${memoryGiB} GiB，并能在 ${memoryGiB} GiB 的内存限制下完成；全国校验 ≤ ${validateSeconds} 秒；
首次搜索（启动 + 第一次查询，按传输字节）全国 ≤ ${firstSearchKB.national} KB、市级 ≤ ${firstSearchKB.city} KB；各类页面 JS ≤ ${pageJsKB} KB（gzip）。
表中 ✓ / ✗ 标出适用的目标是否达到。

**怎样测的**

- 耗时：墙钟时间。“空白 Astro 基线”是用同一版本 Astro 构建相同页数的空白页面所需的时间。
- 内存：每 150 毫秒读一次 \`/proc\`，覆盖被计时命令的整个进程树（每秒找一次新进程）。每个进程按用途归类（构建驱动 \`scripts/build.ts\`、Astro、
  索引进程 \`build-search-index.ts\`、Pagefind、其他按程序和脚本名），每类取同一时刻该类进程 RSS 之和的最大值；
  Astro 进程中写搜索页的工作线程算在 Astro 之内，Pagefind 在 Astro 退出后才由构建驱动启动；
  “内存盘上的搜索记录”是写在 \`/dev/shm\` 等 Pagefind 读入的搜索页文件（内存盘上的文件也占内存），在内存限制下构建时取控制组自己的内存盘用量（精确），
  否则按内存盘已用空间比开始时多出的部分计，只在本次构建的记录文件夹存在时计入（其他程序同时写内存盘时会偏高）；
  “全部进程合计峰值”是同一时刻全部进程 RSS 与这些文件之和的最大值。共享的页（如 Node 程序本身）在每个进程各算一次，合计略偏高；
  短于 150 毫秒的尖峰可能测不到。
- 内存限制：全国规模的计时构建本身就在一个限制为 ${memoryGiB} GiB 的控制组（cgroup，同时不许使用 swap）中运行，一次运行同时给出耗时和能否完成；
  其他规模用 \`--limit <GiB>\` 可同样限制，\`--no-limit\` 则不限制。控制组的用量包括页缓存（写出的网页文件），内核在接近限制时回收它们，
  所以控制组峰值接近限制并不说明进程需要那么多内存，能否完成才是答案。不能建立控制组时写明“未能建立 ${memoryGiB} GiB 限制”。
  “等待内存”是构建期间有任务因内存不足（回收、重新读入）而等待的秒数（内核的 PSI），大致表明限制让构建慢了多少；
  cgroup v1 没有单独的 PSI，用的是全机的数字，机器上其他任务的等待也会计入。
- 搜索：本机服务器像 GitHub Pages 那样对文字类文件（HTML、CSS、JS、JSON）gzip 传输，Pagefind 的 \`.pf_*\` 和 \`.pagefind\` 文件本身已压缩，原样传送。
  “原始”是文件的字节数，“传输”是实际传送的字节数；KB = 1000 字节。第一次查询是第一个账号的名称，另测一次地区名的查询（结果多）。
  “只用三项筛选浏览”不输入关键词，选最新季度、政务新媒体和账号最多的账号类型，计到数量和第一屏结果出现为止下载的 Pagefind 文件和筛选集合文件
  （\`/search/sets/\`，按各筛选值的记录集合求交集得出数量）。

![构建耗时和内存随数据规模的变化（${SVG_FILE}）](${SVG_FILE})

${report}
${END_MARKER}`;
}
