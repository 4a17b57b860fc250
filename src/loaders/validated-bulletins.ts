/**
 * Content loader of the bulletins collection, and the build's validation gate: it reads the data folder through the
 * dataset (src/utils/dataset.ts), and any error fails the build with the report `npm run validate` prints, before a
 * page is rendered. Each valid quarter's bulletin.mdx becomes an entry that MDX renders (`render(entry)`); its
 * frontmatter was parsed and validated once, by src/lib/bulletin.ts, so the entry carries no data of its own.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { BULLETIN_FILE } from '../lib/load.ts';
import { formatReport } from '../lib/report.ts';
import { reportAll, tellBuild } from '../node/build-channel.ts';
import { loadDataset } from '../utils/dataset.ts';

export function validatedBulletins(dataDir: string): Loader {
  return {
    name: 'validated-bulletins',
    load: async ({ store, logger, config, generateDigest, watcher }) => {
      const root = fileURLToPath(config.root);
      const folder = resolve(root, dataDir);
      const sync = () => {
        const dataset = loadDataset(dataDir);
        // `npm run build` prints this report, once, and stops Astro on an error (src/node/build-channel.ts).
        void tellBuild({
          kind: 'validated',
          ok: dataset.valid,
          report: formatReport(dataset.loaded, { all: reportAll() }),
        });
        if (!dataset.valid) {
          // The message is the same report `npm run validate` prints, so staff see one format everywhere.
          throw new Error(`数据校验未通过，网站未生成：\n${formatReport(dataset.loaded)}`);
        }
        // `npm run build` has printed the report already; Astro's own log (shown with --verbose, and by `astro dev`)
        // gets its summary line rather than every warning a second time.
        logger.info(`${formatReport(dataset.loaded).split('\n').at(-1)!}详见 npm run validate。`);
        store.clear();
        for (const q of dataset.loaded.quarters) {
          const filePath = relative(root, resolve(folder, q.id, BULLETIN_FILE))
            .split('\\')
            .join('/');
          store.set({
            id: q.id,
            data: {},
            filePath,
            digest: generateDigest(`${JSON.stringify(q.meta)}\n${q.body}`),
            deferredRender: true,
          });
        }
      };
      sync();
      if (watcher) {
        watcher.add(folder);
        watcher.on('all', (_event, path) => {
          if (!relative(folder, path).startsWith('..')) sync();
        });
      }
    },
  };
}
