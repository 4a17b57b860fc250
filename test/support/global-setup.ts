/** Clears the previous run's test builds (they live under .tmp/builds, see build.ts). */
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  rmSync(join(process.cwd(), '.tmp', 'builds'), { recursive: true, force: true });
}
