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
        type LayoutShift = PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
          sources?: { node: Node | null }[];
        };
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries() as LayoutShift[]) {
            if (!e.hadRecentInput)
              shifts.push({ value: e.value, sources: (e.sources ?? []).map((s) => describe(s.node)) });
          }
        });
        observer.observe({ type: 'layout-shift', buffered: true });
        // Buffered entries arrive in a task of their own; two frames and a tick are enough.
        requestAnimationFrame(() =>
          requestAnimationFrame(() =>
            setTimeout(() => {
              observer.disconnect();
              resolve({ cls: shifts.reduce((a, s) => a + s.value, 0), shifts });
            }, 50),
          ),
        );
      }),
  );
}

/** Every chart whose box is on screen has been drawn (charts are drawn as they come near the screen). */
const chartsInView = (page: Page) =>
  page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('canvas[data-chart]')].every((c) => {
      const box = c.getBoundingClientRect();
      const onScreen = box.bottom > 0 && box.top < innerHeight && box.height > 0;
      return !onScreen || c.dataset.drawn !== undefined;
    }),
  );

/** What a page waits for before its shifts are read: search results shown, the charts in view drawn. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => {
    const query = new URLSearchParams(location.search).get('q');
    return (
      !query ||
      document.querySelectorAll('#search-results > li').length > 0 ||
      /没有|未找到/.test(document.querySelector('#search-status')?.textContent ?? '')
    );
  });
  await chartsInView(page);
  // Whatever a frame or two after that still moves counts too.
  await page.waitForTimeout(300);
}

/** Scrolls down the page a screen at a time (at most `screens`), waiting at each for the charts in view. */
export async function scrollThrough(page: Page, screens = 15): Promise<void> {
  const step = await page.evaluate(() => innerHeight);
  const height = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), screens * step);
  for (let y = step; y < height; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await chartsInView(page);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
}

/** Opens `url` at `width` and returns its layout shift once settled. */
export async function measureCls(
  browser: Browser,
  url: string,
  width: number,
): Promise<{ cls: number; shifts: Shift[] }> {
  const page = await browser.newPage({ viewport: { width, height: width < 800 ? 844 : 900 } });
  // The search index arrives late, as on a phone network: what the page shows while it loads is painted first, and
  // anything the results or filters then move is counted.
  await page.route('**/pagefind/**', async (route) => {
    await new Promise((r) => setTimeout(r, 300));
    await route.continue();
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await settle(page);
    // Down the page (charts are drawn as they come near): a box not reserved below the first screen shows up too.
    await scrollThrough(page);
    return await layoutShifts(page);
  } finally {
    await page.close();
  }
}
