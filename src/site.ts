/**
 * Site-wide words, navigation and the base path: what only makes sense inside Astro (`href()` reads Vite's
 * `import.meta.env`). Paths and anchors are in src/lib/routes.ts; the site's own name and marks come from
 * data/site.yml (src/utils/dataset.ts).
 */

/** The site's name when data/site.yml does not give one. */
export const SITE_TITLE = '政府网站与政务新媒体检查情况通报';
export const SITE_DESCRIPTION = '政府网站与政务新媒体季度检查情况通报及附件数据，主动公开。';

/** A path inside the site, under the configured base (for sub-path deployments). */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path}`;
}

/**
 * Content-Security-Policy: no inline script, no third party. 'wasm-unsafe-eval' lets Pagefind run its
 * WebAssembly search. Sent as a <meta> tag; public/_headers and the README give the same policy for hosts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** An absolute URL of a path inside the site (feeds, canonical links, data package), from SITE_URL and the base. */
export function absoluteUrl(path: string): string {
  return new URL(href(path), import.meta.env.SITE).href;
}

/** Main navigation, in order. A page listed here must exist. */
export const NAV: { path: string; label: string }[] = [
  { path: '/', label: '首页' },
  { path: '/bulletins/', label: '通报' },
  { path: '/websites/', label: '网站' },
  { path: '/accounts/', label: '新媒体' },
  { path: '/trends/', label: '趋势' },
  { path: '/data/', label: '数据' },
  { path: '/search/', label: '搜索' },
];
