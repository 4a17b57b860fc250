/**
 * The search pages of `npm run build`, made on a worker thread of the Astro process: the records (pinyin words above
 * all) and their Pagefind pages took 45 s at national scale on the main thread, where every page waited for them.
 * Astro renders on one core; the worker uses the other, at the lowest priority, from the history Astro has already
 * built (passed over, not read again). Pagefind indexes the pages after Astro has exited (scripts/build.ts).
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { searchRecords, type SearchPagesInput } from '../../src/lib/search-records.ts';
import type { WrittenPages } from '../../src/node/build-channel.ts';
import { writeSearchPages } from './pagefind.ts';

const WORKER = 'search-pages';

/** Writes the search pages on a worker thread; settles when they are written. */
export function writeSearchPagesAside(input: SearchPagesInput, owner: number): Promise<WrittenPages> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { kind: WORKER, input, owner } });
    worker.once('message', (written: WrittenPages) => resolve(written));
    worker.once('error', reject);
    // After a message this changes nothing; without one, the worker died (out of memory, say).
    worker.once('exit', (code) =>
      reject(new Error(`搜索记录的工作线程意外退出（search pages worker exited with ${code}）`)),
    );
  });
}

/** Lowers this thread's CPU priority (Linux: a thread has its own); elsewhere it runs at normal priority. */
function lowerPriority(): void {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 19);
  } catch {
    // Not Linux, or not allowed.
  }
}

if (!isMainThread && parentPort && (workerData as { kind?: string } | undefined)?.kind === WORKER) {
  lowerPriority();
  const { input, owner } = workerData as { input: SearchPagesInput; owner: number };
  const { bulletins, websites, accounts, urls } = input;
  const url = new Map<string, string>();
  websites.forEach((w, i) => url.set(`website:${w.key}`, urls[i]!));
  accounts.forEach((a, i) => url.set(`account:${a.key}`, urls[websites.length + i]!));
  const records = [
    ...bulletins,
    ...searchRecords({ websites, accounts }, (e) => url.get(`${e.kind}:${e.key}`)!),
  ];
  parentPort.postMessage(writeSearchPages(records, owner));
}
