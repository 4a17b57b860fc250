/**
 * Memory of a timed command's whole process tree, from /proc: which processes belong to it, what each is for, and
 * the peaks per role and of the sum. Pure functions over /proc text, so they can be tested with fixtures; the
 * reading and the clock are in scripts/bench/run.ts.
 */
import { basename } from 'node:path';

export interface ProcStat {
  pid: number;
  ppid: number;
  /** The kernel's short command name (at most 15 characters). */
  comm: string;
}

/** `/proc/<pid>/stat`: "pid (comm) state ppid …"; comm may hold spaces and parentheses, so it ends at the last ")". */
export function parseStat(text: string): ProcStat | undefined {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return undefined;
  const pid = Number(text.slice(0, open).trim());
  const ppid = Number(text.slice(close + 2).split(' ')[1]);
  if (!Number.isInteger(pid) || !Number.isInteger(ppid)) return undefined;
  return { pid, ppid, comm: text.slice(open + 1, close) };
}

/** Resident memory in KiB from `/proc/<pid>/status` (VmRSS; absent for a zombie, then 0). */
export function parseRssKiB(status: string): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) : 0;
}

/** `root` and every process descending from it, by parent pid. */
export function descendants(root: number, stats: readonly ProcStat[]): Set<number> {
  const children = new Map<number, number[]>();
  for (const s of stats) {
    const list = children.get(s.ppid);
    if (list) list.push(s.pid);
    else children.set(s.ppid, [s.pid]);
  }
  const tree = new Set<number>();
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    if (tree.has(pid)) continue;
    tree.add(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Roles in the order the report shows them; any other process is shown under its own name after these. */
export const ROLES = ['构建驱动', 'Astro', '索引进程', 'Pagefind', '校验'] as const;

/** Scripts by file name: the build may be restructured, so a role is recognised by its entry point wherever it runs. */
const SCRIPT_ROLES: Record<string, string> = {
  'build.ts': '构建驱动',
  'astro.mjs': 'Astro',
  'build-search-index.ts': '索引进程',
  'validate.ts': '校验',
};

/**
 * What a process is for, from its command line (`/proc/<pid>/cmdline`, NUL-separated) and kernel name: the
 * project's scripts and Astro by their entry file, Pagefind by its binary, anything else by the program and
 * script it runs (e.g. "node search-batch.ts", "sh").
 */
export function classify(cmdline: string, comm: string): string {
  const argv = cmdline.split('\0').filter(Boolean);
  const program = basename(argv[0] ?? comm);
  if (/^pagefind/.test(program) || /^pagefind/.test(comm)) return 'Pagefind';
  const script = argv.slice(1).find((a) => !a.startsWith('-') && /\.(?:[cm]?[jt]s)$/.test(a));
  if (script) {
    const name = basename(script);
    return SCRIPT_ROLES[name] ?? `${program} ${name}`;
  }
  return program || comm;
}

export interface ProcessSample {
  pid: number;
  role: string;
  rssKiB: number;
}

export interface MemoryPeaks {
  /** Per role, the largest sum over that role's processes alive at one sample. */
  roles: Record<string, number>;
  /** Largest size of the search scratch folders in /dev/shm (tmpfs: RAM) at one sample. */
  scratchKiB: number;
  /** Largest sum of every process's RSS and the scratch folders at one sample. */
  sumKiB: number;
  /** Processes seen in the tree, and samples taken. */
  processes: number;
  samples: number;
}

export const emptyPeaks = (): MemoryPeaks => ({
  roles: {},
  scratchKiB: 0,
  sumKiB: 0,
  processes: 0,
  samples: 0,
});

/** Folds one sample into the peaks; `seen` collects pids to count distinct processes. */
export function addSample(
  peaks: MemoryPeaks,
  processes: readonly ProcessSample[],
  scratchKiB: number,
  seen: Set<number>,
): MemoryPeaks {
  const byRole: Record<string, number> = {};
  let sum = scratchKiB;
  for (const p of processes) {
    byRole[p.role] = (byRole[p.role] ?? 0) + p.rssKiB;
    sum += p.rssKiB;
    seen.add(p.pid);
  }
  const roles = { ...peaks.roles };
  for (const [role, kib] of Object.entries(byRole)) roles[role] = Math.max(roles[role] ?? 0, kib);
  return {
    roles,
    scratchKiB: Math.max(peaks.scratchKiB, scratchKiB),
    sumKiB: Math.max(peaks.sumKiB, sum),
    processes: seen.size,
    samples: peaks.samples + 1,
  };
}

/** Roles in report order: the known ones first, then the rest by name. */
export function orderRoles(roles: Iterable<string>): string[] {
  const all = [...new Set(roles)];
  const known = ROLES.filter((r) => all.includes(r));
  const rest = all.filter((r) => !(ROLES as readonly string[]).includes(r)).sort();
  return [...known, ...rest];
}

/** The pid in a search scratch folder's name (`search-records-<pid>`, scripts/build/pagefind.ts). */
export function scratchPid(folder: string): number | undefined {
  const m = /^search-records-(\d+)$/.exec(basename(folder));
  return m ? Number(m[1]) : undefined;
}

/**
 * Microseconds some task has stalled waiting for memory (reclaim, refaults), from a PSI file
 * (`/proc/pressure/memory`, or a v2 cgroup's `memory.pressure`): "some avg10=… total=<µs>".
 */
export function parsePressureMicros(text: string): number | undefined {
  const m = /^some\b.*\btotal=(\d+)/m.exec(text);
  return m ? Number(m[1]) : undefined;
}
