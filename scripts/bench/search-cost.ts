/** What search costs a reader: the size of the Pagefind bundle on disk and the bytes one query fetches. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

/** Bytes of every file under `<dist>/pagefind`, and of the index proper (without Pagefind's unused default UI files). */
export function indexBytes(dist: string): { total: number; index: number } {
  let total = 0;
  let index = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else {
        total += st.size;
        if (!/^pagefind-(component-ui|modular-ui|ui|highlight)\./.test(name)) index += st.size;
      }
    }
  };
  walk(join(dist, 'pagefind'));
  return { total, index };
}

/** Index chunks and result fragments are what a query fetches; the rest (script, WebAssembly, metadata) starts search. */
export const isQueryFile = (url: string): boolean =>
  /\/(?:index|fragment)\/[^/]+$/.test(new URL(url).pathname);
/** Pagefind's files, wherever the bundle lives (`/pagefind/`, or one folder per kind such as `/pagefind-accounts/`). */
export const isSearchFile = (url: string): boolean => /\/pagefind[\w-]*\//.test(new URL(url).pathname);

/**
 * Opens `/search/?q=<query>` at `siteUrl` in a fresh browser context and counts the bytes of Pagefind files the
 * browser fetched: `load` for starting search (script, WebAssembly, metadata, filters), `query` for the query itself
 * (index chunks and the first page of result fragments). Both as stored; `loadWire` and `queryWire` are the bodies
 * as sent, smaller than the stored bytes when the server gzips (browser.ts `serve(…, { gzip: true })`).
 */
export async function queryBytes(
  browser: Browser,
  siteUrl: string,
  query: string,
): Promise<{
  load: number;
  query: number;
  loadWire: number;
  queryWire: number;
  requests: number;
  filterFiles: number;
}> {
  const page = await browser.newPage();
  const pending: Promise<{ url: string; raw: number; wire: number }>[] = [];
  page.on('requestfinished', (request) => {
    if (!isSearchFile(request.url())) return;
    pending.push(
      (async () => {
        const response = await request.response();
        const body = (await response?.body().catch(() => undefined)) ?? Buffer.alloc(0);
        // The length the server sent; Chromium reports no transfer size for a worker's requests (pagefind-worker.js).
        const length = Number(await response?.headerValue('content-length'));
        const wire = Number.isFinite(length) ? length : (await request.sizes()).responseBodySize;
        return { url: request.url(), raw: body.length, wire };
      })(),
    );
  });
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() =>
    /找到|没有找到/.test(document.getElementById('search-status')?.textContent ?? ''),
  );
  await page.waitForLoadState('networkidle');
  const sizes = await Promise.all(pending);
  await page.context().close();
  const sum = (list: typeof sizes, key: 'raw' | 'wire') => list.reduce((n, s) => n + s[key], 0);
  const startFiles = sizes.filter((s) => !isQueryFile(s.url));
  const queryFiles = sizes.filter((s) => isQueryFile(s.url));
  return {
    load: sum(startFiles, 'raw'),
    query: sum(queryFiles, 'raw'),
    loadWire: sum(startFiles, 'wire'),
    queryWire: sum(queryFiles, 'wire'),
    requests: sizes.length,
    filterFiles: sizes.filter((s) => /\/filter\//.test(s.url)).length,
  };
}

/** What browsing by filters alone costs: the filters chosen, the count shown, and the bytes the page fetched for it. */
export interface BrowseCost {
  /** The filters, as `季度=…、类型=…、账号类型=…`. */
  filters: string;
  /** The search page's status line. */
  status: string;
  /** Bytes on the wire of Pagefind's files and the filter sets (src/lib/search-sets.ts). */
  wire: number;
  requests: number;
}

/** Set files (src/lib/search-sets.ts SETS_FOLDER), which browsing by two or more filters reads to count. */
const isSetFile = (url: string): boolean => /\/search\/sets\/[^/]+\.bin$/.test(new URL(url).pathname);

/**
 * Opens `/search/` with three filters and no query — the newest quarter, 政务新媒体, and the platform with the most
 * accounts (the widest spread over the index's pages) — and counts the bytes fetched until the first results and
 * their number are on screen.
 */
export async function browseBytes(browser: Browser, siteUrl: string): Promise<BrowseCost | undefined> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(`${siteUrl}search/`);
    const chosen = await page.evaluate(() => {
      const options = (filter: string) =>
        [...document.querySelectorAll<HTMLOptionElement>(`select[data-filter="${filter}"] option`)].filter(
          (o) => o.value,
        );
      const quarter = options('季度')[0]?.value;
      const type = options('类型').find((o) => o.value === '政务新媒体')?.value;
      const platform = options('账号类型').sort(
        (a, b) => Number(b.dataset.count) - Number(a.dataset.count),
      )[0]?.value;
      return quarter && type && platform ? { 季度: quarter, 类型: type, 账号类型: platform } : undefined;
    });
    if (!chosen) return undefined;
    const sizes: Promise<number>[] = [];
    page.on('requestfinished', (request) => {
      if (!isSearchFile(request.url()) && !isSetFile(request.url())) return;
      sizes.push(
        (async () => {
          const response = await request.response();
          const length = Number(await response?.headerValue('content-length'));
          return Number.isFinite(length) ? length : (await request.sizes()).responseBodySize;
        })(),
      );
    });
    await page.goto(`${siteUrl}search/?${new URLSearchParams(chosen).toString()}`);
    const status = await page.waitForFunction(
      () => {
        const text = document.getElementById('search-status')?.textContent ?? '';
        return /^(找到|没有找到)/.test(text) && text;
      },
      null,
      { timeout: 600_000 },
    );
    await page.waitForLoadState('networkidle');
    const all = await Promise.all(sizes);
    return {
      filters: Object.entries(chosen)
        .map(([k, v]) => `${k}=${v}`)
        .join('、'),
      status: String(await status.jsonValue()),
      wire: all.reduce((n, s) => n + s, 0),
      requests: all.length,
    };
  } finally {
    await context.close();
  }
}
