/**
 * Keyboard-only use and large text, in real Chromium at phone (390 px) and desktop (1280 px) width:
 * - a walk through the main paths with Tab, Shift+Tab, Enter and the arrow keys only;
 * - a full Tab cycle through one page of every type: every tabbable element is reached and focus comes back round to
 *   the top (no trap); every stop is in view (also inside tables that scroll sideways), not covered, and has a focus
 *   ring (≥ 2 px, ≥ 3:1 against what is behind it, gone when focus moves on);
 * - the browser's text size at 200 % (default font 32 px): no page scrolls sideways and no text is cut off.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../support/build.ts';
import { launch, serve } from '../../scripts/bench/browser.ts';
import { htmlPages, samplePages } from '../support/dist.ts';
import { DATA_DIR } from '../support/data-dir.ts';
import { entities } from '../support/search.ts';

const WIDTHS = [390, 1280];

/** What a focus stop is and what is wrong with it; runs in the page after each key press. */
interface FocusReport {
  /** Which element: the same number every time the same element is focused on this page. */
  id: number;
  label: string;
  problems: string[];
  /** The previous stop, when its focus ring did not go away as focus moved on. */
  stuckRing?: string;
}

/**
 * Inspects document.activeElement: in view (within the viewport and every box that clips it, up to 2 px, or filling
 * the box when larger), not covered by another element, and with a focus ring. Remembers each stop's ring to check,
 * at the next stop, that it was a focus indicator and not always there. Returns null when focus is outside the page.
 */
function inspectFocus(): FocusReport | null {
  type Kbd = { prev?: Element; rings: WeakMap<Element, string>; seen: Map<Element, number> };
  const w = window as unknown as { __kbd?: Kbd };
  const kbd: Kbd = (w.__kbd ??= { rings: new WeakMap(), seen: new Map() });
  const el = document.activeElement;
  const ringOf = (e: Element) => {
    const cs = getComputedStyle(e);
    // Not the offset: a ring that is always there and only moves a little on focus does not show focus.
    return `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor} | ${cs.boxShadow}`;
  };
  const name = (e: Element) => {
    const ids = e.getAttribute('aria-labelledby');
    const text =
      e.getAttribute('aria-label') ??
      (ids
        ? ids
            .split(/\s+/)
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' ')
        : null) ??
      ((e as HTMLInputElement).labels?.[0]?.textContent || null) ??
      e.textContent ??
      '';
    return text.replace(/\s+/g, ' ').trim().slice(0, 40);
  };
  const role = (e: Element) =>
    e.getAttribute('role') ??
    (
      { A: 'link', BUTTON: 'button', INPUT: 'textbox', SELECT: 'combobox', SECTION: 'region' } as Record<
        string,
        string
      >
    )[e.tagName] ??
    e.tagName.toLowerCase();
  const label = (e: Element) => `${role(e)} “${name(e)}”`;

  let stuckRing: string | undefined;
  const prev = kbd.prev;
  if (prev && prev !== el && prev.isConnected && kbd.rings.get(prev) === ringOf(prev))
    stuckRing = label(prev);
  if (!el || el === document.body || el === document.documentElement) {
    kbd.prev = undefined;
    return null;
  }
  kbd.prev = el;
  if (!kbd.seen.has(el)) kbd.seen.set(el, kbd.seen.size);
  kbd.rings.set(el, ringOf(el));
  const problems: string[] = [];

  // In view: intersect with the viewport and every ancestor that clips its overflow.
  const r = el.getBoundingClientRect();
  let [cl, ct, cr, cb] = [0, 0, document.documentElement.clientWidth, document.documentElement.clientHeight];
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    const cs = getComputedStyle(a);
    if (cs.overflowX === 'visible' && cs.overflowY === 'visible') continue;
    const ar = a.getBoundingClientRect();
    cl = Math.max(cl, ar.left + a.clientLeft);
    ct = Math.max(ct, ar.top + a.clientTop);
    cr = Math.min(cr, ar.left + a.clientLeft + a.clientWidth);
    cb = Math.min(cb, ar.top + a.clientTop + a.clientHeight);
  }
  const [vl, vt, vr, vb] = [
    Math.max(r.left, cl),
    Math.max(r.top, ct),
    Math.min(r.right, cr),
    Math.min(r.bottom, cb),
  ];
  const shownW = Math.max(0, vr - vl);
  const shownH = Math.max(0, vb - vt);
  if (shownW < Math.min(r.width, cr - cl) - 2 || shownH < Math.min(r.height, cb - ct) - 2) {
    problems.push(
      `only ${Math.round(shownW)}×${Math.round(shownH)} of ${Math.round(r.width)}×${Math.round(r.height)} px in view (element at ${Math.round(r.left)},${Math.round(r.top)})`,
    );
  } else {
    // Not covered, not even in part (by a sticky column or header): hit-test the start, middle and end of the first
    // line box in view.
    const line =
      [...el.getClientRects()].find((q) => q.right > vl && q.left < vr && q.bottom > vt && q.top < vb) ?? r;
    const [x0, x1] = [Math.max(line.left, vl) + 2, Math.min(line.right, vr) - 2];
    const y = (Math.max(line.top, vt) + Math.min(line.bottom, vb)) / 2;
    for (const x of [x0, (x0 + x1) / 2, x1]) {
      const hit = document.elementFromPoint(x, y);
      if (hit && hit !== el && !el.contains(hit)) {
        problems.push(
          `covered by ${hit.tagName.toLowerCase()} “${(hit.textContent ?? '').trim().slice(0, 20)}” at ${Math.round(x)},${Math.round(y)}`,
        );
        break;
      }
    }
  }

  // A focus ring: outline ≥ 2 px (or a box shadow), with ≥ 3:1 contrast against the background behind it.
  const cs = getComputedStyle(el);
  const rgba = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([R, G, B]: number[]) =>
    [R!, G!, B!]
      .map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4))
      .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
  let behind = [255, 255, 255];
  for (let a = el.parentElement; a; a = a.parentElement) {
    const bg = rgba(getComputedStyle(a).backgroundColor);
    if (bg.length >= 3 && (bg[3] ?? 1) > 0) {
      behind = bg;
      break;
    }
  }
  const outline = rgba(cs.outlineColor);
  const hasOutline =
    !['none', 'hidden'].includes(cs.outlineStyle) &&
    parseFloat(cs.outlineWidth) >= 2 &&
    (outline[3] ?? 1) > 0;
  if (!el.matches(':focus-visible')) problems.push('does not match :focus-visible');
  if (!hasOutline && cs.boxShadow === 'none')
    problems.push(`no focus ring (outline ${cs.outlineStyle} ${cs.outlineWidth}, no box shadow)`);
  if (hasOutline) {
    const [l1, l2] = [luminance(outline), luminance(behind)].sort((a, b) => b - a);
    const contrast = (l1! + 0.05) / (l2! + 0.05);
    if (contrast < 3)
      problems.push(
        `focus ring ${cs.outlineColor} on rgb(${behind.slice(0, 3).join(', ')}): contrast ${contrast.toFixed(2)} < 3`,
      );
  }
  return { id: kbd.seen.get(el)!, label: label(el), problems, stuckRing };
}

/** Drives one page by keyboard, checking every stop; problems are collected, a target never reached throws. */
class Keyboard {
  readonly problems: string[] = [];
  readonly page: Page;
  readonly width: number;
  constructor(page: Page, width: number) {
    this.page = page;
    this.width = width;
  }

  private where() {
    return `${this.width}px ${new URL(this.page.url()).pathname}`;
  }

  async open(url: string) {
    await this.page.goto(url);
    await this.settled();
  }

  /** Waits until every chart is drawn (or dropped): a chart appearing above a table moves it down, and the focus with it. */
  async settled() {
    await this.page.waitForFunction(() => !document.querySelector('.trend-canvas[hidden]'));
  }

  /** Presses a key and checks the element it focuses. */
  async press(key: string): Promise<FocusReport | null> {
    await this.page.keyboard.press(key);
    // What a reader sees is the next painted frame: on a loaded machine a layout change started by the previous key
    // (a table shown instead of cards) may still land after the focus scrolled, so inspect after two frames.
    await this.page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    const report = await this.page.evaluate(inspectFocus);
    if (report?.stuckRing)
      this.problems.push(`${this.where()} ${report.stuckRing}: focus ring stays after focus moves on`);
    for (const p of report?.problems ?? []) this.problems.push(`${this.where()} ${report!.label}: ${p}`);
    return report;
  }

  /** Presses Tab (Shift+Tab when `back`) until `target` has focus, at most `max` times. */
  async tabTo(target: Locator, { back = false, max = 150 } = {}) {
    const key = back ? 'Shift+Tab' : 'Tab';
    const visited: string[] = [];
    for (let i = 0; i < max; i++) {
      const report = await this.press(key);
      visited.push(report?.label ?? '（页面之外）');
      if (await target.evaluateAll((els) => els.some((e) => e === document.activeElement))) return;
    }
    throw new Error(
      `${this.where()}: ${max} × ${key} never focused ${target}; focused in turn: ${visited.join(' → ')}`,
    );
  }

  /** Presses Enter on the focused link and waits for the page it leads to. */
  async follow(url: RegExp) {
    await this.page.keyboard.press('Enter');
    await this.page.waitForURL(url);
    await this.settled();
  }

  focused(): Promise<{ href: string | null; download: boolean }> {
    return this.page.evaluate(() => ({
      href: document.activeElement!.getAttribute('href'),
      download: document.activeElement!.hasAttribute('download'),
    }));
  }
}

/** Scroll offset of a focused scroll box once it has settled after pressing a key (keyboard scrolling is animated). */
async function scrollAfter(page: Page, box: Locator, key: string): Promise<number> {
  await page.keyboard.press(key);
  let last = NaN;
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(50);
    const now = await box.evaluate((e) => e.scrollLeft);
    if (now === last) return now;
    last = now;
  }
  return last;
}

describe('keyboard and large text', () => {
  let browser: Browser;
  const sites: Record<string, { server: Awaited<ReturnType<typeof serve>>; pages: string[] }> = {};
  beforeAll(async () => {
    // The four invented quarters (every page type, charts drawn) and the data folder (whatever it holds), each with
    // the search page showing results (for the data folder, for the first name in it).
    const realQuery = entities(DATA_DIR)[0]?.names[0] ?? '';
    for (const [name, dir, query] of [
      ['fixture', 'test/fixtures/history', '虚构'],
      ['real', DATA_DIR, realQuery],
    ] as const) {
      const site = buildSite(dir);
      if (site.code !== 0) throw new Error(site.log);
      sites[name] = {
        server: await serve(site.out),
        pages: [...samplePages(htmlPages(site.out)), `search/?q=${encodeURIComponent(query)}`],
      };
    }
    // Annex 1 with a 网址 column of links, beside the name column that stays in view on phones.
    const urls = buildSite('test/fixtures/opendata');
    if (urls.code !== 0) throw new Error(urls.log);
    sites.urls = { server: await serve(urls.out), pages: ['bulletins/2021-q1/'] };
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    for (const s of Object.values(sites)) await s.server.close();
  });

  for (const width of WIDTHS) {
    it(`walks the main paths by keyboard alone at ${width}px: every stop in view with a visible focus ring`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      const kb = new Keyboard(page, width);
      const main = page.locator('main');
      const nav = page.getByRole('navigation', { name: '主导航' });
      const breadcrumb = page.getByRole('navigation', { name: '当前位置' });
      const h1 = () => page.locator('h1').innerText();

      // Home → 通报 (the list) → the latest bulletin.
      await kb.open(sites.fixture!.server.url);
      await kb.tabTo(nav.getByRole('link', { name: '通报', exact: true }));
      await kb.follow(/\/bulletins\/$/);
      await kb.tabTo(main.getByRole('link', { name: /^2021年第四季度/ }));
      await kb.follow(/\/bulletins\/2021-q4\/$/);

      // The skip link first, straight past the header.
      await kb.tabTo(page.getByRole('link', { name: '跳到正文' }), { max: 1 });
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).hash).toBe('#main');

      // Annex 1's table is a scroll box of its own: Tab reaches it, and where it is wider than the screen ← → scroll it.
      // On phones its rows are cards that fit the screen; the checkbox above shows the table as published (Space).
      const annex = page.locator('#annex-1');
      const table = annex.getByRole('region');
      if (width < 800) {
        const toggle = annex.getByRole('checkbox', { name: '按原表格显示（左右滑动查看各列）' });
        await kb.tabTo(toggle);
        expect(
          await table.evaluate((e) => e.scrollWidth <= e.clientWidth),
          'annex 1 as cards fits a phone',
        ).toBe(true);
        await page.keyboard.press('Space');
        expect(await toggle.isChecked()).toBe(true);
        // A reader tabs on after the table has been laid out; on a loaded machine that can take a frame or two.
        await page.evaluate(
          () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
        );
      }
      await kb.tabTo(table);
      const [scrollWidth, clientWidth] = await table.evaluate((e) => [e.scrollWidth, e.clientWidth]);
      if (width < 800) expect(scrollWidth, 'annex 1 is wider than a phone').toBeGreaterThan(clientWidth);
      if (scrollWidth > clientWidth) {
        const right = await scrollAfter(page, table, 'ArrowRight');
        expect(right).toBeGreaterThan(0);
        expect(await scrollAfter(page, table, 'ArrowLeft')).toBeLessThan(right);
      }
      // Its next page when the annex has one, else its download (just above the table: Shift+Tab).
      const nextPage = annex.getByRole('navigation').getByRole('link', { name: '下一页' });
      if ((await nextPage.count()) > 0) {
        await kb.tabTo(nextPage);
        await kb.follow(/\/annex-1\/2\/$/);
        await kb.tabTo(breadcrumb.getByRole('link', { name: '2021年第四季度' }));
        await kb.follow(/\/bulletins\/2021-q4\/$/);
        await kb.tabTo(table);
      } else {
        await kb.tabTo(annex.getByRole('link', { name: 'CSV' }), { back: true });
        expect(await kb.focused()).toEqual({ href: '/data/2021-q4/websites.csv', download: true });
      }

      // A website's own page from its row in annex 1.
      await kb.tabTo(annex.getByRole('link', { name: '虚构甲区人民政府网站', exact: true }));
      await kb.follow(/\/websites\/[^/]+\/$/);
      expect(await h1()).toBe('虚构甲区人民政府网站');

      // Back by the breadcrumb to the list of websites, down to its last website, and back up to the navigation.
      await kb.tabTo(breadcrumb.getByRole('link', { name: '政府网站' }));
      await kb.follow(/\/websites\/$/);
      await kb.tabTo(main.getByRole('link', { name: '虚构乙县人民政府网站' }));
      await kb.tabTo(nav.getByRole('link', { name: '新媒体' }), { back: true });
      await kb.follow(/\/accounts\/$/);

      // An account → its unit (in the account's facts) → that unit's wide table, as far as its last column.
      await kb.tabTo(main.getByRole('link', { name: '虚构甲区发布', exact: true }));
      await kb.follow(/\/accounts\/[^/]+\/$/);
      expect(await h1()).toContain('虚构甲区发布');
      await kb.tabTo(main.locator('dl').getByRole('link', { name: '虚构甲区人民政府' }));
      await kb.follow(/\/units\/[^/]+\/$/);
      expect(await h1()).toBe('虚构甲区人民政府');
      await kb.tabTo(main.getByRole('link', { name: '虚构甲区发布（新浪微博）' }));

      // 趋势: every chart's table in turn (a chart itself is never a stop), then the page's contents skip past charts.
      await kb.tabTo(nav.getByRole('link', { name: '趋势' }), { back: true });
      await kb.follow(/\/trends\/$/);
      const figures = await page.locator('figure.trend').evaluateAll((fs) => fs.map((f) => f.id));
      expect(figures).toHaveLength(8);
      for (const id of figures) await kb.tabTo(page.locator(`#${id}`).getByRole('region'));
      await kb.tabTo(
        page.getByRole('navigation', { name: '本页目录' }).getByRole('link', { name: '网站得分' }),
        { back: true },
      );
      await page.keyboard.press('Enter');
      await expect.poll(() => new URL(page.url()).hash).toBe('#scores-title');
      await kb.tabTo(page.locator('#scores').getByRole('region'), { max: 1 });

      // 数据 (by the footer link, onward) and a download.
      await kb.tabTo(page.locator('footer').getByRole('link', { name: '数据下载' }));
      await kb.follow(/\/data\/$/);
      await kb.tabTo(main.getByRole('link', { name: 'CSV' }).first());
      expect(await kb.focused()).toEqual({ href: '/data/2021-q4/websites.csv', download: true });

      expect(kb.problems).toEqual([]);
      await page.close();
    });
  }

  const cycles = [
    ['fixture', 390],
    ['fixture', 1280],
    ['real', 390],
    ['real', 1280],
    ['urls', 390],
  ] as const;
  const about = {
    fixture: 'invented data, every page type',
    real: 'the data folder, every page type',
    urls: 'an annex with links beside the sticky name column',
  };
  for (const [name, width] of cycles) {
    it(`Tab reaches every control and comes back round, no trap (${about[name]}, ${width}px)`, async () => {
      const { server, pages } = sites[name]!;
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      const kb = new Keyboard(page, width);
      const problems: string[] = [];
      for (const path of pages) {
        await kb.open(server.url + path);
        // The search page shows its filters once its index has loaded, and results for a query.
        if (path.startsWith('search/')) await page.waitForSelector('#search-filters:not([hidden])');
        if (path.includes('?q=')) await page.waitForSelector('.search-result');
        const count = await page.evaluate(
          () => document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]').length,
        );
        // Tab until focus comes back to the first element it reached: one full cycle, past the end of the page
        // (Chromium then focuses the browser itself, or goes straight back to the top).
        let first: number | undefined;
        let cycled = false;
        for (let i = 0; i < count + 10 && !cycled; i++) {
          const report = await kb.press('Tab');
          if (report && first === undefined) first = report.id;
          else if (report && report.id === first) cycled = true;
        }
        if (!cycled)
          problems.push(
            `${width}px /${path}: Tab did not come back to the top within ${count + 10} presses (focus trap?)`,
          );
        const missed = await page.evaluate(() => {
          const seen = (window as unknown as { __kbd: { seen: Map<Element, number> } }).__kbd.seen;
          return [
            ...document.querySelectorAll<HTMLElement>(
              'a[href], button, input:not([type="hidden"]), select, textarea, [tabindex]',
            ),
          ]
            .filter(
              (e) =>
                e.tabIndex >= 0 &&
                !(e as HTMLButtonElement).disabled &&
                e.checkVisibility({ visibilityProperty: true }) &&
                !seen.has(e),
            )
            .map(
              (e) =>
                `${e.tagName.toLowerCase()} ${e.getAttribute('href') ?? ''} “${(e.textContent ?? '').trim().slice(0, 30)}”`,
            );
        });
        for (const m of missed) problems.push(`${width}px /${path}: never reached by Tab: ${m}`);
      }
      expect([...problems, ...kb.problems]).toEqual([]);
      await page.close();
    });
  }

  for (const width of WIDTHS) {
    it(`at 200% text size (the browser's default font 32 px) no page scrolls sideways or cuts text off, ${width}px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      // The browser's own text-size setting (what a reader changes in its settings), not page zoom.
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
      const problems: string[] = [];
      for (const [name, { server, pages }] of Object.entries(sites)) {
        for (const path of pages) {
          await page.goto(server.url + path);
          await page.waitForFunction(() => !document.querySelector('.trend-canvas[hidden]'));
          if (path.includes('?q=')) await page.waitForSelector('.search-result');
          const found = await page.evaluate(() => {
            const out: string[] = [];
            const vw = document.documentElement.clientWidth;
            const describe = (e: Element) =>
              `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''} “${(e.textContent ?? '').trim().slice(0, 20)}”`;
            if (getComputedStyle(document.documentElement).fontSize !== '32px')
              out.push(`root font size ${getComputedStyle(document.documentElement).fontSize}, not 32px`);
            if (document.documentElement.scrollWidth > vw)
              out.push(`page is ${document.documentElement.scrollWidth}px wide, screen ${vw}px`);
            const scrollsSideways = (e: Element | null) => {
              for (; e; e = e.parentElement)
                if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX)) return true;
              return false;
            };
            // A box that hides what overflows it must hold all of its text (except text hidden on purpose for screen
            // readers: .visually-hidden, and 1 px boxes).
            for (const e of document.body.querySelectorAll('*')) {
              if (
                e.matches('input, select, textarea, canvas') ||
                e.closest('.visually-hidden') ||
                e.clientWidth <= 1 ||
                e.clientHeight <= 1
              )
                continue;
              const cs = getComputedStyle(e);
              const clipX = ['hidden', 'clip'].includes(cs.overflowX);
              const clipY = ['hidden', 'clip'].includes(cs.overflowY);
              if (
                (clipX && e.scrollWidth > e.clientWidth + 1) ||
                (clipY && e.scrollHeight > e.clientHeight + 1)
              )
                out.push(`cuts off its content: ${describe(e)}`);
            }
            // Every line of text is on screen, or in a box the reader can scroll sideways.
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const parent = n.parentElement!;
              if (
                !n.textContent?.trim() ||
                parent.closest('.skip-link, .visually-hidden') ||
                scrollsSideways(parent)
              )
                continue;
              const range = document.createRange();
              range.selectNodeContents(n);
              const off = [...range.getClientRects()].find(
                (q) => q.width > 0 && (q.left < -1 || q.right > vw + 1),
              );
              if (off)
                out.push(
                  `text off screen at x ${Math.round(off.left)}–${Math.round(off.right)}: ${describe(parent)}`,
                );
            }
            return out;
          });
          for (const f of found) problems.push(`${width}px ${name} /${path}: ${f}`);
        }
      }
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
