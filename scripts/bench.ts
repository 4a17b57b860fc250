#!/usr/bin/env node
/**
 * npm run bench [-- --scale city,province,region,national] [--limit <GiB>] [--no-limit] [--no-write]
 * Generates invented datasets (never in data/), then measures validation, the full build (with search index: time,
 * memory of every process, the national one inside a 7 GiB cgroup), output sizes, search bytes and JavaScript per
 * page type, and builds a bare Astro site with the same number of pages as a baseline. Prints Markdown tables and
 * writes BENCHMARKS.md and BENCHMARKS.svg (unless --no-write; the figure then goes to .tmp/bench/).
 */
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
import { basename, dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, serve } from './bench/browser.ts';
import { createCgroup, type Cgroup } from './bench/cgroup.ts';
import { benchmarkSvg } from './bench/plot.ts';
import {
  DEFAULT_SCALES,
  END_MARKER,
  SVG_FILE,
  TARGETS,
  generatedSection,
  plotPoints,
  tables,
  type Row,
  type SearchCost,
} from './bench/report.ts';
import { timed, type Timed } from './bench/run.ts';
import { browseBytes, indexBytes, queryBytes, type BrowseCost } from './bench/search-cost.ts';
import { SCALES, writeSynthetic, type Scale } from './bench/synthetic.ts';

const ROOT = process.cwd();
const WORK = join(ROOT, '.tmp', 'bench');
const TRASH = join(ROOT, '.tmp', 'bench-trash');
const NODE = process.execPath;
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

/** A command that has not finished in 40 minutes is reported as failed rather than left to run on. */
const TIMEOUT_SECONDS = 2400;

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
function bareBaseline(pages: number): Promise<Timed> {
  const dir = join(WORK, `bare-${pages}`);
  discard(dir);
  mkdirSync(join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(join(dir, 'astro.config.mjs'), 'export default { devToolbar: { enabled: false } };\n');
  writeFileSync(
    join(dir, 'src', 'pages', '[id].astro'),
    `---\nexport function getStaticPaths() { return Array.from({ length: ${pages} }, (_, i) => ({ params: { id: String(i) } })); }\nconst { id } = Astro.params;\n---\n<html lang="zh-CN"><head><title>页 {id}</title></head><body><p>页 {id}</p></body></html>\n`,
  );
  return timed([NODE, ASTRO, 'build', '--root', dir], { timeoutSeconds: TIMEOUT_SECONDS });
}

/**
 * Bytes a reader's browser fetches to start search and to run one query, from a server that gzips text types as
 * GitHub Pages does: for `terms[0]` (an account name) start-up and query, for the others the query alone.
 */
async function searchCost(
  dist: string,
  terms: string[],
): Promise<{ search: SearchCost[]; browse?: BrowseCost }> {
  const server = await serve(dist, '/', { gzip: true });
  const browser = await launch();
  try {
    const search: SearchCost[] = [];
    for (const term of terms) search.push({ term, ...(await queryBytes(browser, server.url, term)) });
    return { search, browse: await browseBytes(browser, server.url) };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The build of `scale` runs in a memory-limited cgroup when asked for; says why not when none can be made. */
function limitFor(scale: Scale, limitGiB: number | undefined): { cgroup?: Cgroup; error?: string } {
  if (limitGiB === undefined) return {};
  const made = createCgroup(Math.round(limitGiB * 2 ** 30), `bench-${scale.name}-${process.pid}`);
  if ('error' in made) {
    console.error(`[${scale.name}] 未能建立 ${limitGiB} GiB 限制：${made.error}`);
    return { error: made.error };
  }
  return { cgroup: made };
}

async function runScale(scale: Scale, limitGiB: number | undefined): Promise<Row> {
  const base = join(WORK, scale.name);
  discard(base);
  const data = join(base, 'data');
  const dist = join(base, 'dist');
  console.error(`[${scale.name}] 生成虚构数据…`);
  const { rows } = writeSynthetic(data, scale);
  const row: Row = { scale, rows, pages: 0, distBytes: 0, indexBytes: 0, js: {}, search: [], limitGiB };
  console.error(`[${scale.name}] 校验 ${rows} 行…`);
  row.validate = await timed([NODE, 'scripts/validate.ts', data], { timeoutSeconds: TIMEOUT_SECONDS });
  if (row.validate.code !== 0) {
    return { ...row, failed: `校验失败（退出码 ${row.validate.code}）：${row.validate.output.slice(-300)}` };
  }
  const limit = limitFor(scale, limitGiB);
  row.limitError = limit.error;
  console.error(
    `[${scale.name}] 构建${limit.cgroup ? `（在 ${limitGiB} GiB 的控制组 ${limit.cgroup.dir} 中）` : ''}…`,
  );
  const runBuild = (cgroup?: Cgroup) =>
    timed([NODE, 'scripts/build.ts', '--outDir', dist], {
      env: { DATA_DIR: data, ASTRO_CACHE_DIR: join(base, 'cache') },
      timeoutSeconds: TIMEOUT_SECONDS,
      cgroup,
    });
  try {
    row.build = await runBuild(limit.cgroup);
  } finally {
    limit.cgroup?.remove();
  }
  if (limit.cgroup) row.limited = row.build;
  if (row.build.code !== 0 && row.build.cgroup?.oomKills) {
    // The limit answered its question; the time and each process's need come from a build without it.
    writeFileSync(join(base, 'build-limited.log'), row.build.output);
    console.error(`[${scale.name}] 在 ${limitGiB} GiB 限制下未完成；不限制内存再构建一次…`);
    row.build = await runBuild();
  }
  const build = row.build;
  // Kept for reading where the time went (Astro prints each page with its time, the search index its own).
  writeFileSync(join(base, 'build.log'), build.output);
  if (build.code !== 0) {
    const why = build.timedOut
      ? `超过 ${TIMEOUT_SECONDS / 60} 分钟未完成，已终止`
      : `退出码 ${build.code}，${build.seconds.toFixed(0)} 秒`;
    return {
      ...row,
      failed: `构建失败（${why}）：${build.output.trim().split('\n').slice(-3).join(' ').slice(0, 300)}`,
    };
  }
  const files = walk(dist);
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  for (const [type, pattern] of PAGE_TYPES) {
    const sample = htmlFiles.find((f) => pattern.test(relative(dist, f)));
    if (sample) row.js[type] = pageJsBytes(dist, readFileSync(sample, 'utf8'));
  }
  console.error(`[${scale.name}] 基线：空白 Astro 站点 ${htmlFiles.length} 页…`);
  row.bare = await bareBaseline(htmlFiles.length);
  if (row.bare.code !== 0) throw new Error(`基线构建失败：\n${row.bare.output.slice(-2000)}`);
  // The first account's name (the query used since the first benchmark) and the first website's region.
  const account = readFileSync(join(data, '2019-Q1', 'new-media.csv'), 'utf8')
    .split('\n')[1]!
    .split(',');
  const website = readFileSync(join(data, '2019-Q1', 'websites.csv'), 'utf8')
    .split('\n')[1]!
    .split(',');
  console.error(`[${scale.name}] 搜索下载量…`);
  const cost = await searchCost(dist, [account[3]!, website[2]!]);
  row.search = cost.search;
  if (cost.browse) row.browse = cost.browse;
  return { ...row, pages: htmlFiles.length, distBytes: bytes(files), indexBytes: indexBytes(dist).index };
}

function machine(): string {
  const cpu = cpus();
  const node = process.version;
  return `${cpu.length} 核 ${cpu[0]?.model ?? ''}，内存 ${(totalmem() / 2 ** 30).toFixed(0)} GiB，Node ${node}，${new Date().toISOString().slice(0, 10)}`;
}

const option = (argv: string[], name: string) =>
  argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1) ??
  (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);

async function main(argv: string[]): Promise<number> {
  const names = (option(argv, '--scale') ?? DEFAULT_SCALES.join(',')).split(',');
  const unknown = names.filter((n) => !SCALES[n]);
  if (unknown.length) {
    console.error(
      `不认识的规模：${unknown.join(', ')}；可选 ${Object.keys(SCALES).join(', ')}（unknown scale）`,
    );
    return 2;
  }
  const limitArg = option(argv, '--limit');
  const limit = limitArg === undefined ? undefined : Number(limitArg);
  if (limit !== undefined && !(limit > 0)) {
    console.error(`--limit 应为正数（GiB），收到 ${limitArg}（invalid limit）`);
    return 2;
  }
  const results: Row[] = [];
  for (const n of names) {
    // Nationally the timed build itself runs inside the limit (one run gives both answers), unless --no-limit.
    const limitGiB = argv.includes('--no-limit')
      ? undefined
      : (limit ?? (n === 'national' ? TARGETS.memoryGiB : undefined));
    results.push(await runScale(SCALES[n]!, limitGiB));
  }
  console.error('删除上次运行的输出…');
  rmSync(TRASH, { recursive: true, force: true });
  const write = !argv.includes('--no-write');
  const svgPath = write ? SVG_FILE : join(WORK, SVG_FILE);
  mkdirSync(dirname(svgPath), { recursive: true });
  writeFileSync(svgPath, benchmarkSvg(plotPoints(results), TARGETS.memoryGiB));
  const report = `${tables(results)}\n\n机器：${machine()}`;
  console.log(report);
  console.error(`图：${relative(ROOT, svgPath)}`);
  if (write) {
    const previous = existsSync('BENCHMARKS.md') ? readFileSync('BENCHMARKS.md', 'utf8') : '';
    const kept = previous.includes(END_MARKER)
      ? previous.slice(previous.indexOf(END_MARKER) + END_MARKER.length)
      : '\n';
    writeFileSync('BENCHMARKS.md', `${generatedSection(report)}${kept}`);
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`基准测试失败：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
