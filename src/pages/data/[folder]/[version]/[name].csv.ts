/** /data/<yyyy>-q<n>/v<k>/<table>.csv: one published version of a quarter's table (src/lib/export.ts `versionFiles`). */
import { versionFilePaths, serveDataFile } from '../../../../utils/opendata-route';

export const getStaticPaths = versionFilePaths('csv');
export const GET = serveDataFile;
