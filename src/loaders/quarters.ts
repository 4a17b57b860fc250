/** Content loader: every quarter of the data folder, validated and scored by src/lib; any error fails the build. */
import type { Loader } from 'astro/loaders';
import { formatFinding, sortFindings } from '../lib/findings.ts';
import { loadDataDir } from '../lib/load.ts';
import { formatReport, passes } from '../lib/report.ts';

export function quartersLoader(dataDir: string): Loader {
  return {
    name: 'quarters-loader',
    load: async ({ store, logger, generateDigest, watcher }) => {
      const result = loadDataDir(dataDir);
      if (!passes(result.findings)) {
        // The message is the same report `npm run validate` prints, so staff see one format everywhere.
        throw new Error(`数据校验未通过，网站未生成：\n${formatReport(result)}`);
      }
      for (const finding of sortFindings(result.findings)) {
        if (finding.severity === 'warning') logger.warn(formatFinding(finding));
      }
      store.clear();
      for (const quarter of result.quarters) {
        const data = JSON.parse(JSON.stringify(quarter)) as Record<string, unknown>;
        store.set({ id: quarter.id, data, digest: generateDigest(data) });
      }
      watcher?.add(dataDir);
    },
  };
}
