/** The bench's memory sampling (scripts/bench/memory.ts) and cgroup reading (scripts/bench/cgroup.ts) on /proc fixtures. */
import { describe, expect, it } from 'vitest';
import { findHierarchy, parseKeyed } from '../scripts/bench/cgroup.ts';
import {
  addSample,
  classify,
  descendants,
  emptyPeaks,
  orderRoles,
  parsePressureMicros,
  parseRssKiB,
  parseStat,
  scratchPid,
} from '../scripts/bench/memory.ts';

const nul = (...argv: string[]) => `${argv.join('\0')}\0`;

describe('reading /proc', () => {
  it('reads pid, parent and name from stat, even when the name holds spaces and parentheses', () => {
    expect(
      parseStat('2720 (MainThread) R 2709 2689 737 0 -1 4194560 2318030 197 58 0 6598 1218 0 0 20 0 18 0'),
    ).toEqual({ pid: 2720, ppid: 2709, comm: 'MainThread' });
    expect(parseStat('31 (a b) (c)) S 7 31 31 0 -1')).toEqual({ pid: 31, ppid: 7, comm: 'a b) (c)' });
    expect(parseStat('')).toBeUndefined();
  });

  it('reads VmRSS in KiB from status, 0 for a zombie without one', () => {
    const status =
      'Name:\tnode\nVmPeak:\t 9000000 kB\nVmHWM:\t 7000000 kB\nVmRSS:\t 6291456 kB\nRssAnon:\t 6000000 kB\n';
    expect(parseRssKiB(status)).toBe(6291456);
    expect(parseRssKiB('Name:\tnode\nState:\tZ (zombie)\n')).toBe(0);
  });

  it('finds every descendant of the timed command, and nothing beside it', () => {
    const stats = [
      { pid: 1, ppid: 0, comm: 'init' },
      { pid: 100, ppid: 1, comm: 'node' }, // build.ts
      { pid: 101, ppid: 100, comm: 'node' }, // Astro
      { pid: 102, ppid: 100, comm: 'node' }, // indexer
      { pid: 103, ppid: 102, comm: 'pagefind_extended' },
      { pid: 104, ppid: 101, comm: 'esbuild' },
      { pid: 200, ppid: 1, comm: 'node' }, // another build on the machine
      { pid: 201, ppid: 200, comm: 'node' },
    ];
    expect([...descendants(100, stats)].sort()).toEqual([100, 101, 102, 103, 104]);
  });
});

describe('what a process is for', () => {
  it('recognises the build, Astro, the indexer, Pagefind and validation by their entry points', () => {
    expect(classify(nul('/usr/bin/node', 'scripts/build.ts', '--outDir', 'dist'), 'MainThread')).toBe(
      '构建驱动',
    );
    expect(
      classify(
        nul(
          '/w/node_modules/node/bin/node',
          '--max-old-space-size=18079',
          '/w/node_modules/astro/bin/astro.mjs',
          'build',
        ),
        'MainThread',
      ),
    ).toBe('Astro');
    expect(classify(nul('node', '/w/scripts/build-search-index.ts', 'data', 'out'), 'MainThread')).toBe(
      '索引进程',
    );
    expect(
      classify(
        nul('/w/node_modules/@pagefind/linux-x64/bin/pagefind_extended', '--service'),
        'pagefind_extend',
      ),
    ).toBe('Pagefind');
    expect(classify(nul('node', 'scripts/validate.ts', 'data'), 'MainThread')).toBe('校验');
  });

  it('names any other process by its program and script, or by the kernel name when its command line is gone', () => {
    expect(classify(nul('/usr/bin/node', '/w/scripts/build/search-batch.ts'), 'MainThread')).toBe(
      'node search-batch.ts',
    );
    expect(
      classify(
        nul('/w/node_modules/@esbuild/linux-x64/bin/esbuild', '--service=0.25.0', '--ping'),
        'esbuild',
      ),
    ).toBe('esbuild');
    expect(classify('', 'kworker')).toBe('kworker');
  });

  it('orders the known roles first and the rest by name', () => {
    expect(orderRoles(['esbuild', 'Pagefind', '构建驱动', 'Astro', 'Astro', 'node x.ts'])).toEqual([
      '构建驱动',
      'Astro',
      'Pagefind',
      'esbuild',
      'node x.ts',
    ]);
  });
});

describe('peaks', () => {
  it('keeps each role’s peak (its processes summed at one sample) and the peak of the sum with the scratch files', () => {
    const seen = new Set<number>();
    let peaks = emptyPeaks();
    // Astro peaks early, two Pagefind processes overlap later while the scratch files are largest.
    peaks = addSample(
      peaks,
      [
        { pid: 1, role: '构建驱动', rssKiB: 100 },
        { pid: 2, role: 'Astro', rssKiB: 5000 },
      ],
      0,
      seen,
    );
    peaks = addSample(
      peaks,
      [
        { pid: 1, role: '构建驱动', rssKiB: 100 },
        { pid: 2, role: 'Astro', rssKiB: 3000 },
        { pid: 3, role: 'Pagefind', rssKiB: 1500 },
        { pid: 4, role: 'Pagefind', rssKiB: 1000 },
      ],
      700,
      seen,
    );
    peaks = addSample(peaks, [{ pid: 1, role: '构建驱动', rssKiB: 120 }], 0, seen);
    expect(peaks).toEqual({
      roles: { 构建驱动: 120, Astro: 5000, Pagefind: 2500 },
      scratchKiB: 700,
      // 100 + 3000 + 2500 + 700 at the second sample beats 5100 at the first.
      sumKiB: 6300,
      processes: 4,
      samples: 3,
    });
  });

  it('reads the indexer’s pid from a scratch folder’s name', () => {
    expect(scratchPid('/dev/shm/search-records-4242')).toBe(4242);
    expect(scratchPid('search-records-x')).toBeUndefined();
    expect(scratchPid('other-4242')).toBeUndefined();
  });
});

describe('waiting for memory', () => {
  it('reads the total stall time of "some" tasks from a PSI file', () => {
    const psi =
      'some avg10=1.31 avg60=8.99 avg300=4.68 total=30837034\nfull avg10=0.34 avg60=2.17 avg300=1.08 total=8496846\n';
    expect(parsePressureMicros(psi)).toBe(30837034);
    expect(parsePressureMicros('')).toBeUndefined();
  });
});

describe('cgroups', () => {
  const mountinfo = `31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
`;

  it('uses v1’s memory controller where it is mounted, at this process’s own cgroup', () => {
    const cgroup = '9:name=systemd:/\n4:memory:/process_api/448f\n1:cpu:/\n0::/\n';
    expect(findHierarchy(mountinfo, cgroup)).toEqual({
      version: 1,
      mount: '/sys/fs/cgroup/memory',
      own: '/process_api/448f',
    });
  });

  it('uses v2 on a unified hierarchy, relative to a mount that shows only a subtree', () => {
    const v2 = '29 23 0:26 /user.slice /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n';
    expect(findHierarchy(v2, '0::/user.slice/session-3.scope\n')).toEqual({
      version: 2,
      mount: '/sys/fs/cgroup',
      own: '/session-3.scope',
    });
  });

  it('finds nothing without a memory hierarchy', () => {
    expect(
      findHierarchy('32 31 0:29 / /sys/fs/cgroup/cpu rw - cgroup cgroup rw,cpu\n', '1:cpu:/\n'),
    ).toBeUndefined();
  });

  it('reads OOM kills from memory.oom_control (v1) and memory.events (v2)', () => {
    expect(parseKeyed('oom_kill_disable 0\nunder_oom 0\noom_kill 1\n').oom_kill).toBe(1);
    expect(parseKeyed('low 0\nhigh 0\nmax 1377\noom 2\noom_kill 2\noom_group_kill 0\n')).toMatchObject({
      max: 1377,
      oom_kill: 2,
    });
  });
});
