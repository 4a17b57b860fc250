/**
 * A memory-limited control group for one timed build: the closest this machine gets to a CI runner with 7 GiB.
 * cgroup v1 (memory.limit_in_bytes, memsw for swap) or v2 (memory.max, memory.swap.max), whichever has the memory
 * controller. The cgroup is made under the bench's own cgroup when the kernel allows it (so it stays inside whatever
 * limits the machine already sets), else under the hierarchy's root. Parsing is pure and tested; the rest writes files.
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Hierarchy {
  version: 1 | 2;
  /** Where the hierarchy is mounted, e.g. /sys/fs/cgroup/memory. */
  mount: string;
  /** This process's cgroup below the mount point, e.g. /process_api/abc ("/" at the root). */
  own: string;
}

/**
 * The memory hierarchy from `/proc/self/mountinfo` and `/proc/self/cgroup`: v1's memory controller when mounted
 * (it then owns memory even if a v2 tree exists beside it), else v2.
 */
export function findHierarchy(mountinfo: string, cgroup: string): Hierarchy | undefined {
  const mounts = mountinfo
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [before, after = ''] = line.split(' - ');
      const f = before!.split(' ');
      const [type, , options = ''] = after.split(' ');
      return { root: f[3] ?? '/', point: f[4] ?? '', type, options: options.split(',') };
    });
  const groups = cgroup
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id, controllers = '', ...path] = line.split(':');
      return { id, controllers: controllers.split(','), path: path.join(':') };
    });
  // The cgroup path is relative to the hierarchy's root; a mount may show only a subtree (containers).
  const below = (path: string, root: string) =>
    root === '/' ? path : path.startsWith(root) ? path.slice(root.length) || '/' : '/';
  const v1 = mounts.find((m) => m.type === 'cgroup' && m.options.includes('memory'));
  const v1Group = groups.find((g) => g.controllers.includes('memory'));
  if (v1 && v1Group) return { version: 1, mount: v1.point, own: below(v1Group.path, v1.root) };
  const v2 = mounts.find((m) => m.type === 'cgroup2');
  const v2Group = groups.find((g) => g.id === '0' && g.controllers.join('') === '');
  if (v2 && v2Group) return { version: 2, mount: v2.point, own: below(v2Group.path, v2.root) };
  return undefined;
}

export interface CgroupOutcome {
  /** Highest usage the kernel recorded (includes page cache and tmpfs files charged to the group). */
  peakBytes: number;
  /** Processes the kernel's OOM killer ended inside the group. */
  oomKills: number;
}

/** `key value` lines (memory.events, memory.oom_control) as a map. */
export function parseKeyed(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const [key, value] = line.trim().split(/\s+/);
    if (key && value !== undefined && Number.isFinite(Number(value))) out[key] = Number(value);
  }
  return out;
}

export interface Cgroup {
  dir: string;
  version: 1 | 2;
  limitBytes: number;
  /** Whether swap is excluded (memsw / swap.max could be set); where it is not, the limit covers RAM only. */
  swapLimited: boolean;
  /** The file a process writes its pid to in order to join. */
  procsFile: string;
  /** The group's own PSI file (v2); v1 has none, so the machine's is used. */
  pressureFile?: string;
  outcome(): CgroupOutcome;
  /** KiB of memory-disk (tmpfs) files charged to the group now: exactly this build's scratch files. */
  shmemKiB(): number;
  /** Kills whatever is left inside and removes the group. */
  remove(): void;
}

const read = (file: string) => readFileSync(file, 'utf8');
const tryWrite = (file: string, value: string) => {
  try {
    writeFileSync(file, value);
    return true;
  } catch {
    return false;
  }
};

/** Makes a cgroup limited to `limitBytes`, or says why none could be made. */
export function createCgroup(limitBytes: number, name: string): Cgroup | { error: string } {
  let hierarchy: Hierarchy | undefined;
  try {
    hierarchy = findHierarchy(read('/proc/self/mountinfo'), read('/proc/self/cgroup'));
  } catch (error) {
    return { error: `读不到 /proc：${(error as Error).message}` };
  }
  if (!hierarchy) return { error: '本机没有挂载内存控制组（memory cgroup）' };
  const { version, mount, own } = hierarchy;
  const errors: string[] = [];
  for (const parent of [...new Set([join(mount, own), mount])]) {
    const dir = join(parent, name);
    try {
      if (version === 2) {
        const control = join(parent, 'cgroup.subtree_control');
        if (!read(control).split(/\s+/).includes('memory')) writeFileSync(control, '+memory');
      }
      mkdirSync(dir);
    } catch (error) {
      errors.push(`${dir}：${(error as Error).message}`);
      continue;
    }
    const limitFile = join(dir, version === 1 ? 'memory.limit_in_bytes' : 'memory.max');
    if (!existsSync(limitFile) || !tryWrite(limitFile, String(limitBytes))) {
      errors.push(`${limitFile}：无法写入`);
      rmdirSync(dir);
      continue;
    }
    const swapLimited =
      version === 1
        ? tryWrite(join(dir, 'memory.memsw.limit_in_bytes'), String(limitBytes))
        : tryWrite(join(dir, 'memory.swap.max'), '0');
    return {
      dir,
      version,
      limitBytes,
      swapLimited,
      procsFile: join(dir, 'cgroup.procs'),
      pressureFile: existsSync(join(dir, 'memory.pressure')) ? join(dir, 'memory.pressure') : undefined,
      shmemKiB() {
        const stat = parseKeyed(read(join(dir, 'memory.stat')));
        return (stat.total_shmem ?? stat.shmem ?? 0) / 1024;
      },
      outcome() {
        if (version === 1) {
          return {
            peakBytes: Number(read(join(dir, 'memory.max_usage_in_bytes'))),
            oomKills: parseKeyed(read(join(dir, 'memory.oom_control'))).oom_kill ?? 0,
          };
        }
        const peakFile = join(dir, 'memory.peak');
        return {
          // memory.peak needs Linux 5.19; older kernels report NaN rather than a made-up figure.
          peakBytes: existsSync(peakFile) ? Number(read(peakFile)) : NaN,
          oomKills: parseKeyed(read(join(dir, 'memory.events'))).oom_kill ?? 0,
        };
      },
      remove() {
        for (let attempt = 0; attempt < 50; attempt++) {
          const pids = read(join(dir, 'cgroup.procs')).split('\n').filter(Boolean).map(Number);
          for (const pid of pids) {
            try {
              process.kill(pid, 'SIGKILL');
            } catch {
              // Already gone.
            }
          }
          try {
            rmdirSync(dir);
            return;
          } catch {
            // Killed processes take a moment to leave the group.
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
          }
        }
        console.error(`未能删除控制组 ${dir}（cgroup not removed）`);
      },
    };
  }
  return { error: errors.join('；') };
}
