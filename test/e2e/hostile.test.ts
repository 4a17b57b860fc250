/** Data is text: markup and script in CSV cells and frontmatter show literally and never run. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteInBrowser } from '../support/site-in-browser.ts';
import { htmlPages } from '../support/dist.ts';

describe('hostile data (test/fixtures/hostile)', () => {
  const ctx = siteInBrowser('test/fixtures/hostile');

  it('ships no inline script, and every page declares a Content-Security-Policy without unsafe-inline', () => {
    for (const page of htmlPages(ctx.site.out)) {
      const html = readFileSync(join(ctx.site.out, page), 'utf8');
      expect(html, page).toMatch(
        /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/,
      );
      expect(html, page).not.toContain('unsafe-inline');
      // Attribute values may legally hold a literal "<script>" (escaped quotes keep it inert); look at markup only.
      const markup = html.replace(/="[^"]*"/g, '=""');
      const inline = [...markup.matchAll(/<script(?![^>]*\ssrc=)([^>]*)>/g)].filter(
        (m) => !/type="application\/(ld\+)?json"/.test(m[1]!),
      );
      expect(
        inline.map((m) => m[0]),
        page,
      ).toEqual([]);
    }
  });

  it('runs nothing from the data on any page, and shows it as text', async () => {
    const page = await ctx.browser.newPage();
    const problems: string[] = [];
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    for (const path of htmlPages(ctx.site.out)) {
      await page.goto(`${ctx.server.url}${path.replace(/index\.html$/, '')}`);
      await page.waitForLoadState('load');
      expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), path).toBeUndefined();
    }
    await page.goto(`${ctx.server.url}bulletins/2021-q1/`);
    const body = await page.locator('body').innerText();
    expect(body).toContain("<script>window.__pwned='name'</script>虚构网站");
    expect(body).toContain("<script>window.__pwned = 'title'</script>恶意标题");
    expect(body).toContain("</td></tr></table><script>window.__pwned='unit'</script>虚构局");
    expect(body).toContain('=HYPERLINK("http://x")');
    expect(await page.locator('#annex-2 tbody tr').count()).toBe(2);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws charts whose labels come from hostile cells, and shows search results as text', async () => {
    const page = await ctx.browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`${ctx.server.url}trends/`);
    await page.waitForFunction(
      () =>
        document.querySelectorAll('canvas').length > 0 &&
        [...document.querySelectorAll('canvas')].every((c) => c.width > 0),
    );
    // The district comparison names the hostile 所属地区 cell; its table shows it as text.
    expect(await page.locator('body').innerText()).toContain(`<img src=x onerror="window.__pwned='region'">`);
    await page.goto(`${ctx.server.url}search/?q=${encodeURIComponent('虚构网站')}`);
    await page.waitForSelector('.search-result');
    const titles = await page.locator('.result-title').allInnerTexts();
    expect(titles).toContain("<script>window.__pwned='name'</script>虚构网站");
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    await page.close();
  });
});
