/** /data/<yyyy>-q<n>/v<k>/<table>.json: one published version of a quarter's table (src/lib/export.ts `versionFiles`). */
import { versionFilePaths, serveDataFile } from '../../../../utils/opendata-route';

export const getStaticPaths = versionFilePaths('json');
export const GET = serveDataFile;
