/** Site-wide words; the city's name comes from the bulletins themselves. */
export const SITE_TITLE = '政府网站与政务新媒体检查情况通报';
export const SITE_DESCRIPTION = '政府网站与政务新媒体季度检查情况通报及附件数据，主动公开。';

/** A path inside the site, under the configured base (for sub-path deployments). */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  return `${base}${path}`;
}
