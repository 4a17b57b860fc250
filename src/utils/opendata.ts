/** The site's downloads and data package, computed once per build from the published quarters. */
import { dataPackage } from '../lib/datapackage.ts';
import { dataFiles, versionFiles, type DataFile } from '../lib/export.ts';
import type { Quarter } from '../lib/load.ts';
import { SITE_DESCRIPTION, absoluteUrl, paths } from '../site';
import { publishedQuarters } from './quarters';
import { quarterLedger } from './dataset.ts';
import { siteName } from './site-config';

const bulletinUrl = (q: Quarter) => absoluteUrl(paths.bulletin(q));

let cached: Promise<DataFile[]> | undefined;

/** Every download of the published quarters (src/lib/export.ts `dataFiles`), then those of each committed version. */
export function publishedDataFiles(): Promise<DataFile[]> {
  cached ??= publishedQuarters().then((quarters) => {
    const ledgers = [...quarters].reverse().flatMap((q) => quarterLedger(q.id) ?? []);
    return [...dataFiles(quarters, bulletinUrl), ...versionFiles(ledgers, bulletinUrl)];
  });
  return cached;
}

/** datapackage.json describing every download. */
export async function publishedDataPackage() {
  const [quarters, files] = await Promise.all([publishedQuarters(), publishedDataFiles()]);
  return dataPackage(quarters, files, {
    homepage: absoluteUrl(paths.data),
    urlOf: bulletinUrl,
    title: `${siteName()}：附件数据`,
    description: `${SITE_DESCRIPTION}各季度附件1（政府网站）与附件2（政务新媒体）的表格数据，与通报附件一致；CSV 为 UTF-8（带 BOM）、逗号分隔，表头为附件的中文列名。`,
  });
}
