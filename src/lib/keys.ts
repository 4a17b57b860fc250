/**
 * Identity keys of websites, accounts and units across quarters (identity.ts re-exports them beside the URL slugs).
 * Kept apart from the slugs so that validation loads no pinyin dictionary.
 */
import { normalizeName } from './normalize.ts';

// Keys are joined, not built with `+` or a template: V8 makes those a rope, which each of the many Map lookups of
// a key (validation, near names, history) walks piece by piece; `join` gives a flat string.

/** A website is known by its national site code when given, else by its normalised name. */
export function websiteKey(site: { siteCode?: string; name: string }): string {
  return site.siteCode
    ? ['code', site.siteCode.toUpperCase()].join(':')
    : ['name', normalizeName(site.name)].join(':');
}

/** An account is known by platform and normalised account name. */
export function accountKey(account: { platform: string; account: string }): string {
  return [account.platform, normalizeName(account.account)].join(':');
}

/** Identity of a unit (单位名称). */
export function unitKey(unit: string): string {
  return ['unit', normalizeName(unit)].join(':');
}
