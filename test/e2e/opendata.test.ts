/**
 * A sub-path deployment in Chromium: every internal link, asset and download resolves under the base; the annex
 * tables copy and download as shown; the feed and sitemap parse as XML.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, serve } from '../../scripts/bench/browser.ts';
import { buildSite } from '../support/build.ts';

const BASE = '/sub/';

describe('sub-path build in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    const site = buildSite('test/fixtures/opendata', {
      BASE_PATH: BASE,
      SITE_URL: 'https://data.example.gov.cn',
    });
    if (site.code !== 0) throw new Error(site.log);
    server = await serve(site.out, BASE);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no broken internal link, asset or download on any page reachable from the home page', async () => {
    const origin = new URL(server.url).origin;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const queue = [server.url];
    const seen = new Set(queue);
    const broken: string[] = [];
    const checked = new Set<string>();
    while (queue.length > 0) {
      const url = queue.shift()!;
      const response = await page.goto(url);
      if (response?.status() !== 200) {
        broken.push(`${url} → ${response?.status()}`);
        continue;
      }
      const refs = await page.evaluate(() =>
        [...document.querySelectorAll('a[href], link[href], script[src], img[src]')].map(
          (el) => (el as HTMLAnchorElement).href || (el as HTMLScriptElement).src,
        ),
      );
      for (const ref of refs) {
        const target = new URL(ref);
        target.hash = '';
        if (target.origin !== origin) continue;
        const key = target.href;
        if (!target.pathname.startsWith(BASE)) broken.push(`${url} → ${key} (outside ${BASE})`);
        if (target.pathname.endsWith('/') && !seen.has(key)) {
          seen.add(key);
          queue.push(key);
        } else if (!target.pathname.endsWith('/') && !checked.has(key)) {
          checked.add(key);
          const status = (await fetch(key)).status;
          if (status !== 200) broken.push(`${url} → ${key} ${status}`);
        }
      }
    }
    await page.close();
    expect(broken).toEqual([]);
    expect(errors).toEqual([]);
    // The crawl reached the pages and files this issue adds.
    expect([...seen].map((u) => new URL(u).pathname)).toEqual(
      expect.arrayContaining([`${BASE}data/`, `${BASE}bulletins/2021-q1/`, `${BASE}bulletins/2021-q2/`]),
    );
    expect([...checked].map((u) => new URL(u).pathname)).toEqual(
      expect.arrayContaining([
        `${BASE}data/2021-q1/websites.csv`,
        `${BASE}data/all/new-media.json`,
        `${BASE}data/datapackage.json`,
        `${BASE}rss.xml`,
        `${BASE}sitemap-index.xml`,
      ]),
    );
  });

  it('serves the 404 page for a missing address, with working links', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${server.url}no-such-page/`);
    expect(response?.status()).toBe(404);
    await page.getByRole('link', { name: '数据下载' }).first().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`${BASE}data/`);
    await page.close();
  });

  it('parses the feed and the sitemaps as well-formed XML', async () => {
    const page = await browser.newPage();
    await page.goto(server.url);
    for (const path of ['rss.xml', 'sitemap-index.xml', 'sitemap-0.xml']) {
      const xml = await (await fetch(`${server.url}${path}`)).text();
      const result = await page.evaluate((source) => {
        const doc = new DOMParser().parseFromString(source, 'application/xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: doc.documentElement.nodeName,
          items: doc.querySelectorAll('item').length,
        };
      }, xml);
      expect(result.error, path).toBeNull();
      if (path === 'rss.xml') expect(result).toMatchObject({ root: 'rss', items: 2 });
    }
    await page.close();
  });

  it('offers each annex as a download that works without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}bulletins/2021-q1/`);
    expect(await page.locator('#annex-1 a', { hasText: 'CSV' }).getAttribute('href')).toBe(
      `${BASE}data/2021-q1/websites.csv`,
    );
    await context.close();
  });
});
