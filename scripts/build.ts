#!/usr/bin/env node
/**
 * npm run build [-- --outDir DIR]: fails closed. Validates first and writes nothing if the data has an error;
 * then builds into a temporary folder beside DIR and swaps it in only when Astro succeeded, so a failed
 * build leaves the previous site byte-for-byte as it was. Exit 0 built, 1 validation or build failed, 2 usage error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDataDir } from '../src/lib/load.ts';
import { formatReport, passes } from '../src/lib/report.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
/**
 * Node's default heap limit (about 4 GiB) aborts the build of a national dataset; let Astro use up to three
 * quarters of the machine's memory instead.
 */
const HEAP_MIB = Math.floor((totalmem() / 2 ** 20) * 0.75);

/** `--outDir X` or `--outDir=X` (default dist), and the other arguments, passed on to `astro build`. */
function parseArgs(argv: string[]): { outDir: string; rest: string[] } | undefined {
  let outDir = 'dist';
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--outDir') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('-')) return undefined;
      outDir = value;
    } else if (arg.startsWith('--outDir=')) {
      outDir = arg.slice('--outDir='.length);
    } else {
      rest.push(arg);
    }
  }
  return outDir ? { outDir, rest } : undefined;
}

/** Validates the data; only the verdict and the report outlive it, so Astro does not share memory with the records. */
function validate(dataDir: string): { ok: boolean; report: string } {
  const result = loadDataDir(dataDir);
  return { ok: passes(result.findings), report: formatReport(result) };
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (!args) {
    console.error('用法：npm run build [-- --outDir 输出目录]（usage）\n退出码：0 成功，1 校验或构建失败，2 用法错误');
    return 2;
  }
  const out = resolve(args.outDir);
  const kept = existsSync(out) ? `原有的 ${args.outDir} 未改动` : `没有生成 ${args.outDir}`;

  const dataDir = process.env.DATA_DIR || 'data';
  const { ok, report } = validate(dataDir);
  if (!ok) {
    console.error(`${report}\n数据校验未通过，网站未生成，${kept}（validation failed; nothing written）`);
    return 1;
  }
  console.log(report);

  mkdirSync(dirname(out), { recursive: true });
  // Beside the output, so the final rename stays on one file system.
  const temp = mkdtempSync(join(dirname(out), `.${basename(out)}-build-`));
  const astro = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MIB}`, ASTRO, 'build', '--outDir', temp, ...args.rest], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, DATA_DIR: dataDir } });
  if (astro.status !== 0) {
    rmSync(temp, { recursive: true, force: true });
    console.error(`构建失败，${kept}（astro build failed${astro.signal ? ` by ${astro.signal}` : ''}; nothing replaced）`);
    return 1;
  }
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
  console.log(`网站已生成：${args.outDir}（site written）`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`构建程序内部出错：${error instanceof Error ? error.message : String(error)}（internal error）`);
  process.exitCode = 1;
}
