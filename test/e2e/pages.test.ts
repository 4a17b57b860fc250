import { describe, expect, it } from 'vitest';
import { SEED_DATA } from '../support/fixtures.ts';
import { siteInBrowser } from '../support/site-in-browser.ts';

// The real 2020-Q3 (frozen copy): real column widths and names. Every quarter of data/ is checked in data.test.ts.
describe('bulletin pages in Chromium', () => {
  const ctx = siteInBrowser(SEED_DATA);

  for (const [name, width] of [
    ['phone', 390],
    ['desktop', 1280],
  ] as const) {
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

  it('shows that a wide table scrolls sideways, on phones in words, and only while it is wider than its box', async () => {
    /** For each table box on the page: does it overflow, is the hint shown, and which edge shadows are visible. */
    const boxes = (page: import('playwright-core').Page) =>
      page.evaluate(() =>
        [...document.querySelectorAll('.table-frame')].map((frame) => {
          const box = frame.querySelector('.table-scroll')!;
          const hint = frame.querySelector<HTMLElement>('.scroll-hint')!;
          return {
            name: box.getAttribute('aria-labelledby') ?? box.getAttribute('aria-label'),
            wide: box.scrollWidth > box.clientWidth,
            hint:
              hint.getBoundingClientRect().height > 0 && getComputedStyle(hint).visibility === 'visible'
                ? hint.textContent
                : '',
            left: getComputedStyle(frame, '::before').opacity,
            right: getComputedStyle(frame, '::after').opacity,
          };
        }),
      );
    const phone = await ctx.browser.newPage({ viewport: { width: 390, height: 900 } });
    await phone.goto(`${ctx.server.url}bulletins/2020-q3/`);
    // On phones the annexes are cards that fit (annex-phone.test.ts); the table as published is a tap away.
    expect((await boxes(phone)).find((b) => b.name === 'annex-1-caption')).toMatchObject({
      wide: false,
      hint: '',
    });
    await phone.locator('#annex-1').getByLabel('按原表格显示（左右滑动查看各列）').check();
    const before = await boxes(phone);
    const annex = before.find((b) => b.name === 'annex-1-caption')!;
    expect(annex).toEqual({
      name: 'annex-1-caption',
      wide: true,
      hint: '左右滑动查看更多列',
      left: '0',
      right: '1',
    });
    // Every box: hint and right shadow exactly when the table overflows (a narrow table gets neither).
    for (const b of before)
      expect([b.name, b.hint !== '', b.right === '1'], b.name ?? '').toEqual([b.name, b.wide, b.wide]);
    expect(before.some((b) => !b.wide)).toBe(true);
    // The box is a named, keyboard-focusable region: arrow keys scroll it; at its end the shadow moves to the left.
    const region = phone.getByRole('region', { name: '第三季度政府网站抽查情况统计表' });
    expect(await region.getAttribute('tabindex')).toBe('0');
    await region.focus();
    await phone.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
    await region.evaluate((e) => e.scrollTo({ left: e.scrollWidth }));
    await expect
      .poll(async () => (await boxes(phone)).find((b) => b.name === 'annex-1-caption'))
      .toMatchObject({ left: '1', right: '0' });
    await phone.close();

    const desktop = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await desktop.goto(`${ctx.server.url}bulletins/2020-q3/`);
    // On a desktop the words are not shown; a table that still overflows keeps its shadow.
    for (const b of await boxes(desktop))
      expect([b.name, b.hint, b.right === '1'], b.name ?? '').toEqual([b.name, '', b.wide]);
    await desktop.close();
  });

  it('lists the accounts on a phone without sideways scrolling, each unit a line over its accounts; a table on a desktop', async () => {
    const layout = (page: import('playwright-core').Page) =>
      page.evaluate(() => {
        const table = document.querySelector('table.account-list')!;
        const box = table.closest('.table-scroll')!;
        const unit = table.querySelector('tbody th[scope="rowgroup"]')!;
        const count = table.querySelector('tbody td.num')!;
        return {
          wide: box.scrollWidth > box.clientWidth,
          header: table.querySelector('thead')!.getBoundingClientRect().height > 1,
          // The unit's line is as wide as the list; its first account starts the next line.
          unitFullWidth: unit.getBoundingClientRect().width >= table.getBoundingClientRect().width - 2,
          accountBelowUnit:
            unit.nextElementSibling!.getBoundingClientRect().top >= unit.getBoundingClientRect().bottom - 1,
          countLabel: getComputedStyle(count, '::before').content,
          rows: table.querySelectorAll('tbody th[scope="row"]').length,
        };
      });
    const phone = await ctx.browser.newPage({ viewport: { width: 390, height: 900 } });
    await phone.goto(`${ctx.server.url}accounts/`);
    const onPhone = await layout(phone);
    expect(onPhone).toMatchObject({
      wide: false,
      header: false,
      unitFullWidth: true,
      accountBelowUnit: true,
      countLabel: '"抽查季度数 "',
    });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.close();
    const desktop = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await desktop.goto(`${ctx.server.url}accounts/`);
    const onDesktop = await layout(desktop);
    expect(onDesktop).toMatchObject({ header: true, unitFullWidth: false, countLabel: 'none' });
    // The same rows either way: only the layout changes.
    expect(onDesktop.rows).toBe(onPhone.rows);
    await desktop.close();
  });

  it('lists the units on a phone without sideways scrolling, each with its counts named; a table on a desktop', async () => {
    const layout = (page: import('playwright-core').Page) =>
      page.evaluate(() => {
        const table = document.querySelector('table.unit-list')!;
        const box = table.closest('.table-scroll')!;
        return {
          wide: box.scrollWidth > box.clientWidth,
          header: table.querySelector('thead')!.getBoundingClientRect().height > 1,
          labels: [...table.querySelectorAll('tbody tr:first-child td')].map(
            (td) => getComputedStyle(td, '::before').content,
          ),
        };
      });
    const phone = await ctx.browser.newPage({ viewport: { width: 390, height: 900 } });
    await phone.goto(`${ctx.server.url}units/`);
    expect(await layout(phone)).toEqual({
      wide: false,
      header: false,
      labels: ['"账号总数 "', '"最近抽查："', '"当季抽查 "', '"当季合格 "'],
    });
    await phone.close();
    const desktop = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await desktop.goto(`${ctx.server.url}units/`);
    expect(await layout(desktop)).toMatchObject({ header: true, labels: ['none', 'none', 'none', 'none'] });
    await desktop.close();
  });

  it('shows a unit’s two tables, the website list and the downloads on a phone without sideways scrolling, in 长者模式 too', async () => {
    const phone = await ctx.browser.newPage({ viewport: { width: 390, height: 900 } });
    await phone.goto(`${ctx.server.url}units/`);
    const unit = await phone.locator('table.unit-list tbody th a').first().getAttribute('href');
    const overflow = () =>
      phone.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        boxes: [...document.querySelectorAll('.table-scroll')].map((b) => b.scrollWidth - b.clientWidth),
      }));
    const labels = () =>
      phone.evaluate(() =>
        [...document.querySelectorAll('table.unit-quarters tbody tr:first-child td')].map(
          (td) => getComputedStyle(td, '::before').content,
        ),
      );
    for (const elder of [false, true]) {
      for (const path of [unit!, `${ctx.server.url}data/`]) {
        await phone.goto(new URL(path, ctx.server.url).href);
        if (elder) await phone.getByRole('button', { name: '长者模式' }).click();
        const { page, boxes } = await overflow();
        expect(page, `${path} ${elder ? '长者模式' : ''}`).toBeLessThanOrEqual(390);
        expect(
          boxes.every((extra) => extra <= 0),
          `${path} ${elder ? '长者模式' : ''}: ${boxes}`,
        ).toBe(true);
        if (elder) await phone.getByRole('button', { name: '长者模式' }).click(); // off again (it is remembered)
      }
    }
    await phone.goto(new URL(unit!, ctx.server.url).href);
    expect(await labels()).toEqual(['"抽查账号 "', '"合格 "', '"合格率 "', '"不合格的账号："']);
    // The website list too: a line per website, its counts named, no header row.
    await phone.goto(`${ctx.server.url}websites/`);
    expect(await overflow()).toMatchObject({ page: 390 });
    expect(
      await phone.evaluate(() => {
        const table = document.querySelector('table.website-list')!;
        return {
          header: table.querySelector('thead')!.getBoundingClientRect().height > 1,
          labels: [...table.querySelectorAll('tbody tr:first-child td')].map(
            (td) => getComputedStyle(td, '::before').content,
          ),
        };
      }),
    ).toEqual({ header: false, labels: ['"抽查季度数 "', '"最近总分 "', '"最近一次："'] });
    await phone.close();
    const desktop = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await desktop.goto(new URL(unit!, ctx.server.url).href);
    expect(await desktop.locator('table.unit-quarters thead').isVisible()).toBe(true);
    await desktop.close();
  });

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
