import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  accountKey,
  accountSlug,
  unitKey,
  unitSlug,
  websiteKey,
  websiteSlug,
} from '../../src/lib/identity.ts';
import { scrollThrough } from '../support/cls.ts';
import { siteInBrowser } from '../support/site-in-browser.ts';

const WEBSITE = `websites/${websiteSlug(websiteKey({ name: '虚构甲区人民政府网站' }))}/`;
const ACCOUNT = `accounts/${accountSlug(accountKey({ platform: '抖音', account: '虚构教育' }))}/`;
const UNIT = `units/${unitSlug(unitKey('虚构市教育局'))}/`;
/** A name Chart.js keeps in its minified code (a class property), present in any bundle that carries the library. */
const CHART_JS_MARK = 'datasetElementType';

describe('charts in Chromium (four-quarter fixture)', () => {
  const ctx = siteInBrowser('test/fixtures/history');

  /** Opens a page, recording console errors and the text of every script it loads. */
  async function open(
    path: string,
    width = 1280,
  ): Promise<{ page: Page; problems: string[]; scripts: string[] }> {
    const page = await ctx.browser.newPage({ viewport: { width, height: 900 } });
    const problems: string[] = [];
    const pending: Promise<string>[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') pending.push(r.text());
    });
    await page.goto(ctx.server.url + path, { waitUntil: 'networkidle' });
    return { page, problems, scripts: await Promise.all(pending) };
  }

  /** Per canvas: its size and how many pixels were drawn. */
  const canvases = (page: Page) =>
    page.$$eval('canvas', (list) =>
      list.map((c) => {
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let drawn = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) drawn++;
        return {
          width: c.clientWidth,
          height: c.clientHeight,
          drawn,
          label: c.getAttribute('aria-label') ?? '',
        };
      }),
    );

  for (const width of [390, 1280]) {
    it(`draws every chart of the trends page at ${width}px without console errors`, async () => {
      const { page, problems, scripts } = await open('trends/', width);
      // Charts are drawn as they come near the screen: none below the first screens before the reader scrolls there.
      expect(await page.locator('canvas[data-drawn]').count()).toBeLessThan(8);
      await scrollThrough(page);
      await page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLElement>('canvas[data-chart]')].every(
          (c) => c.dataset.drawn === 'true',
        ),
      );
      const drawn = await canvases(page);
      expect(drawn).toHaveLength(8);
      for (const c of drawn) {
        expect(c.width, c.label).toBeGreaterThan(200);
        expect(c.height, c.label).toBeGreaterThan(100);
        expect(c.drawn, c.label).toBeGreaterThan(1000);
      }
      expect(scripts.some((s) => s.includes(CHART_JS_MARK))).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it("draws a website's score chart", async () => {
    const { page, problems } = await open(WEBSITE);
    await page.locator('canvas').scrollIntoViewIfNeeded();
    await page.waitForSelector('canvas[data-drawn="true"]');
    const [chart] = await canvases(page);
    expect(chart!.drawn).toBeGreaterThan(1000);
    expect(chart!.label).toContain('总分：由2021年第一季度的 90分 变为2021年第四季度的 110分');
    expect(problems).toEqual([]);
    await page.close();
  });

  for (const path of ['', 'bulletins/2021-q4/', ACCOUNT, UNIT, 'websites/', 'accounts/', 'units/']) {
    it(`ships no Chart.js on /${path}`, async () => {
      const { page, problems, scripts } = await open(path);
      expect(await page.locator('canvas').count()).toBe(0);
      expect(scripts.filter((s) => s.includes(CHART_JS_MARK))).toEqual([]);
      const html = await page.content();
      expect(html).not.toMatch(/<script[^>]+src="[^"]*(TrendChart|chart)/i);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('keeps every table and no empty chart box with JavaScript off', async () => {
    const context = await ctx.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${ctx.server.url}trends/`);
    expect(await page.locator('table.trend-table').count()).toBe(8);
    for (const box of await page.locator('.trend-canvas').all()) expect(await box.isVisible()).toBe(false);
    expect(await page.locator('#scores tbody tr').nth(2).innerText()).toMatch(
      /2021年第三季度\s+100\s+85\s+70/,
    );
    await context.close();
  });

  it('prints tables, not canvases', async () => {
    const { page } = await open('trends/');
    await page.emulateMedia({ media: 'print' });
    for (const box of await page.locator('.trend-canvas').all()) expect(await box.isVisible()).toBe(false);
    expect(await page.locator('table.trend-table').first().isVisible()).toBe(true);
    await page.close();
  });
});
