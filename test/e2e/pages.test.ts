import { describe, expect, it } from 'vitest';
import { siteInBrowser } from '../support/site-in-browser.ts';

describe('bulletin pages in Chromium', () => {
  const ctx = siteInBrowser('data');

  for (const [name, width] of [['phone', 390], ['desktop', 1280]] as const) {
    it(`renders the 2020-Q3 bulletin at ${name} width without console errors or sideways page scroll`, async () => {
      const page = await ctx.browser.newPage({ viewport: { width, height: 900 } });
      const problems: string[] = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`${ctx.server.url}bulletins/2020-q3/`);
      expect(await page.locator('#annex-1 tbody tr').count()).toBe(7);
      expect(await page.locator('#annex-2 tbody tr').count()).toBe(48);
      // Wide annexes scroll inside their own box; the page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it('works with JavaScript off', async () => {
    const context = await ctx.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(ctx.server.url);
    await page.getByRole('link', { name: '阅读通报全文和附件' }).click();
    await expect.poll(() => page.url()).toContain('/bulletins/2020-q3/');
    expect(await page.locator('h1').textContent()).toContain('2020年第三季度');
    await context.close();
  });
});
