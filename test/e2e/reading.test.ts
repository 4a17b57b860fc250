/**
 * 字号 小/中/大, 长者模式 and 打印, in Chromium (test/fixtures/other-city): accessible names and pressed states, by
 * keyboard, kept across pages and reloads, ≥ 18 px text and ≥ 44 px targets in 长者模式, no layout shift when a saved
 * setting is applied (a layout-shift PerformanceObserver at 390 and 1280 px), small script; print: A4, no controls,
 * annex tables not clipped.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../support/dist.ts';
import { siteInBrowser } from '../support/site-in-browser.ts';

const ctx = siteInBrowser('test/fixtures/other-city');
const BULLETIN = 'bulletins/2022-q2/';
const PAGES = ['', BULLETIN, 'websites/', 'trends/', 'data/', 'search/?q=澜江'];

const rootPx = (page: Page) =>
  page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
const pressed = (page: Page) =>
  page
    .locator('.reading-tools button')
    .evaluateAll((bs) =>
      bs.map((b) => `${b.getAttribute('aria-label') ?? b.textContent}=${b.getAttribute('aria-pressed')}`),
    );

/** Total layout shift of a page load, from a buffered layout-shift observer once the page has settled. */
async function layoutShift(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & { value: number })[]) total += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 200);
      }),
  );
}

describe('reading settings and print', () => {
  it('keeps its script small: one classic file in <head>, under 2 KB raw and 1 KB gzip', () => {
    const file = listFiles(join(ctx.site.out, '_astro')).find((f) => /\/reading\.[\w-]+\.js$/.test(f))!;
    const bytes = readFileSync(file);
    expect(bytes.length).toBeLessThan(2048);
    expect(gzipSync(bytes).length).toBeLessThan(1024);
    const head = ctx.site.page('').split('</head>')[0]!;
    expect(head).toMatch(/<script src="\/_astro\/reading\.[\w-]+\.js"><\/script>/);
  });

  it('字号 and 长者模式: named toggle buttons with pressed states, by keyboard, kept across pages and reloads', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 390, height: 800 } });
    await page.goto(ctx.server.url + BULLETIN);
    expect(await pressed(page)).toEqual(['小字号=false', '中字号=true', '大字号=false', '长者模式=false']);
    expect(await page.getByRole('group', { name: '字号' }).getByRole('button').count()).toBe(3);
    expect(await rootPx(page)).toBe(16);
    // The skip link stays first; the settings come next, before the header.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('小字号');
    await page.keyboard.press('Enter');
    expect(await rootPx(page)).toBe(14);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await rootPx(page)).toBe(20);
    expect(await pressed(page)).toEqual(['小字号=false', '中字号=false', '大字号=true', '长者模式=false']);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await pressed(page)).toEqual(['小字号=false', '中字号=false', '大字号=true', '长者模式=true']);
    expect(await rootPx(page)).toBe(24);
    // Another page, and a reload: the same settings, pressed states included.
    await page.goto(ctx.server.url);
    expect(await rootPx(page)).toBe(24);
    expect(await pressed(page)).toEqual(['小字号=false', '中字号=false', '大字号=true', '长者模式=true']);
    await page.getByRole('button', { name: '小字号' }).click();
    await page.reload();
    expect(await rootPx(page)).toBe(18); // 长者模式 never goes below 18 px
    await page.getByRole('button', { name: '长者模式' }).click();
    await page.getByRole('button', { name: '中字号' }).click();
    expect(await rootPx(page)).toBe(16);
    expect(
      await page.evaluate(() =>
        document.documentElement.getAttributeNames().filter((n) => n.startsWith('data-')),
      ),
    ).toEqual([]);
    await page.close();
  });

  for (const width of [390, 1280]) {
    it(`长者模式 at ${width}px: text ≥ 18 px, controls ≥ 44 px, stronger contrast, nothing scrolls sideways`, async () => {
      const context = await ctx.browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(ctx.server.url);
      await page.evaluate(() => localStorage.setItem('reading', JSON.stringify({ elder: true, size: 'l' })));
      const problems: string[] = [];
      for (const path of PAGES) {
        await page.goto(ctx.server.url + path);
        if (path.includes('?q=')) await page.waitForSelector('.search-result');
        const found = await page.evaluate(() => {
          const out: string[] = [];
          const vw = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth > vw)
            out.push(`page is ${document.documentElement.scrollWidth}px wide, screen ${vw}px`);
          const body = parseFloat(getComputedStyle(document.body).fontSize);
          if (body < 18) out.push(`body text ${body}px`);
          const targets = document.querySelectorAll(
            '.reading-tools button, .print-button, .site-header nav a, .site-search input, .site-search button, .site-footer a, .breadcrumb a',
          );
          for (const t of targets) {
            const r = t.getBoundingClientRect();
            if (r.height < 44 || r.width < 44)
              out.push(
                `target ${Math.round(r.width)}×${Math.round(r.height)}: “${(t.textContent ?? '').trim().slice(0, 12)}”`,
              );
          }
          const muted = getComputedStyle(document.querySelector('.site-footer')!).color;
          if (muted !== 'rgb(46, 51, 56)') out.push(`footer text ${muted}`);
          return out;
        });
        for (const f of found) problems.push(`/${path}: ${f}`);
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('axe finds no WCAG 2.x A/AA violation in 长者模式 with 大字号, at phone and desktop width', async () => {
    const violations: string[] = [];
    for (const width of [390, 1280]) {
      // The CSP forbids injected scripts such as axe: bypassed for the audit only (as in a11y.test.ts).
      const context = await ctx.browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(ctx.server.url);
      await page.evaluate(() => localStorage.setItem('reading', JSON.stringify({ elder: true, size: 'l' })));
      for (const path of PAGES) {
        await page.goto(ctx.server.url + path);
        if (path.includes('?q=')) await page.waitForSelector('.search-result');
        await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
        const found = await page.evaluate(async () => {
          // @ts-expect-error injected global
          const result = await window.axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
          });
          return result.violations.map(
            (v: { id: string; nodes: { target: string[] }[] }) =>
              `${v.id} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
        });
        for (const v of found) violations.push(`${width}px /${path} ${v}`);
      }
      await context.close();
    }
    expect(violations).toEqual([]);
  });

  for (const width of [390, 1280]) {
    it(`no layout shift on load, default and with a saved setting, ${width}px`, async () => {
      const context = await ctx.browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      const shifts: Record<string, number> = {};
      for (const setting of [null, { size: 'l' }, { elder: true, size: 's' }]) {
        await page.goto(ctx.server.url);
        await page.evaluate(
          (s) => (s ? localStorage.setItem('reading', JSON.stringify(s)) : localStorage.clear()),
          setting,
        );
        for (const path of ['', BULLETIN])
          shifts[`${JSON.stringify(setting)} /${path}`] = await layoutShift(page, ctx.server.url + path);
      }
      expect(Object.entries(shifts).filter(([, v]) => v > 0)).toEqual([]);
      await context.close();
    });
  }

  it('打印: the button beside the metadata prints; on paper an A4 bulletin with its annexes, no controls, tables not clipped', async () => {
    const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(ctx.server.url + BULLETIN);
    const print = page.getByRole('button', { name: '打印本页' });
    expect(await page.locator('.meta-block + .print-row').getByRole('button').count()).toBe(1);
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await print.click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    await page.emulateMedia({ media: 'print' });
    const onPaper = await page.evaluate(() => {
      const shown = (sel: string) =>
        [...document.querySelectorAll(sel)].filter((e) => e.checkVisibility()).length;
      return {
        hidden: ['.reading-tools', '.print-row', '.site-header', '.site-search', '.site-footer'].filter(
          (s) => shown(s) === 0,
        ),
        clipped: [...document.querySelectorAll('.annex .table-scroll')].filter(
          (e) => e.scrollWidth > e.clientWidth + 1,
        ).length,
        annexes: [...document.querySelectorAll('h2.annex-title')].map((h) => h.textContent),
      };
    });
    expect(onPaper).toEqual({
      hidden: ['.reading-tools', '.print-row', '.site-header', '.site-search', '.site-footer'],
      clipped: 0,
      annexes: ['附件1', '附件2'],
    });
    const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(3); // the bulletin, then each annex from a new page
    await page.close();
  });
});
