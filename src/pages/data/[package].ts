/**
 * /data/datapackage.json: the Frictionless Data Package describing every download, with each file's size and SHA-256.
 * A route of one dynamic segment, for one path only, so that Astro renders it after the downloads (it renders routes
 * with more segments first, src/pages/data/[folder]/…): their sizes and digests are then kept from when each was
 * written, and no file is made twice (src/utils/dataset.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { paths, slugOf } from '../../lib/routes';
import { publishedDataPackage } from '../../utils/dataset';

export const getStaticPaths = (() => [
  { params: { package: slugOf(paths.dataPackage) } },
]) satisfies GetStaticPaths;

export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(await publishedDataPackage(), null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
