/** Identity of a website or account across quarters, so that its record can be followed. */
import { normalizeName } from './normalize.ts';

/** A website is known by its national site code when given, else by its normalised name. */
export function websiteKey(site: { siteCode?: string; name: string }): string {
  return site.siteCode ? `code:${site.siteCode.toUpperCase()}` : `name:${normalizeName(site.name)}`;
}

/** An account is known by platform and normalised account name. */
export function accountKey(account: { platform: string; account: string }): string {
  return `${account.platform}:${normalizeName(account.account)}`;
}
