#!/usr/bin/env node
/**
 * npm run build [-- --outDir DIR] [--verbose]: fails closed. Validates the data and writes nothing if it has an error; builds
 * into a temporary folder beside DIR and swaps it in only when both validation and Astro succeeded, so a failed
 * build leaves the previous site byte-for-byte as it was. Exit 0 built, 1 validation or build failed, 2 usage error.
 *
 * One pass over the data: Astro reads and validates it once (src/utils/dataset.ts), its content loader sends the
 * verdict here (src/node/build-channel.ts) before any page is rendered, and the search pages are written from the same
 * dataset when Astro's build starts (src/integrations/search-index.ts). Pagefind indexes them here, after Astro has
 * exited: at national scale each needs about 5 GiB, and a CI runner has 7 (BENCHMARKS.md). Astro's output is held back
 * until the data has passed, so staff with a broken CSV read only the validation report.
 *
 * Output: the validation report once, then one line per stage and the result. Astro's own log (every route, its
 * timings) is shown only with --verbose, or in full when Astro fails, so its error keeps its file and line; its
 * warnings are always shown.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  REPORT_ALL_ENV,
  SEARCH_INDEX_ENV,
  indexedLine,
  type BuildMessage,
} from '../src/node/build-channel.ts';
import { dataDirFromEnv } from '../src/node/data-dir.ts';
import { loadData } from '../src/node/load.ts';
import { formatReport, passes } from '../src/lib/report.ts';
import { indexSearchPages, scratchFolders, stopPagefind } from './build/pagefind.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
/**
 * Node's default heap limit (about 4 GiB) aborts the build of a national dataset; let Astro use up to three
 * quarters of the memory it may have instead. That is the container's or cgroup's limit where one is set (a CI
 * runner's 7 GB), not the host's: a heap sized from the host's memory grows past the limit before it collects.
 */
const HEAP_MIB = Math.floor((Math.min(totalmem(), process.constrainedMemory() || Infinity) / 2 ** 20) * 0.75);
/**
 * A larger young generation (64 MiB semi-spaces, default 16): each page's garbage dies young instead of being copied
 * into the old generation and marked again with the whole dataset (national scale: 192 s against 205 s).
 */
const SEMI_SPACE_MIB = 64;

/** `--outDir X` or `--outDir=X` (default dist), `--verbose`, and the other arguments, passed on to `astro build`. */
function parseArgs(argv: string[]): { outDir: string; verbose: boolean; rest: string[] } | undefined {
  let outDir = 'dist';
  let verbose = false;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--verbose') {
      // Ours, not Astro's (whose --verbose is its debug log).
      verbose = true;
    } else if (arg === '--outDir') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('-')) return undefined;
      outDir = value;
    } else if (arg.startsWith('--outDir=')) {
      outDir = arg.slice('--outDir='.length);
    } else {
      rest.push(arg);
    }
  }
  return outDir ? { outDir, verbose, rest } : undefined;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const exited = (child: ChildProcess) =>
  new Promise<Exit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));

/** Validation's verdict, as the content loader reports it. */
type Verdict = { ok: boolean; report: string };

/**
 * Validates here, for the report, when Astro stopped before reading the data (its configuration failed): staff see
 * the same report and stages as when Astro fails later.
 */
function validateHere(dataDir: string, all: boolean): Verdict {
  const data = loadData(dataDir);
  return { ok: passes(data.findings), report: formatReport(data, { all }) };
}

/** Holds a child's output until `release()`, then passes it on as it comes (--verbose). */
function holdOutput(child: ChildProcess): { release: () => void } {
  const held: [NodeJS.WriteStream, Buffer][] = [];
  let holding = true;
  const pass = (to: NodeJS.WriteStream) => (d: Buffer) => (holding ? held.push([to, d]) : to.write(d));
  child.stdout!.on('data', pass(process.stdout));
  child.stderr!.on('data', pass(process.stderr));
  return {
    release: () => {
      holding = false;
      for (const [to, d] of held.splice(0)) to.write(d);
    },
  };
}

// eslint-disable-next-line no-control-regex -- ESC starts the colour codes to strip
const ANSI = /\x1b\[[0-9;]*m/g;
/** A line of Astro's route list: `12:00:00   ├─ /websites/…/index.html (+3ms)`, or a timing left on its own line. */
const ROUTE_LINE = /[├└]─ |^\s*\(\+[\d.]+m?s\)\s*$/;
/** A line that starts an entry of Astro's log: `12:00:00 [build] …`. */
const LOG_ENTRY = /^\d\d:\d\d:\d\d /;

/**
 * Keeps Astro's log without its route list (national scale: 190 000 lines): what staff need from it is its warnings
 * when it succeeds, all of it when it fails, and how many pages it wrote.
 */
function quietOutput(child: ChildProcess) {
  const lines: string[] = [];
  let partial = '';
  const take = (d: Buffer) => {
    const parts = (partial + d.toString()).split('\n');
    partial = parts.pop()!;
    for (const line of parts) if (!ROUTE_LINE.test(line.replace(ANSI, ''))) lines.push(line);
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const all = () => (partial ? [...lines, partial] : lines);
  return {
    /** Everything but the route list. */
    full: () => all().join('\n').trim(),
    /** Astro's warnings and errors, each with the lines that belong to it (a code frame, a stack). */
    warnings: () => {
      const shown: string[] = [];
      let keep = false;
      for (const line of all()) {
        const plain = line.replace(ANSI, '');
        if (LOG_ENTRY.test(plain)) keep = /^\S+ \[(WARN|ERROR)\]/.test(plain);
        else if (plain.trim() === '') keep = false;
        if (keep) shown.push(line);
      }
      return shown.join('\n');
    },
    /** `95 page(s) built in 2.49s` */
    pages: () => {
      for (const line of all()) {
        const match = /(\d+) page\(s\) built in/.exec(line.replace(ANSI, ''));
        if (match) return Number(match[1]);
      }
      return undefined;
    },
  };
}

async function main(argv: string[]): Promise<number> {
  const started = performance.now();
  const args = parseArgs(argv);
  if (!args) {
    console.error(
      '用法：npm run build [-- --outDir 输出目录] [--verbose]（usage）\n  --verbose  显示 Astro 的完整输出（每个页面）和已确认的警告\n退出码：0 成功，1 校验或构建失败，2 用法错误',
    );
    return 2;
  }
  const out = resolve(args.outDir);
  const kept = existsSync(out) ? `原有的 ${args.outDir} 未改动` : `没有生成 ${args.outDir}`;
  const dataDir = dataDirFromEnv();

  mkdirSync(dirname(out), { recursive: true });
  // Beside the output, so the final renames stay on one file system.
  const temp = mkdtempSync(join(dirname(out), `.${basename(out)}-build-`));
  const searchIndex = `${temp}-search`;
  const cleanUp = () => {
    rmSync(temp, { recursive: true, force: true });
    rmSync(searchIndex, { recursive: true, force: true });
  };
  console.log('校验数据…');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    // Astro's output is piped through here: colour only on a terminal, never raw codes in a CI log or a file.
    ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : { NO_COLOR: '1', FORCE_COLOR: '0' }),
    // No usage data sent to Astro from a government publishing pipeline (its notice would otherwise be one more English box).
    ASTRO_TELEMETRY_DISABLED: process.env.ASTRO_TELEMETRY_DISABLED ?? '1',
  };
  const astro = spawn(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_MIB}`,
      `--max-semi-space-size=${SEMI_SPACE_MIB}`,
      ASTRO,
      'build',
      '--outDir',
      temp,
      ...args.rest,
    ],
    {
      cwd: ROOT,
      // A channel for the verdict and the search pages (src/node/build-channel.ts); its own process group, so that
      // stopping it stops whatever it started too.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
      env: {
        ...env,
        [SEARCH_INDEX_ENV]: String(process.pid),
        ...(args.verbose ? { [REPORT_ALL_ENV]: '1' } : {}),
      },
    },
  );
  const output = args.verbose ? holdOutput(astro) : undefined;
  const log = quietOutput(astro);
  const quiet = args.verbose ? undefined : log;
  const astroExit = exited(astro);
  let searchPages: Extract<BuildMessage, { kind: 'search-pages' }> | undefined;
  const verdict = new Promise<Verdict | undefined>((resolve) => {
    astro.on('message', (message: BuildMessage) => {
      if (message.kind === 'validated') resolve(message);
      else searchPages = message;
    });
    // Ended without a verdict: it failed before reading the data.
    void astroExit.then(() => resolve(undefined));
  });
  const kill = () => {
    try {
      process.kill(-astro.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  /** The search pages Astro wrote, once they are of no use (a failed or interrupted build). */
  const removeSearchPages = () => {
    for (const folder of scratchFolders(process.pid)) rmSync(folder, { recursive: true, force: true });
  };
  // Interrupted (Ctrl+C, a CI timeout): Astro and Pagefind stop too, and the old site stays.
  const stop = (signal: NodeJS.Signals) => {
    kill();
    stopPagefind();
    removeSearchPages();
    cleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);

  const { ok, report } = (await verdict) ?? validateHere(dataDir, args.verbose);
  if (!ok) {
    kill();
    await astroExit;
    removeSearchPages();
    cleanUp();
    console.error(`${report}\n数据校验未通过，网站未生成，${kept}（validation failed; nothing written）`);
    return 1;
  }
  console.log(report);
  console.log('生成页面…');
  output?.release();

  const { code, signal } = await astroExit;
  kill(); // anything a failed build left behind
  if (code !== 0 || !searchPages?.ok) {
    removeSearchPages();
    cleanUp();
    if (code === 0 || searchPages?.ok === false) {
      const error =
        searchPages?.ok === false ? searchPages.error : '没有收到搜索记录（no search pages reported）';
      console.error(`${error}\n搜索索引生成失败，${kept}（search index failed; nothing replaced）`);
      return 1;
    }
    // Astro's whole log (its route list aside): its error says which file and line.
    if (quiet) console.error(quiet.full());
    console.error(
      `构建失败，${kept}（astro build failed${signal ? ` by ${signal}` : ''}; nothing replaced）`,
    );
    return 1;
  }
  const warnings = quiet?.warnings();
  if (warnings) console.log(warnings);
  console.log('建立搜索索引…');
  const indexing = performance.now();
  try {
    // It removes the search pages either way.
    await indexSearchPages(searchPages, searchIndex);
  } catch (error) {
    cleanUp();
    console.error(
      `${error instanceof Error ? error.message : String(error)}\n搜索索引生成失败，${kept}（search index failed; nothing replaced）`,
    );
    return 1;
  }
  console.log(indexedLine(searchPages.records, searchPages.seconds + (performance.now() - indexing) / 1000));
  renameSync(searchIndex, join(temp, 'pagefind'));
  const previous = `${temp}-previous`;
  if (existsSync(out)) renameSync(out, previous);
  try {
    renameSync(temp, out);
  } catch (error) {
    if (existsSync(previous)) renameSync(previous, out);
    rmSync(temp, { recursive: true, force: true });
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
  const pages = log.pages();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `完成：${pages === undefined ? '' : `${pages} 个页面，`}用时 ${seconds} 秒；网站已生成到 ${args.outDir}（site written）`,
  );
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(
    `构建程序内部出错：${error instanceof Error ? error.message : String(error)}（internal error）`,
  );
  process.exitCode = 1;
}
