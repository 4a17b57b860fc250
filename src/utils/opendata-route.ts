/** Static paths and responses of the download endpoints, one route per format so each URL ends in its extension. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { MEDIA_TYPES, type DataFile, type Format } from '../lib/export';
import { dataFileBody, publishedDataFiles } from './dataset';

/** getStaticPaths of `src/pages/data/[folder]/[name].<format>.ts`. */
export function dataFilePaths(format: Format): GetStaticPaths {
  return async () =>
    (await publishedDataFiles())
      .filter((f) => f.format === format && !f.version)
      .map((file) => {
        const [folder, base] = file.path.split('/');
        return { params: { folder, name: base!.slice(0, -(format.length + 1)) }, props: { file } };
      });
}

/** getStaticPaths of `src/pages/data/[folder]/[version]/[name].<format>.ts`: the files of each published version. */
export function versionFilePaths(format: Format): GetStaticPaths {
  return async () =>
    (await publishedDataFiles())
      .filter((f) => f.format === format && f.version)
      .map((file) => {
        const [folder, version, base] = file.path.split('/');
        return { params: { folder, version, name: base!.slice(0, -(format.length + 1)) }, props: { file } };
      });
}

/** Serves one download, made now (src/lib/export.ts). */
export const serveDataFile: APIRoute<{ file: DataFile }> = ({ props }) =>
  new Response(dataFileBody(props.file), {
    headers: { 'content-type': `${MEDIA_TYPES[props.file.format]}; charset=utf-8` },
  });
