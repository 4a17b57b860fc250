/** /data/<yyyy>-q<n>/<table>.csv and /data/all/<table>.csv (src/lib/export.ts). */
import { dataFilePaths, serveDataFile } from '../../../utils/opendata-route';

export const getStaticPaths = dataFilePaths('csv');
export const GET = serveDataFile;
