/** Site-wide words, navigation and URLs. The site's own name and marks come from data/site.yml (src/utils/site-config.ts). */
import { accountSlug, unitKey, unitSlug, websiteSlug } from './lib/identity.ts';
import { ANNEX_PAGE_SIZE, pageOf } from './lib/paginate.ts';
import { annexId, rowId, TABLES, type TableDef, type TableKind } from './lib/tables.ts';

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

/**
 * Stable URLs of the things the site publishes (paths before `href`). Entity URLs derive from identity keys
 * (record.key, see src/lib/identity.ts), never from row order, so they survive new quarters.
 */
/** Anchor of one quarter's row on an entity page, e.g. `q-2020-q3`. */
export const quarterAnchor = (q: { slug: string }) => `q-${q.slug}`;

export const paths = {
  bulletin: (q: { slug: string }) => `/bulletins/${q.slug}/`,
  /** Page `page` of an annex; the first page is on the bulletin itself. */
  annexPage: (q: { slug: string }, kind: TableKind, page: number) =>
    page === 1 ? `/bulletins/${q.slug}/#${annexId(TABLES[kind])}` : `/bulletins/${q.slug}/${annexId(TABLES[kind])}/${page}/`,
  /** A row of an annex, on whichever page it falls. */
  annexRow: (q: { slug: string }, kind: TableKind, row: { position: number; seq: number }) => {
    const page = pageOf(row.position, ANNEX_PAGE_SIZE);
    const base = page === 1 ? `/bulletins/${q.slug}/` : `/bulletins/${q.slug}/${annexId(TABLES[kind])}/${page}/`;
    return `${base}#${rowId(TABLES[kind], row.seq)}`;
  },
  website: (site: { key: string }) => `/websites/${websiteSlug(site.key)}/`,
  account: (account: { key: string }) => `/accounts/${accountSlug(account.key)}/`,
  /** The figures of a chart as CSV, beside its page: a trends chart by its id, a website's score chart. */
  trendCsv: (id: string) => `/trends/${id}.csv`,
  websiteScoresCsv: (site: { key: string }) => `/websites/${websiteSlug(site.key)}/scores.csv`,
  /** The page of a row's entity, by its table's kind of entity. */
  entity: (entity: TableDef['entity'], row: { key: string }): string => {
    switch (entity) {
      case 'website': return paths.website(row);
      case 'account': return paths.account(row);
      default: return entity satisfies never;
    }
  },
  /** The index of units (单位) that run accounts; pages 2… at `/units/page/<n>/`. */
  units: '/units/',
  /** A unit by name, or by an account record (whose `unitKey` follows data/aliases.csv renames). */
  unit: (unit: string | { unit: string; unitKey?: string }) =>
    `/units/${unitSlug(typeof unit === 'string' ? unitKey(unit) : (unit.unitKey ?? unitKey(unit.unit)))}/`,
  /** Open data: the downloads page, one download (path from src/lib/export.ts `dataFilePath`), the package, the feed. */
  data: '/data/',
  dataFile: (path: string) => `/data/${path}`,
  dataPackage: '/data/datapackage.json',
  feed: '/rss.xml',
  /** 名词解释 (src/pages/glossary.astro), or one term on it (anchors: src/lib/glossary.ts `TERM`). */
  glossary: (term?: string) => (term ? `/glossary/#${term}` : '/glossary/'),
};
