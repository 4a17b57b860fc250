/** data/site.yml against the public/ folder on disk (src/lib/site-config.ts checks the rest). */
import { existsSync, statSync } from 'node:fs';
import { validateSiteConfig, type PublicFiles, type SiteConfigResult } from '../lib/site-config.ts';

/** The public/ folder at `publicDir`, as site.yml's `emblem` check sees it. */
export const publicFiles = (publicDir = 'public'): PublicFiles => ({
  publicDir,
  isFile: (path) => existsSync(path) && statSync(path).isFile(),
});

/** Validates site.yml. `file` is the path shown in messages; `publicDir` is where `emblem` must exist. */
export const parseSiteConfig = (bytes: Uint8Array, file: string, publicDir = 'public'): SiteConfigResult =>
  validateSiteConfig(bytes, file, publicFiles(publicDir));
