/** Site-wide words, navigation and URLs; the city's name comes from the bulletins themselves. */
import { accountSlug, unitKey, unitSlug, websiteSlug } from './lib/identity';

export const SITE_TITLE = '政府网站与政务新媒体检查情况通报';
export const SITE_DESCRIPTION = '政府网站与政务新媒体季度检查情况通报及附件数据，主动公开。';

/** A path inside the site, under the configured base (for sub-path deployments). */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path}`;
}

/** Main navigation, in order. A page listed here must exist. */
export const NAV: { path: string; label: string }[] = [
  { path: '/', label: '首页' },
  { path: '/bulletins/', label: '通报' },
  { path: '/search/', label: '搜索' },
];

/**
 * Stable URLs of the things the site publishes (paths before `href`). Entity URLs derive from identity keys
 * (record.key, see src/lib/identity.ts), never from row order, so they survive new quarters.
 */
export const paths = {
  bulletin: (q: { slug: string }) => `/bulletins/${q.slug}/`,
  website: (site: { key: string }) => `/websites/${websiteSlug(site.key)}/`,
  account: (account: { key: string }) => `/accounts/${accountSlug(account.key)}/`,
  unit: (unit: string) => `/units/${unitSlug(unitKey(unit))}/`,
};
