/** The site's name and footer marks from data/site.yml (src/lib/site-config.ts), read with the rest of the data folder. */
import type { SiteConfig } from '../lib/site-config.ts';
import { SITE_TITLE } from '../site';
import { loadedData } from './dataset';

/** data/site.yml when there is one (a build with an invalid one stops at validation). */
export const siteConfig = (): SiteConfig | undefined => loadedData().site;

/** The site's name: site.yml `name`, else the generic title. */
export const siteName = (): string => siteConfig()?.name ?? SITE_TITLE;
