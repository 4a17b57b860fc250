#!/usr/bin/env node
/**
 * npm run bench [-- --scale city,province,national] [--no-write]
 * Generates invented datasets (never in data/), then measures validation, the full build (with search index),
 * output sizes and JavaScript per page type, and builds a bare Astro site with the same number of pages as a
 * baseline. Prints a Markdown table and writes BENCHMARKS.md (unless --no-write).
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SCALES, writeSynthetic, type Scale } from './bench/synthetic.ts';
import { launch, serve } from './bench/browser.ts';
import { indexBytes, queryBytes } from './bench/search-cost.ts';

const ROOT = process.cwd();
const WORK = join(ROOT, '.tmp', 'bench');
const TRASH = join(ROOT, '.tmp', 'bench-trash');
const NODE = process.execPath;
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** A command that has not finished in 40 minutes is reported as failed rather than left to run on. */
const TIMEOUT_SECONDS = 2400;

interface Timed {
  seconds: number;
  peakMiB: number;
  code: number | null;
  output: string;
}

/** Runs a command under GNU time for wall-clock seconds and peak resident memory (largest process). */
function timed(args: string[], env: Record<string, string> = {}): Timed {
  // The previous step may have left gigabytes of pages unwritten in the kernel's cache; flushing them first keeps
  // that write-back out of this step's time (the baseline runs right after a 3.7 GB national build).
  spawnSync('sync');
  const start = process.hrtime.bigint();
  // GNU timeout signals the whole process group, so Astro's and Pagefind's own processes stop with the command.
  const r = spawnSync(
    'timeout',
    ['-s', 'KILL', String(TIMEOUT_SECONDS), '/usr/bin/time', '-f', '%M', ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, ...env },
      maxBuffer: 1 << 30,
    },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const lines = r.stderr.trim().split('\n');
  const peakKiB = Number(lines.at(-1));
  return {
    seconds,
    peakMiB: Number.isFinite(peakKiB) ? peakKiB / 1024 : NaN,
    code: r.status,
    output: r.stdout + r.stderr,
  };
}

/**
 * Moves an earlier run's output aside instead of deleting it; the run deletes it after its last timed step.
 * On ext4 without a journal (as on these machines), creating a file passes over every inode freed in the last few
 * minutes (the kernel's recently_deleted check), so a build started right after deleting a previous national
 * output spent most of its time in the kernel: the same bare baseline took 106 s on a quiet disk and 168 s after
 * a deletion. Timings taken within about five minutes of deleting a large tree are not comparable.
 */
function discard(path: string): void {
  if (!existsSync(path)) return;
  mkdirSync(TRASH, { recursive: true });
  renameSync(path, join(TRASH, `${Date.now()}-${basename(path)}`));
}

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

const bytes = (files: string[]) => files.reduce((n, f) => n + statSync(f).size, 0);
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

/** Page types by URL prefix; the first page of each type found is sampled for its JavaScript. */
const PAGE_TYPES: [string, RegExp][] = [
  ['首页', /^index\.html$/],
  ['通报', /^bulletins\/\d{4}-q\d\/index\.html$/],
  ['网站', /^websites\/[^/]+\/index\.html$/],
  ['账号', /^accounts\/[^/]+\/index\.html$/],
  ['单位', /^units\/[^/]+\/index\.html$/],
  ['趋势', /^trends\/index\.html$/],
  ['搜索', /^search\/index\.html$/],
  ['数据', /^data\/index\.html$/],
];

/** Gzipped bytes of the JavaScript a page loads: its module scripts and their static imports. */
function pageJsBytes(dist: string, html: string): number {
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
  let total = 0;
  for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g))
    total += gzipSync(m[1]!).length;
  while (queue.length) {
    const src = queue.shift()!;
    const file = join(
      dist,
      src.replace(/^(https?:\/\/[^/]+)?\/(?:[^/]+\/)*?(_astro\/)/, '$2').replace(/^\//, ''),
    );
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file);
    total += gzipSync(code).length;
    // Static and dynamic imports alike (a chart page loads Chart.js with import()): every chunk it may run.
    for (const m of code.toString().matchAll(/["'`](?:\.\/|\/?_astro\/)([\w.-]+\.js)["'`]/g))
      queue.push(`/_astro/${m[1]}`);
  }
  return total;
}

/** A bare Astro site with `pages` trivial pages, built by the same Astro: the baseline. */
function bareBaseline(pages: number): Timed {
  const dir = join(WORK, `bare-${pages}`);
  discard(dir);
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(join(dir, 'astro.config.mjs'), 'export default { devToolbar: { enabled: false } };\n');
  writeFileSync(
    join(dir, 'src', 'pages', '[id].astro'),
    `---\nexport function getStaticPaths() { return Array.from({ length: ${pages} }, (_, i) => ({ params: { id: String(i) } })); }\nconst { id } = Astro.params;\n---\n<html lang="zh-CN"><head><title>页 {id}</title></head><body><p>页 {id}</p></body></html>\n`,
  );
  return timed([NODE, ASTRO, 'build', '--root', dir]);
}

interface Row {
  scale: Scale;
  /** Why the scale could not be measured to the end, when it could not. */
  failed?: string;
  query?: { load: number; query: number; term: string };
  rows: number;
  validate: Timed;
  build: Timed;
  pages: number;
  distBytes: number;
  indexBytes: number;
  js: Record<string, number>;
  bare: Timed;
}

/** Bytes a reader's browser fetches to start search and to run one typical query (an account name). */
async function searchCost(dist: string, term: string) {
  const server = await serve(dist);
  const browser = await launch();
  try {
    const cost = await queryBytes(browser, server.url, term);
    return { load: cost.load, query: cost.query, term };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function runScale(scale: Scale): Promise<Row> {
  const base = join(WORK, scale.name);
  discard(base);
  const data = join(base, 'data');
  const dist = join(base, 'dist');
  console.error(`[${scale.name}] 生成虚构数据…`);
  const { rows } = writeSynthetic(data, scale);
  const empty: Timed = { seconds: NaN, peakMiB: NaN, code: null, output: '' };
  const partial = {
    scale,
    rows,
    validate: empty,
    build: empty,
    pages: 0,
    distBytes: 0,
    indexBytes: 0,
    js: {},
    bare: empty,
  };
  console.error(`[${scale.name}] 校验 ${rows} 行…`);
  const validate = timed([NODE, 'scripts/validate.ts', data]);
  if (validate.code !== 0)
    return { ...partial, failed: `校验失败（退出码 ${validate.code}）：${validate.output.slice(-300)}` };
  console.error(`[${scale.name}] 构建…`);
  const build = timed([NODE, 'scripts/build.ts', '--outDir', dist], {
    DATA_DIR: data,
    ASTRO_CACHE_DIR: join(base, 'cache'),
  });
  // Kept for reading where the time went (Astro prints each page with its time, the search index its own).
  writeFileSync(join(base, 'build.log'), build.output);
  if (build.code !== 0) {
    const why =
      build.code === 137 || build.seconds >= TIMEOUT_SECONDS
        ? `超过 ${TIMEOUT_SECONDS / 60} 分钟未完成，已终止`
        : `退出码 ${build.code}，${build.seconds.toFixed(0)} 秒`;
    const memory = build.peakMiB > 0 ? `，峰值内存 ${build.peakMiB.toFixed(0)} MiB` : '';
    return {
      ...partial,
      validate,
      build,
      failed: `构建失败（${why}${memory}）：${build.output.trim().split('\n').slice(-3).join(' ').slice(0, 300)}`,
    };
  }
  const files = walk(dist);
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  const js: Record<string, number> = {};
  for (const [type, pattern] of PAGE_TYPES) {
    const sample = htmlFiles.find((f) => pattern.test(relative(dist, f)));
    if (sample) js[type] = pageJsBytes(dist, readFileSync(sample, 'utf8'));
  }
  console.error(`[${scale.name}] 基线：空白 Astro 站点 ${htmlFiles.length} 页…`);
  const bare = bareBaseline(htmlFiles.length);
  if (bare.code !== 0) throw new Error(`基线构建失败：\n${bare.output.slice(-2000)}`);
  const term = readFileSync(join(data, '2019-Q1', 'new-media.csv'), 'utf8')
    .split('\n')[1]!
    .split(',')[3]!;
  const query = await searchCost(dist, term);
  return {
    scale,
    rows,
    validate,
    build,
    pages: htmlFiles.length,
    distBytes: bytes(files),
    indexBytes: indexBytes(dist).index,
    js,
    bare,
    query,
  };
}

function table(results: Row[]): string {
  const head = [
    '规模',
    '数据行（8 个季度）',
    '校验耗时',
    '校验速度',
    '构建耗时（含检索索引）',
    '页面数',
    '页/秒',
    '构建峰值内存',
    'dist 大小',
    '检索索引大小',
    '一次搜索下载（启动 + 查询）',
    '空白 Astro 基线',
    '耗时比',
    '各类页面 JS（gzip）',
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of results) {
    if (r.failed) {
      lines.push(
        `| ${r.scale.label} | ${r.rows.toLocaleString('en')} | ${Number.isNaN(r.validate.seconds) ? '—' : `${r.validate.seconds.toFixed(2)} s`} | ${Number.isNaN(r.validate.seconds) ? '—' : `${Math.round(r.rows / r.validate.seconds).toLocaleString('en')} 行/秒`} | ${r.failed.replace(/\|/g, '/')} ||||||||||`,
      );
      continue;
    }
    lines.push(
      `| ${[
        r.scale.label,
        r.rows.toLocaleString('en'),
        `${r.validate.seconds.toFixed(2)} s`,
        `${Math.round(r.rows / r.validate.seconds).toLocaleString('en')} 行/秒`,
        `${r.build.seconds.toFixed(1)} s`,
        r.pages.toLocaleString('en'),
        (r.pages / r.build.seconds).toFixed(0),
        `${r.build.peakMiB.toFixed(0)} MiB`,
        mib(r.distBytes),
        r.indexBytes ? mib(r.indexBytes) : '（无）',
        r.query ? `${kib(r.query.load)} + ${kib(r.query.query)}（“${r.query.term}”）` : '—',
        `${r.bare.seconds.toFixed(1)} s`,
        `${(r.build.seconds / r.bare.seconds).toFixed(2)}×`,
        Object.entries(r.js)
          .map(([t, n]) => `${t} ${kib(n)}`)
          .join('；'),
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

function machine(): string {
  const cpu = cpus();
  const node = process.version;
  return `${cpu.length} 核 ${cpu[0]?.model ?? ''}，内存 ${(totalmem() / 2 ** 30).toFixed(0)} GiB，Node ${node}，${new Date().toISOString().slice(0, 10)}`;
}

async function main(argv: string[]): Promise<number> {
  const scaleArg =
    argv.find((a) => a.startsWith('--scale='))?.slice(8) ??
    (argv.includes('--scale') ? argv[argv.indexOf('--scale') + 1] : undefined);
  const names = (scaleArg ?? 'city,province,national').split(',');
  const unknown = names.filter((n) => !SCALES[n]);
  if (unknown.length) {
    console.error(
      `不认识的规模：${unknown.join(', ')}；可选 ${Object.keys(SCALES).join(', ')}（unknown scale）`,
    );
    return 2;
  }
  const results: Row[] = [];
  for (const n of names) results.push(await runScale(SCALES[n]!));
  console.error('删除上次运行的输出…');
  rmSync(TRASH, { recursive: true, force: true });
  const report = `${table(results)}\n\n机器：${machine()}`;
  console.log(report);
  if (!argv.includes('--no-write')) {
    const generated = `<!-- npm run bench writes between these markers; text after them is kept -->
# 性能基准（BENCHMARKS）

由 \`npm run bench\` 生成（数据为基准测试生成的虚构数据，每种规模 8 个季度，不写入 data/）。
“空白 Astro 基线”是用同一版本 Astro 构建相同页数的空白页面所需的时间；“耗时比”= 本站构建耗时 ÷ 基线耗时（目标 ≤ 2×）。
校验目标：全国规模 10 秒内完成。各类页面 JS 为页面加载的全部脚本 gzip 后的字节数（目标：每类 ≤ 100 KB）。

${report}
<!-- bench:end -->`;
    const previous = existsSync('BENCHMARKS.md') ? readFileSync('BENCHMARKS.md', 'utf8') : '';
    const kept = previous.includes('<!-- bench:end -->')
      ? previous.slice(previous.indexOf('<!-- bench:end -->') + '<!-- bench:end -->'.length)
      : '\n';
    writeFileSync('BENCHMARKS.md', generated + kept);
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`基准测试失败：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
