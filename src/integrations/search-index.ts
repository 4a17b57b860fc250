/**
 * The search pages of `npm run build`, made from the dataset Astro has already read and validated
 * (src/utils/dataset.ts) rather than by a second process reading the data again: handed to a worker thread when the
 * build starts (scripts/build/search-pages.ts), so that Astro renders pages meanwhile, and left in a scratch folder
 * that scripts/build.ts indexes after Astro has exited, so that Pagefind's memory and Astro's are never held at once
 * (national scale: 5.4 and 4.7 GiB). Only when scripts/build.ts asks for it (src/node/build-channel.ts
 * `SEARCH_INDEX_ENV`); `astro build` alone writes no index.
 */
import type { AstroIntegration } from 'astro';
import { bulletinRecords, entityUrl, type SearchPagesInput } from '../lib/search-records.ts';
import { SEARCH_INDEX_ENV, closeBuildChannel, tellBuild, type WrittenPages } from '../node/build-channel.ts';
import { loadedDataset } from '../utils/dataset.ts';

/** Writes the search pages to the scratch folder of `owner`, the build process (scripts/build/search-pages.ts). */
export type PageWriter = (input: SearchPagesInput, owner: number) => Promise<WrittenPages>;

export default function searchIndex(write: PageWriter): AstroIntegration {
  let writing: Promise<void> | undefined;
  return {
    name: 'search-index',
    hooks: {
      'astro:build:start': () => {
        const owner = Number(process.env[SEARCH_INDEX_ENV]);
        if (!Number.isInteger(owner) || owner <= 0) return;
        const dataset = loadedDataset();
        // Invalid data has stopped the build in the content loader already.
        if (!dataset.valid) return;
        const started = performance.now();
        const { websites, accounts } = dataset.history;
        writing = write(
          {
            bulletins: bulletinRecords(dataset.loaded),
            websites,
            accounts,
            // Here, where the pages' own slugs are cached (src/lib/identity.ts), not again on the worker.
            urls: [
              ...websites.map((w) => entityUrl({ kind: 'website', key: w.key })),
              ...accounts.map((a) => entityUrl({ kind: 'account', key: a.key })),
            ],
          },
          owner,
        ).then(
          (written) =>
            tellBuild({
              kind: 'search-pages',
              ok: true,
              ...written,
              seconds: (performance.now() - started) / 1000,
            }),
          async (error: unknown) => {
            const message = error instanceof Error ? error.message : String(error);
            await tellBuild({ kind: 'search-pages', ok: false, error: message });
            throw error;
          },
        );
        // Awaited at build:done; until then a failure must not count as unhandled.
        writing.catch(() => {});
      },
      'astro:build:done': async () => {
        try {
          await writing;
        } finally {
          closeBuildChannel();
        }
      },
    },
  };
}
