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

/**
 * Opens `/search/?q=<query>` at `siteUrl` and counts the bytes of Pagefind files the browser fetched:
 * `load` for starting search (script, WebAssembly, metadata, filters), `query` for the query itself
 * (index chunks and the first page of result fragments).
 */
export async function queryBytes(
  browser: Browser,
  siteUrl: string,
  query: string,
): Promise<{ load: number; query: number; requests: number; filterFiles: number }> {
  const page = await browser.newPage();
  const sizes: { url: string; bytes: number }[] = [];
  page.on('response', async (response) => {
    if (!response.url().includes('/pagefind/')) return;
    const body = await response.body().catch(() => Buffer.alloc(0));
    sizes.push({ url: response.url(), bytes: body.length });
  });
  await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() =>
    /找到|没有找到/.test(document.getElementById('search-status')?.textContent ?? ''),
  );
  await page.waitForLoadState('networkidle');
  await page.close();
  const isQuery = (url: string) => /\/(index|fragment)\//.test(url);
  const sum = (list: typeof sizes) => list.reduce((n, s) => n + s.bytes, 0);
  return {
    load: sum(sizes.filter((s) => !isQuery(s.url))),
    query: sum(sizes.filter((s) => isQuery(s.url))),
    requests: sizes.length,
    filterFiles: sizes.filter((s) => /\/filter\//.test(s.url)).length,
  };
}
