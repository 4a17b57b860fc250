/**
 * The search index of `npm run build`, written from the dataset Astro has already read and validated
 * (src/utils/dataset.ts) rather than by a second process reading the data again: the records are made when the build
 * starts, Pagefind indexes them while Astro renders pages, and the build waits for it at the end. Only when
 * scripts/build.ts asks for it (src/node/build-channel.ts `SEARCH_INDEX_ENV`); `astro build` alone writes no index.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';
import type { SearchRecord } from '../lib/search-records.ts';
import { SEARCH_INDEX_ENV, closeBuildChannel, tellBuild } from '../node/build-channel.ts';
import { loadedDataset } from '../utils/dataset.ts';

/** Writes the records' index to a folder, returning how many it indexed (scripts/build/pagefind.ts). */
export type IndexWriter = (records: readonly SearchRecord[], outputPath: string) => Promise<number>;

/** The processes this one started (Linux; none elsewhere). */
function children(): number[] {
  try {
    return readdirSync(`/proc/${process.pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8')
        .split(' ')
        .filter(Boolean)
        .map(Number),
    );
  } catch {
    return [];
  }
}

/**
 * Lowers the CPU priority of the Pagefind process once it runs, so that Astro's pages, the longer task, never wait
 * for the processor. Best effort: where processes cannot be listed, Pagefind indexes at normal priority.
 */
function lowerPagefindPriority(done: Promise<unknown>): void {
  let finished = false;
  void done.finally(() => (finished = true)).catch(() => {});
  const poll = () => {
    if (finished) return;
    const pagefind = children().filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('pagefind');
      } catch {
        return false;
      }
    });
    if (pagefind.length === 0) return void setTimeout(poll, 50).unref();
    for (const pid of pagefind) {
      try {
        setPriority(pid, 19);
      } catch {
        // Not allowed here.
      }
    }
  };
  poll();
}

export default function searchIndex(write: IndexWriter): AstroIntegration {
  let indexing: Promise<{ records: number; seconds: number }> | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:build:start': () => {
        const outputPath = process.env[SEARCH_INDEX_ENV];
        if (!outputPath) return;
        const dataset = loadedDataset();
        // Invalid data has stopped the build in the content loader already.
        if (!dataset.valid) return;
        const started = performance.now();
        indexing = write(dataset.searchRecords(), outputPath).then((records) => ({
          records,
          seconds: (performance.now() - started) / 1000,
        }));
        // Awaited at build:done; until then a failure must not count as unhandled.
        indexing.catch(() => {});
        lowerPagefindPriority(indexing);
      },
      'astro:build:done': async () => {
        try {
          if (indexing) await tellBuild({ kind: 'indexed', ok: true, ...(await indexing) });
        } catch (error) {
          await tellBuild({
            kind: 'indexed',
            ok: false,
            error: error instanceof Error ? error.message : String(error),
          });
          throw error;
        } finally {
          closeBuildChannel();
        }
      },
    },
  };
}
