/**
 * Cumulative layout shift of a page as Chromium reports it: the `layout-shift` entries (buffered) without recent
 * input, summed, after the page has settled (charts drawn, search results shown).
 */
import type { Browser, Page } from 'playwright-core';

export interface Shift {
  value: number;
  /** The shifted nodes, as tag#id.class, for the failure message. */
  sources: string[];
}

/** Sums every layout shift recorded so far (buffered), each with the nodes that moved. */
export function layoutShifts(page: Page): Promise<{ cls: number; shifts: Shift[] }> {
  return page.evaluate(
    () =>
      new Promise<{ cls: number; shifts: Shift[] }>((resolve) => {
        const shifts: Shift[] = [];
        const describe = (n: Node | null) => {
          if (!(n instanceof Element)) return String(n?.nodeName ?? '?');
          return `${n.tagName.toLowerCase()}${n.id ? `#${n.id}` : ''}${[...n.classList].map((c) => `.${c}`).join('')}`;
        };
        type LayoutShift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node: Node | null }[] };
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries() as LayoutShift[]) {
            if (!e.hadRecentInput) shifts.push({ value: e.value, sources: (e.sources ?? []).map((s) => describe(s.node)) });
          }
        });
        observer.observe({ type: 'layout-shift', buffered: true });
        // Buffered entries arrive in a task of their own; two frames and a tick are enough.
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
          observer.disconnect();
          resolve({ cls: shifts.reduce((a, s) => a + s.value, 0), shifts });
        }, 50)));
      }),
  );
}

/** What a page waits for before its shifts are read: drawn charts and shown search results. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => {
    const charts = [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')];
    // A chart is drawn once its canvas says so (data-drawn), or, in builds before that mark, once its box is shown.
    const drawn = charts.every((c) => c.dataset.drawn !== undefined || !c.parentElement?.hidden);
    const query = new URLSearchParams(location.search).get('q');
    const results = !query || document.querySelectorAll('#search-results > li').length > 0 || /没有|未找到/.test(document.querySelector('#search-status')?.textContent ?? '');
    return drawn && results;
  });
  // Whatever a frame or two after that still moves counts too.
  await page.waitForTimeout(300);
}

/** Opens `url` at `width` and returns its layout shift once settled. */
export async function measureCls(browser: Browser, url: string, width: number): Promise<{ cls: number; shifts: Shift[] }> {
  const page = await browser.newPage({ viewport: { width, height: width < 800 ? 844 : 900 } });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await settle(page);
    // Down the page a screen at a time (the first 15 screens: past every chart): a box not reserved below the first
    // screen shows up too.
    const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), 15 * 600);
    for (let y = 0; y < height; y += 600) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    return await layoutShifts(page);
  } finally {
    await page.close();
  }
}
