/** /data/<yyyy>-q<n>/<table>.json and /data/all/<table>.json (src/lib/export.ts). */
import { dataFilePaths, serveDataFile } from '../../../utils/opendata-route';

export const getStaticPaths = dataFilePaths('json');
export const GET = serveDataFile;
