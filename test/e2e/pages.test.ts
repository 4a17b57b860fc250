import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildSite } from '../support/build.ts';
import { launch, serve } from '../support/browser.ts';

describe('bulletin pages in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    const site = buildSite('data');
    if (site.code !== 0) throw new Error(site.log);
    server = await serve(site.out);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [name, width] of [['phone', 390], ['desktop', 1280]] as const) {
    it(`renders the 2020-Q3 bulletin at ${name} width without console errors or sideways page scroll`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`${server.url}bulletins/2020-q3/`);
      expect(await page.locator('#annex-1 tbody tr').count()).toBe(7);
      expect(await page.locator('#annex-2 tbody tr').count()).toBe(48);
      // Wide annexes scroll inside their own box; the page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('works with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('link', { name: '阅读通报全文和附件' }).click();
    await expect.poll(() => page.url()).toContain('/bulletins/2020-q3/');
    expect(await page.locator('h1').textContent()).toContain('2020年第三季度');
    await context.close();
  });
});
