/** /data/datapackage.json: the Frictionless Data Package describing every download. */
import type { APIRoute } from 'astro';
import { publishedDataPackage } from '../../utils/dataset';

export const GET: APIRoute = async () =>
  new Response(`${JSON.stringify(await publishedDataPackage(), null, 2)}\n`, { headers: { 'content-type': 'application/json; charset=utf-8' } });
