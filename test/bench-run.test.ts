/** The bench's timed runner (scripts/bench/run.ts) on a small real process tree: a parent, a child, a grandchild. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { timed } from '../scripts/bench/run.ts';

const node = process.execPath;
/** A Node process holding `mib` MiB (touched, so resident) for `ms` milliseconds. */
const hold = (mib: number, ms: number) =>
  `const b = Buffer.alloc(${mib} << 20, 1); setTimeout(() => b.length, ${ms});`;

describe('timing a command and sampling its process tree', () => {
  it('sees every process of the tree at once and sums their memory', async () => {
    // The parent starts a child that starts a grandchild; all three hold memory at the same time.
    const grandchild = `require('node:child_process').spawn(${JSON.stringify(node)}, ['-e', ${JSON.stringify(hold(150, 2500))}], { stdio: 'inherit' });`;
    const child = `${hold(100, 2500)} ${grandchild}`;
    const parent = `${hold(50, 2500)} require('node:child_process').spawn(${JSON.stringify(node)}, ['-e', ${JSON.stringify(child)}], { stdio: 'inherit' });`;
    const t = await timed([node, '-e', parent], { timeoutSeconds: 60 });
    expect(t.code).toBe(0);
    expect(t.timedOut).toBe(false);
    expect(t.seconds).toBeGreaterThan(2);
    expect(t.memory.processes).toBe(3);
    // Each Node process is ~40 MiB before its buffer; the three buffers alone are 300 MiB.
    expect(t.memory.sumKiB).toBeGreaterThan(300 * 1024);
    expect(t.memory.roles.node).toBe(t.memory.sumKiB - t.memory.scratchKiB);
  });

  it('kills the whole tree when the command runs past its time, a child in its own process group too', async () => {
    const pidFile = join(mkdtempSync(join(tmpdir(), 'bench-run-')), 'child.pid');
    const child = `require('node:fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setTimeout(() => {}, 60000);`;
    // Detached like the build's indexer: killing the command's process group alone would leave it running.
    const parent = `require('node:child_process').spawn(${JSON.stringify(node)}, ['-e', ${JSON.stringify(child)}], { stdio: 'ignore', detached: true }); setTimeout(() => {}, 60000);`;
    const t = await timed([node, '-e', parent], { timeoutSeconds: 3 });
    expect(t.timedOut).toBe(true);
    expect(t.code).toBe(137);
    expect(t.seconds).toBeLessThan(20);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    const gone = () => {
      try {
        // A killed child not yet reaped is a zombie: it still has a stat, in state Z.
        return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.startsWith('Z');
      } catch {
        return true;
      }
    };
    for (let i = 0; i < 40 && !gone(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(gone()).toBe(true);
  });
});
