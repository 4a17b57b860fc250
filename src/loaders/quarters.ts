/**
 * Content loader: every quarter of the data folder, validated and scored by src/lib; any error fails the build.
 * The store gets each quarter's summary only; pages read the rows from the shared copy (src/utils/dataset.ts).
 */
import type { Loader } from 'astro/loaders';
import { formatReport, passes } from '../lib/report.ts';
import { loadedData } from '../utils/dataset.ts';

export function quartersLoader(dataDir: string): Loader {
  return {
    name: 'quarters-loader',
    load: async ({ store, logger, generateDigest, watcher }) => {
      const result = loadedData(dataDir);
      if (!passes(result.findings)) {
        // The message is the same report `npm run validate` prints, so staff see one format everywhere.
        throw new Error(`数据校验未通过，网站未生成：\n${formatReport(result)}`);
      }
      // `npm run build` has printed the report already; Astro's own log (shown with --verbose, and by `astro dev`)
      // gets its summary line rather than every warning a second time.
      logger.info(`${formatReport(result).split('\n').at(-1)!}详见 npm run validate。`);
      store.clear();
      for (const q of result.quarters) {
        const summary = { label: q.label, published: q.published, meta: q.meta, stats: q.stats, websites: q.tables.websites?.records.length, newMedia: q.tables.newMedia?.records.length };
        const data = JSON.parse(JSON.stringify(summary)) as Record<string, unknown>;
        store.set({ id: q.id, data, digest: generateDigest(data) });
      }
      watcher?.add(dataDir);
    },
  };
}
