/** The usual browser-test setup: build a data folder, serve the site on loopback, open Chromium; close after. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildSite } from './build.ts';
import { launch, serve } from '../../scripts/bench/browser.ts';

export interface SiteInBrowser {
  site: ReturnType<typeof buildSite>;
  server: Awaited<ReturnType<typeof serve>>;
  browser: Browser;
}

/** Registers beforeAll/afterAll in the enclosing describe; the fields are set once beforeAll has run. */
export function siteInBrowser(dataDir: string): SiteInBrowser {
  const ctx = {} as SiteInBrowser;
  beforeAll(async () => {
    ctx.site = buildSite(dataDir);
    if (ctx.site.code !== 0) throw new Error(ctx.site.log);
    ctx.server = await serve(ctx.site.out);
    ctx.browser = await launch();
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
  });
  return ctx;
}
