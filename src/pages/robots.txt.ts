/** /robots.txt: every page may be indexed; the sitemap's address follows SITE_URL and BASE_PATH. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../site';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl('/sitemap-index.xml')}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
