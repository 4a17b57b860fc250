/**
 * The search index of `npm run build`, written from the dataset Astro has already read and validated
 * (src/utils/dataset.ts) rather than by a second process reading the data again: the records are made when the build
 * starts, Pagefind indexes them while Astro renders pages, and the build waits for it at the end. Only when
 * scripts/build.ts asks for it (src/node/build-channel.ts `SEARCH_INDEX_ENV`); `astro build` alone writes no index.
 */
import type { AstroIntegration } from 'astro';
import type { SearchRecord } from '../lib/search-records.ts';
import { SEARCH_INDEX_ENV, closeBuildChannel, tellBuild } from '../node/build-channel.ts';
import { loadedDataset } from '../utils/dataset.ts';

/** Writes the records' index to a folder, returning how many it indexed (scripts/build/pagefind.ts). */
export type IndexWriter = (records: readonly SearchRecord[], outputPath: string) => Promise<number>;

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
