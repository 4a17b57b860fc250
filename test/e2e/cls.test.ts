/**
 * Zero layout shift: every page type at phone and desktop width, measured in Chromium with a buffered `layout-shift`
 * PerformanceObserver once charts are drawn and search results shown, after scrolling the whole page.
 * Invented data (two quarters of 520 websites, so that annex 1 has a second page, and 17 account types, so that the
 * platform chart is drawn as small multiples), and the real 2020-Q3 (test/fixtures/seed) for a search with many results.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCALES, writeSynthetic } from '../../scripts/bench/synthetic.ts';
import { buildHistory } from '../../src/lib/history.ts';
import { loadDataDir } from '../../src/node/load.ts';
import { paths } from '../../src/lib/routes.ts';
import { buildSite } from '../support/build.ts';
import { launch, serve } from '../../scripts/bench/browser.ts';
import { measureCls, scrollThrough } from '../support/cls.ts';
import { SEED_DATA, tempDir } from '../support/fixtures.ts';

const WIDTHS = [390, 1280];

describe('layout shift (CLS) of every page type', () => {
  const data = tempDir();
  writeSynthetic(data, { ...SCALES.city!, websites: 520, accounts: 120, quarters: 2 });
  const history = buildHistory(loadDataDir(data).quarters);
  const [first, latest] = history.quarters as [(typeof history.quarters)[0], (typeof history.quarters)[0]];
  const rel = (path: string) => path.replace(/^\//, '');
  const pages: Record<string, string> = {
    home: '',
    'bulletins list': 'bulletins/',
    bulletin: rel(paths.bulletin(latest)),
    'annex page': rel(paths.annexPage(latest, 'websites', 2)),
    'websites list': 'websites/',
    // A website inspected in both quarters: its page has a score chart.
    website: rel(paths.website(history.websites.find((w) => w.entries.length > 1)!)),
    'accounts list': 'accounts/',
    account: rel(paths.account(history.accounts[0]!)),
    units: 'units/',
    unit: rel(paths.unit(history.units[0]!.name)),
    trends: 'trends/',
    data: 'data/',
    search: `search/?q=${encodeURIComponent('虚构')}`,
  };
  let browser: Browser;
  let invented: Awaited<ReturnType<typeof serve>>;
  let real: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    const site = buildSite(data);
    if (site.code !== 0) throw new Error(site.log);
    const seed = buildSite(SEED_DATA);
    if (seed.code !== 0) throw new Error(seed.log);
    [invented, real] = await Promise.all([serve(site.out), serve(seed.out)]);
    browser = await launch();
    expect(first.id).not.toBe(latest.id);
  });
  afterAll(async () => {
    await browser?.close();
    await invented?.close();
    await real?.close();
  });

  for (const width of WIDTHS) {
    it(`is 0 on every page type at ${width}px`, async () => {
      const results: Record<string, number> = {};
      const moved: string[] = [];
      const targets = [
        ...Object.entries(pages).map(([type, path]) => [type, invented.url + path] as const),
        ['search (real 2020-Q3: 潮州)', `${real.url}search/?q=${encodeURIComponent('潮州')}`] as const,
        ['bulletin (real 2020-Q3)', `${real.url}bulletins/2020-q3/`] as const,
      ];
      for (const [type, url] of targets) {
        const { cls, shifts } = await measureCls(browser, url, width);
        results[type] = cls;
        if (cls > 0)
          moved.push(
            `${type}: ${shifts.map((s) => `${s.value.toFixed(4)} ${s.sources.join(' ')}`).join('; ')}`,
          );
      }
      expect(moved, 'shifted').toEqual([]);
      expect(Object.values(results).every((v) => v === 0)).toBe(true);
      expect(Object.keys(results)).toHaveLength(targets.length);
    });
  }

  it('draws the 17 account types as small multiples of one line each, in boxes sized before drawing', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${invented.url}trends/`);
    const before = await page
      .locator('#platform-rates .trend-canvas')
      .evaluateAll((boxes) => boxes.map((b) => b.getBoundingClientRect().height));
    await page.locator('#platform-rates').scrollIntoViewIfNeeded();
    await scrollThrough(page, 40);
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLElement>('#platform-rates canvas')].every(
        (c) => c.dataset.drawn === 'true',
      ),
    );
    const after = await page
      .locator('#platform-rates .trend-canvas')
      .evaluateAll((boxes) => boxes.map((b) => b.getBoundingClientRect().height));
    expect(after).toEqual(before);
    expect(after.length).toBe(history.trends.platforms.length);
    expect(history.trends.platforms.length).toBeGreaterThan(6);
    const specs = await page
      .locator('#platform-rates canvas')
      .evaluateAll((cs) => cs.map((c) => JSON.parse((c as HTMLElement).dataset.chart!)));
    for (const spec of specs) expect(spec.series).toHaveLength(1);
    await page.close();
  });
});
