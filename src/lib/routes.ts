/**
 * Where everything the site publishes lives: page paths (before the base path), anchors and annex segments. Pure, so
 * that pages, the search indexer, the data package and tests all take their URLs from here. Entity URLs derive from
 * identity keys (record.key, see identity.ts), never from row order, so they survive new quarters.
 * The base path is added by `href()` in src/site.ts, inside Astro only.
 */
import { accountSlug, unitKey, unitSlug, websiteSlug } from './identity.ts';
import { ANNEX_PAGE_SIZE, pageOf } from './paginate.ts';
import { TABLES, type TableDef, type TableKind } from './tables.ts';

/** Anchor of an annex on its bulletin page and segment of its further pages: `annex-1`. */
export const annexId = (def: Pick<TableDef, 'annex'>) => `annex-${def.annex}`;

/** Anchor of a row in its annex table: `website-3`. */
export const rowId = (def: Pick<TableDef, 'rowAnchor'>, seq: number) => `${def.rowAnchor}${seq}`;

/** Anchor of one quarter's row on an entity page, e.g. `q-2020-q3`. */
export const quarterAnchor = (q: { slug: string }) => `q-${q.slug}`;

export const paths = {
  bulletin: (q: { slug: string }) => `/bulletins/${q.slug}/`,
  /** Page `page` of an annex; the first page is on the bulletin itself. */
  annexPage: (q: { slug: string }, kind: TableKind, page: number) =>
    page === 1
      ? `/bulletins/${q.slug}/#${annexId(TABLES[kind])}`
      : `/bulletins/${q.slug}/${annexId(TABLES[kind])}/${page}/`,
  /** A row of an annex, on whichever page it falls. */
  annexRow: (q: { slug: string }, kind: TableKind, row: { position: number; seq: number }) => {
    const page = pageOf(row.position, ANNEX_PAGE_SIZE);
    const base =
      page === 1 ? `/bulletins/${q.slug}/` : `/bulletins/${q.slug}/${annexId(TABLES[kind])}/${page}/`;
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
      case 'website':
        return paths.website(row);
      case 'account':
        return paths.account(row);
      default:
        return entity satisfies never;
    }
  },
  /** The index lists; pages 2… of each at `<list>page/<n>/` (`listPage`). */
  websites: '/websites/',
  accounts: '/accounts/',
  /** The index of units (单位) that run accounts. */
  units: '/units/',
  /** Page `n` of an index list. */
  listPage: (list: string, n: number) => (n === 1 ? list : `${list}page/${n}/`),
  /** A unit by name, or by an account record (whose `unitKey` follows data/aliases.csv renames). */
  unit: (unit: string | { unit: string; unitKey?: string }) =>
    `/units/${unitSlug(typeof unit === 'string' ? unitKey(unit) : (unit.unitKey ?? unitKey(unit.unit)))}/`,
  /** Open data: the downloads page, one download (path from export.ts `dataFilePath`), the package, the feed. */
  data: '/data/',
  dataFile: (path: string) => `/data/${path}`,
  dataPackage: '/data/datapackage.json',
  feed: '/rss.xml',
  /** 名词解释 (src/pages/glossary.astro), or one term on it (anchors: src/lib/glossary.ts `TERM`). */
  glossary: (term?: string) => (term ? `/glossary/#${term}` : '/glossary/'),
};

/** `/websites/abc/` → `abc`: getStaticPaths takes its slugs from `paths`, so URLs are defined in one place. */
export const slugOf = (path: string) => path.split('/').filter(Boolean).at(-1)!;
