/** WCAG 2.x A/AA with axe-core, the skip link and 200% zoom, on one page of every type in real Chromium (keyboard walk-through and large text: keyboard.test.ts). */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { launch, serve } from '../../scripts/bench/browser.ts';
import { htmlPages, samplePages } from '../support/dist.ts';
import { axeAtBothWidths } from '../support/gates.ts';

describe('accessibility', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  let pages: string[];
  beforeAll(async () => {
    // Four invented quarters: every page type, charts drawn.
    const site = buildSite('test/fixtures/history');
    if (site.code !== 0) throw new Error(site.log);
    // One page of every type, and the search page with results showing.
    pages = [...samplePages(htmlPages(site.out)), `search/?q=${encodeURIComponent('虚构')}`];
    server = await serve(site.out);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('axe finds no WCAG 2.x A/AA violation on any page type, at phone and desktop width', async () => {
    const types = pages.map((p) => p.replace(/\/[^/?]+\/$/, '/*').replace(/\?.*/, '?q'));
    expect(types).toEqual(
      expect.arrayContaining([
        '',
        '404',
        'bulletins/',
        'bulletins/*',
        'websites/',
        'websites/*',
        'accounts/',
        'accounts/*',
        'units/',
        'units/*',
        'trends/',
        'search/',
        'search/?q',
        'data/',
      ]),
    );
    expect(await axeAtBothWidths(browser, server.url, pages)).toEqual([]);
  });

  it('starts with a skip link that moves focus to the main content, with a visible focus ring', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}bulletins/2021-q1/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      outline: getComputedStyle(document.activeElement!).outlineStyle,
      visible: document.activeElement!.getBoundingClientRect().top >= 0,
    }));
    expect(focused).toEqual({ text: '跳到正文', outline: 'solid', visible: true });
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
    await page.close();
  });

  it('reflows at 200% zoom (640 CSS px on a 1280 px screen) without sideways page scroll', async () => {
    const page = await browser.newPage({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 });
    for (const path of pages) {
      await page.goto(`${server.url}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(640);
    }
    await page.close();
  });
});
