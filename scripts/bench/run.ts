/**
 * Runs one timed command for the bench: wall-clock time, and memory sampled every SAMPLE_MS from /proc over the
 * command's whole process tree (each process by role, their sum, and the search scratch files in /dev/shm, which are
 * RAM too: measured as the memory disk's growth since the start, one statfs call, where walking 186,000 files each
 * second would take a good part of a core from the build being timed). Optionally inside a memory-limited cgroup (scripts/bench/cgroup.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statfsSync } from 'node:fs';
import { constants } from 'node:os';
import type { Cgroup, CgroupOutcome } from './cgroup.ts';
import {
  addSample,
  classify,
  descendants,
  emptyPeaks,
  parsePressureMicros,
  parseRssKiB,
  parseStat,
  scratchPid,
  type MemoryPeaks,
  type ProcStat,
  type ProcessSample,
} from './memory.ts';

const SAMPLE_MS = 150;
/**
 * Listing every process (to find the tree's new members) costs 5–10 ms on a busy machine, so it is done once a second;
 * in between only the tree's own processes are read. Every build process lives far longer than a second.
 */
const SCAN_MS = 1000;
const SHM = '/dev/shm';

export interface Timed {
  seconds: number;
  memory: MemoryPeaks;
  code: number | null;
  /** Set when the command ran in a memory-limited cgroup. */
  cgroup?: CgroupOutcome & { limitBytes: number; swapLimited: boolean };
  /**
   * Seconds tasks stalled waiting for memory while it ran (PSI "some"): the cgroup's own where the kernel keeps it
   * (v2), else the whole machine's, which other work on the machine also adds to.
   */
  memoryStall?: { seconds: number; scope: '控制组' | '全机' };
  timedOut: boolean;
  output: string;
}

const readText = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

function allProcesses(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const text = readText(`/proc/${name}/stat`);
    const stat = text && parseStat(text);
    if (stat) out.push(stat);
  }
  return out;
}

/** Each process of the tree with its role and RSS now (processes that ended since the last scan are skipped). */
function sampleProcesses(tree: readonly ProcStat[], roles: Map<number, string>): ProcessSample[] {
  const out: ProcessSample[] = [];
  for (const s of tree) {
    const status = readText(`/proc/${s.pid}/status`);
    if (status === undefined) continue;
    // Classified at every sample: a child is a copy of its parent (same command line) until it runs its own program.
    // A process that is exiting has an empty command line; it keeps the role it had.
    const cmdline = readText(`/proc/${s.pid}/cmdline`) ?? '';
    const role = cmdline ? classify(cmdline, s.comm) : (roles.get(s.pid) ?? classify('', s.comm));
    roles.set(s.pid, role);
    out.push({ pid: s.pid, role, rssKiB: parseRssKiB(status) });
  }
  return out;
}

/** KiB in use on the memory disk (every file on it, not only this build's). */
function shmUsedKiB(): number {
  try {
    const s = statfsSync(SHM);
    return ((s.blocks - s.bfree) * s.bsize) / 1024;
  } catch {
    return 0;
  }
}

/** Kills every process of the tree and their process groups (the indexer runs in a group of its own). */
function killTree(root: number): void {
  const tree = descendants(root, allProcesses());
  for (const pid of tree) {
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // Not a group leader, or already gone.
      }
    }
  }
}

/**
 * Runs `args` and measures it. `timeoutSeconds` later the whole tree is killed and the result says so.
 * With `cgroup`, the command joins it before it starts (its children inherit it).
 */
export async function timed(
  args: string[],
  options: { env?: Record<string, string>; timeoutSeconds: number; cgroup?: Cgroup },
): Promise<Timed> {
  // The previous step may have left gigabytes of pages unwritten in the kernel's cache; flushing them first keeps
  // that write-back out of this step's time (the baseline runs right after a 3.7 GB national build).
  spawnSync('sync');
  const command = options.cgroup
    ? ['sh', '-c', 'echo $$ > "$1" && shift && exec "$@"', 'sh', options.cgroup.procsFile, ...args]
    : args;
  const pressureFile = options.cgroup?.pressureFile ?? '/proc/pressure/memory';
  const stalledBefore = parsePressureMicros(readText(pressureFile) ?? '');
  const start = process.hrtime.bigint();
  const child = spawn(command[0]!, command.slice(1), {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => chunks.push(d));
  child.stderr.on('data', (d: Buffer) => chunks.push(d));
  const root = child.pid!;
  const seen = new Set<number>();
  let memory = emptyPeaks();
  let tree: ProcStat[] = [];
  const roles = new Map<number, string>();
  let scannedAt = 0;
  let ownScratch = false;
  const shmAtStart = shmUsedKiB();
  const sample = () => {
    if (Date.now() - scannedAt >= SCAN_MS) {
      const stats = allProcesses();
      const pids = descendants(root, stats);
      tree = stats.filter((s) => pids.has(s.pid));
      scannedAt = Date.now();
      try {
        // Only while one of this build's indexers has a scratch folder: other builds may use the memory disk too.
        ownScratch = readdirSync(SHM).some((f) => seen.has(scratchPid(f) ?? -1));
      } catch {
        ownScratch = false;
      }
    }
    // In a cgroup the kernel counts the group's own tmpfs pages; elsewhere the memory disk's growth stands in for them.
    const cgroup = options.cgroup;
    const scratchKiB = !ownScratch ? 0 : cgroup ? cgroup.shmemKiB() : Math.max(0, shmUsedKiB() - shmAtStart);
    memory = addSample(memory, sampleProcesses(tree, roles), scratchKiB, seen);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  // The command runs in a process group of its own, out of reach of the terminal's Ctrl-C: stop it here instead.
  const interrupted = (signal: NodeJS.Signals) => {
    killTree(root);
    options.cgroup?.remove();
    process.exit(128 + (constants.signals[signal] ?? 0));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    killTree(root);
  }, options.timeoutSeconds * 1000);
  const code = await new Promise<number | null>((resolve) => {
    child.on('error', () => resolve(null));
    child.on('close', (c, signal) => resolve(c ?? (signal ? 128 + (constants.signals[signal] ?? 0) : null)));
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  clearInterval(timer);
  clearTimeout(deadline);
  process.off('SIGINT', interrupted);
  process.off('SIGTERM', interrupted);
  const stalledAfter = parsePressureMicros(readText(pressureFile) ?? '');
  const memoryStall =
    stalledBefore !== undefined && stalledAfter !== undefined
      ? {
          seconds: (stalledAfter - stalledBefore) / 1e6,
          scope: options.cgroup?.pressureFile ? ('控制组' as const) : ('全机' as const),
        }
      : undefined;
  const cgroup = options.cgroup && {
    ...options.cgroup.outcome(),
    limitBytes: options.cgroup.limitBytes,
    swapLimited: options.cgroup.swapLimited,
  };
  return { seconds, memory, code, cgroup, memoryStall, timedOut, output: Buffer.concat(chunks).toString() };
}
