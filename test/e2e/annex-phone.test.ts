/**
 * Annexes on a phone (390 px) and a desktop (1280 px), in Chromium, on the real 2020-Q3 (frozen seed) and the four
 * invented quarters of test/fixtures/history:
 * - every annex row's name and verdict (总分, 结果, each single-veto item that is 是) on screen without scrolling
 *   sideways; the same for a website's record (季度, 总分, 结果);
 * - the table as published a tap away (the “按原表格显示” checkbox), its headers over their own columns while it
 *   scrolls, its caption in view;
 * - headers never broken inside a word (keep-all: lines break only at <wbr> or after punctuation);
 * - a jump to #annex-1 shows the annex's heading;
 * - on a desktop, the table as published with all its columns.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { htmlPages } from '../support/dist.ts';
import { SEED_DATA } from '../support/fixtures.ts';
import { siteInBrowser, type SiteInBrowser } from '../support/site-in-browser.ts';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Bulletin pages and annex pages of a build, and the website record pages. */
function pagesOf(ctx: SiteInBrowser) {
  const urls = htmlPages(ctx.site.out).map((p) => p.replace(/index\.html$/, ''));
  return {
    annexes: urls.filter((u) => /^bulletins\/[^/]+\/(annex-\d+\/\d+\/)?$/.test(u)),
    websites: urls.filter((u) => /^websites\/[^/]+\/$/.test(u)),
  };
}

/**
 * For each row of each card table on the page: the horizontal extent of the cells that must be on screen, whether
 * each is visible, and the page's own width. Runs in the page.
 */
function verdictBoxes() {
  const out: { row: string; cell: string; left: number; right: number; visible: boolean }[] = [];
  for (const tr of document.querySelectorAll<HTMLTableRowElement>(
    '.view-full + .view-full-label + .table-frame tbody tr',
  )) {
    const row = `${tr.closest('.annex')?.id ?? 'record'} ${tr.id} “${tr.querySelector('th')?.textContent?.trim()}”`;
    // The row's name (its row header), and its verdict: 总分 and 结果 when the table has them, every veto item that is 是.
    for (const cell of tr.querySelectorAll<HTMLElement>('th, td.col-total, td.col-result, td.flag-yes')) {
      const b = cell.getBoundingClientRect();
      out.push({
        row,
        cell: cell.className || 'th',
        left: b.left,
        right: b.right,
        visible: cell.checkVisibility() && b.width > 1,
      });
    }
  }
  return { cells: out, pageWidth: document.documentElement.scrollWidth };
}

async function verdictProblems(page: Page, url: string, width: number): Promise<string[]> {
  await page.goto(url);
  const { cells, pageWidth } = await page.evaluate(verdictBoxes);
  const problems = cells
    .filter((c) => !c.visible || c.left < 0 || c.right > width)
    .map(
      (c) =>
        `${url} ${c.row} ${c.cell}: ${c.visible ? `at x ${Math.round(c.left)}–${Math.round(c.right)}` : 'not shown'}`,
    );
  if (pageWidth > width) problems.push(`${url}: page ${pageWidth}px wide`);
  if (cells.length === 0) problems.push(`${url}: no rows found`);
  return problems;
}

/**
 * Each table header's line breaks: for every header whose text runs over more than one line, the characters a new
 * line starts with, and whether a break is allowed before them (after a <wbr>, or after punctuation). Runs in the page.
 */
function headerBreaks(selector: string) {
  return [...document.querySelectorAll<HTMLElement>(selector)].map((th) => {
    const chars: { ch: string; top: number; wbrBefore: boolean }[] = [];
    let wbr = false;
    const walk = (node: Node) => {
      for (const child of node.childNodes) {
        if (child.nodeName === 'WBR') wbr = true;
        else if (child.nodeType === Node.TEXT_NODE) {
          const text = child.textContent ?? '';
          for (let i = 0; i < text.length; i++) {
            const range = document.createRange();
            range.setStart(child, i);
            range.setEnd(child, i + 1);
            const rect = range.getClientRects()[0];
            if (rect && text[i]!.trim()) chars.push({ ch: text[i]!, top: rect.top, wbrBefore: wbr });
            wbr = false;
          }
        } else walk(child);
      }
    };
    walk(th);
    const breaks = chars.flatMap((c, i) =>
      i > 0 && c.top > chars[i - 1]!.top + 2
        ? [{ at: i, allowed: c.wbrBefore || /\p{P}/u.test(chars[i - 1]!.ch) }]
        : [],
    );
    return {
      text: th.textContent ?? '',
      wordBreak: getComputedStyle(th).wordBreak,
      lines: breaks.length + 1,
      bad: breaks
        .filter((b) => !b.allowed)
        .map((b) => `${th.textContent!.slice(0, b.at)}/${th.textContent!.slice(b.at)}`),
    };
  });
}

for (const [name, dir] of [
  ['real 2020-Q3 (seed)', SEED_DATA],
  ['four invented quarters (history)', 'test/fixtures/history'],
] as const) {
  describe(`annexes on a phone: ${name}`, () => {
    const ctx = siteInBrowser(dir);

    it('at 390 px every annex row shows its name and verdict on screen, as a card, without sideways scrolling', async () => {
      const page = await ctx.browser.newPage({ viewport: PHONE });
      const problems: string[] = [];
      for (const url of pagesOf(ctx).annexes)
        problems.push(...(await verdictProblems(page, ctx.server.url + url, PHONE.width)));
      expect(problems).toEqual([]);
      // No table box scrolls sideways: the cards fit.
      await page.goto(`${ctx.server.url}${pagesOf(ctx).annexes[0]}`);
      expect(
        await page
          .locator('.annex .table-scroll')
          .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).length),
      ).toBe(0);
      await page.close();
    });

    it("at 390 px a website's record shows each quarter with its 总分 (and 结果) on screen", async () => {
      const page = await ctx.browser.newPage({ viewport: PHONE });
      const problems: string[] = [];
      for (const url of pagesOf(ctx).websites) {
        problems.push(...(await verdictProblems(page, ctx.server.url + url, PHONE.width)));
        expect(await page.locator('table.website-record td.col-total').count(), url).toBeGreaterThan(0);
      }
      expect(problems).toEqual([]);
      await page.close();
    });

    it('at 390 px the table as published is a tap away: headers stay over their columns while it scrolls, caption in view', async () => {
      const page = await ctx.browser.newPage({ viewport: PHONE });
      await page.goto(`${ctx.server.url}${pagesOf(ctx).annexes[0]}`);
      const annex = page.locator('#annex-1');
      await annex.getByLabel('按原表格显示（左右滑动查看各列）').check();
      const box = annex.locator('.table-scroll');
      expect(
        await box.evaluate((e) => e.scrollWidth > e.clientWidth),
        'the table is wider than a phone',
      ).toBe(true);
      await box.evaluate((e) => e.scrollTo({ left: e.scrollWidth }));
      await expect.poll(() => box.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
      const layout = await annex.evaluate((a) => {
        const x = (e: Element | null) => (e ? Math.round(e.getBoundingClientRect().left) : NaN);
        const heads = [...a.querySelectorAll('thead th')];
        const first = a.querySelector('tbody tr')!;
        const frame = a.querySelector('.table-scroll')!.getBoundingClientRect();
        const caption = a.querySelector('caption > span')!.getBoundingClientRect();
        return {
          // Each header and the first row's cell of the same column start at the same x.
          misaligned: heads
            .map((h, i) => [h.textContent, x(h), x(first.children[i]!)])
            .filter(([, hx, cx]) => hx !== cx),
          nameSticky:
            x(a.querySelector('thead th.col-name')) === x(a.querySelector('tbody th.col-name')) &&
            x(a.querySelector('thead th.col-name')) < frame.left + 60,
          captionInView: caption.left >= frame.left && caption.right <= frame.right,
        };
      });
      expect(layout).toEqual({ misaligned: [], nameSticky: true, captionInView: true });
      await page.close();
    });

    it('breaks table headers only between words (keep-all, <wbr>), on a phone and a desktop; short headers on one line at 1280 px', async () => {
      const found: string[] = [];
      for (const viewport of [PHONE, DESKTOP]) {
        const page = await ctx.browser.newPage({ viewport });
        const urls = [...pagesOf(ctx).annexes.slice(0, 1), ...pagesOf(ctx).websites.slice(0, 1)];
        for (const url of urls) {
          await page.goto(ctx.server.url + url);
          // The table view on phones (cards hide the header row).
          for (const toggle of await page.locator('.view-full').all())
            if (await toggle.isVisible()) await toggle.check();
          for (const h of await page.evaluate(headerBreaks, 'main thead th')) {
            if (h.wordBreak !== 'keep-all')
              found.push(`${viewport.width}px /${url} “${h.text}”: word-break ${h.wordBreak}`);
            for (const b of h.bad) found.push(`${viewport.width}px /${url} “${h.text}” breaks as ${b}`);
            if (viewport === DESKTOP && [...h.text].length <= 6 && h.lines > 1)
              found.push(`1280px /${url} “${h.text}”: ${h.lines} lines`);
          }
        }
        await page.close();
      }
      expect(found).toEqual([]);
    });

    it('a jump to #annex-1 (the address, or the link in the text) shows the annex heading', async () => {
      for (const viewport of [PHONE, DESKTOP]) {
        const page = await ctx.browser.newPage({ viewport });
        const bulletin = pagesOf(ctx).annexes.find((u) => !u.includes('/annex-'))!;
        await page.goto(`${ctx.server.url}${bulletin}#annex-1`);
        const heading = page.locator('#annex-1 h2.annex-title');
        expect(await heading.textContent()).toBe('附件1');
        const top = () => heading.evaluate((h) => h.getBoundingClientRect().top);
        expect(await top(), `${viewport.width}px`).toBeGreaterThanOrEqual(0);
        expect(await top(), `${viewport.width}px`).toBeLessThan(100);
        const link = page.locator('.prose a[href="#annex-1"]').first();
        if ((await link.count()) > 0) {
          await page.evaluate(() => window.scrollTo(0, 0));
          await link.click();
          await expect.poll(top).toBeGreaterThanOrEqual(0);
          expect(await top()).toBeLessThan(100);
        }
        await page.close();
      }
    });

    it('at 1280 px shows the table as published, every column, no cards and no checkbox', async () => {
      const page = await ctx.browser.newPage({ viewport: DESKTOP });
      await page.goto(`${ctx.server.url}${pagesOf(ctx).annexes[0]}`);
      const state = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.annex')].map((a) => ({
          id: a.id,
          toggleShown: a.querySelector<HTMLElement>('.view-full')!.checkVisibility(),
          rowDisplay: getComputedStyle(a.querySelector('tbody tr')!).display,
          hiddenHeaders: [...a.querySelectorAll<HTMLElement>('thead th')].filter(
            (th) => !th.checkVisibility() || th.getBoundingClientRect().width < 10,
          ).length,
          hiddenCells: [...a.querySelectorAll<HTMLElement>('tbody td, tbody th')].filter(
            (c) => !c.checkVisibility() || c.getBoundingClientRect().width < 10,
          ).length,
          columns: a.querySelectorAll('thead th').length,
          overflows:
            a.querySelector('.table-scroll')!.scrollWidth > a.querySelector('.table-scroll')!.clientWidth,
        })),
      );
      for (const s of state)
        expect(s, s.id).toMatchObject({
          toggleShown: false,
          rowDisplay: 'table-row',
          hiddenHeaders: 0,
          hiddenCells: 0,
        });
      // The seed's annexes (11 and 5 columns) fit the page without scrolling.
      if (dir === SEED_DATA)
        expect(state.map((s) => [s.id, s.columns, s.overflows])).toEqual([
          ['annex-1', 11, false],
          ['annex-2', 5, false],
        ]);
      await page.close();
    });
  });
}
