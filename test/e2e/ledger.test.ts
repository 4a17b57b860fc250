/** The version list, a correction's changed cells and “与上季度相比” in Chromium: axe, and nothing wider than a phone. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve } from '../../scripts/bench/browser.ts';
import { buildSite } from '../support/build.ts';
import { axe } from '../support/gates.ts';
import { correctedHistoryRepo } from '../support/git-repo.ts';

describe('versions, corrections and the comparison in a browser', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    const site = buildSite(correctedHistoryRepo().data);
    if (site.code !== 0) throw new Error(site.log);
    server = await serve(site.out);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const width of [390, 1280]) {
    it(`at ${width}px: no axe violation and no sideways scroll on the corrected bulletin and /data/`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      const problems: string[] = [];
      for (const path of ['bulletins/2021-q4/', 'bulletins/2021-q2/', 'data/']) {
        await page.goto(`${server.url}${path}`);
        for (const v of await axe(page)) problems.push(`/${path} ${v}`);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (wide > 0) problems.push(`/${path} scrolls sideways by ${wide}px`);
      }
      await page.goto(`${server.url}bulletins/2021-q4/`);
      // The sections are there and their lists read as lists.
      expect(await page.locator('#compare-title').count()).toBe(1);
      expect(await page.locator('.versions li').count()).toBe(2);
      expect(await page.locator('.correction-changes table tbody tr').count()).toBe(2);
      await context.close();
      expect(problems).toEqual([]);
    });
  }
});
