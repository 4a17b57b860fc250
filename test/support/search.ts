/** Running the site's own search in Chromium, and what it should find in a data folder (used by search.test.ts and the data checks). */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { buildHistory } from '../../src/lib/history.ts';
import { loadDataDir } from '../../src/node/load.ts';
import { paths } from '../../src/lib/routes.ts';
import { MEMBERS_FILTER } from '../../src/lib/search-match.ts';

export interface Hit {
  url: string;
  title: string;
  quarter: string;
  type: string;
}

/**
 * Runs a query through the site's own Pagefind bundle, configured as the search page configures it, and lists the
 * websites, accounts and bulletins on the pages it finds (several to a page, src/lib/search-records.ts `searchPages`)
 * whose own text holds every word of the query and that have the filters asked for: the candidates the search page
 * ranks. The in-page code is a string so that Vite does not rewrite its `import()`.
 */
export async function search(
  page: Page,
  term: string | null,
  options: { filters?: Record<string, string>; sort?: Record<string, string> } = {},
  top = 1000,
): Promise<Hit[]> {
  return page.evaluate(`(async ({ term, options, top }) => {
    const pagefind = await import(document.getElementById('search-form').dataset.bundle);
    await pagefind.init();
    const found = await pagefind.search(term, options);
    const pages = await Promise.all(found.results.map((r) => r.data()));
    const fold = (s) => s.normalize('NFKC').toLowerCase();
    const words = fold(term ?? '').split(/\\s+/).filter(Boolean);
    const wanted = Object.entries(options.filters ?? {});
    const members = pages.flatMap((d) => {
      const { ['${MEMBERS_FILTER}']: _, ...own } = d.filters;
      return JSON.parse(d.filters['${MEMBERS_FILTER}'][0]).map((m) => ({ filters: own, ...m })).filter((m) =>
        words.every((w) => fold(m.text).includes(w)) &&
        wanted.every(([name, value]) => (m.filters[name] ?? []).includes(value)),
      );
    });
    return members.slice(0, top).map((m) => ({ url: m.url, title: m.title, quarter: m.quarter, type: m.type }));
  })(${JSON.stringify({ term, options, top })})`);
}

export interface Entity {
  title: string;
  names: string[];
  units: string[];
  path: string;
}

/**
 * Every website and account of a data folder (one search record each), with the names it is searched by and the
 * path a hit on it leads to: its own page.
 */
export function entities(dataDir: string): Entity[] {
  const history = buildHistory(loadDataDir(dataDir).quarters);
  return [
    ...history.websites.map((w) => ({
      title: w.name,
      names: w.names,
      units: [] as string[],
      path: paths.website(w).slice(1),
    })),
    ...history.accounts.map((a) => ({
      title: `${a.account}（${a.platform}）`,
      names: a.names,
      units: a.units,
      path: paths.account(a).slice(1),
    })),
  ];
}

/** The URL a hit on the website or account titled `title` leads to. */
export function hitUrl(dataDir: string, title: string): string {
  const entity = entities(dataDir).find((e) => e.title === title);
  if (!entity) throw new Error(`no ${title} in ${dataDir}`);
  return `/${entity.path}`;
}

/** A result as the search page shows it. */
export interface ShownHit {
  url: string;
  title: string;
  type: string;
  quarter: string;
  excerpt: string;
  /** Highlighted parts of the excerpt and the problems line. */
  marks: string[];
  /** `问题及季度：…` line, empty when none. */
  problems: string;
}

/** What the search page shows for a query: status, every result (all pages), and the suggestions under an empty result. */
export interface Shown {
  status: string;
  hits: ShownHit[];
  suggestions: string[];
}

/**
 * Runs a query through the site's search page as a reader does (the box, then 搜索), and reads every result it lists,
 * pressing “显示更多结果” until all are shown. `page` must be on the search page with the index loaded.
 */
export async function pageSearch(page: Page, term: string): Promise<Shown> {
  await page.evaluate((q) => {
    document.getElementById('search-status')!.textContent = '';
    (document.getElementById('search-q') as HTMLInputElement).value = q;
    (document.getElementById('search-form') as HTMLFormElement).requestSubmit();
  }, term);
  await page.waitForFunction(
    () =>
      document.getElementById('search-results')!.getAttribute('aria-busy') === 'false' &&
      !!document.getElementById('search-status')!.textContent,
  );
  while (await page.locator('#search-more').isVisible()) {
    const n = await page.locator('.search-result').count();
    await page.locator('#search-more').click();
    await page.waitForFunction((before) => document.querySelectorAll('.search-result').length > before, n);
  }
  return page.evaluate(() => ({
    status: document.getElementById('search-status')!.textContent ?? '',
    hits: [...document.querySelectorAll('.search-result')].map((li) => ({
      url: new URL((li.querySelector('a.result-link') as HTMLAnchorElement).href).pathname,
      title: li.querySelector('.result-title')?.textContent ?? '',
      type: li.querySelector('.result-type')?.textContent ?? '',
      quarter: li.querySelector('.result-quarter')?.textContent ?? '',
      excerpt: li.querySelector('.result-excerpt')?.textContent ?? '',
      marks: [...li.querySelectorAll('mark')].map((m) => m.textContent ?? ''),
      problems: li.querySelector('.result-problems')?.textContent ?? '',
    })),
    suggestions: (document.getElementById('search-suggest') as HTMLElement).hidden
      ? []
      : [...document.querySelectorAll('#search-suggest a')].map((a) => a.textContent ?? ''),
  }));
}

/**
 * Every name must find each website or account that bore it among the top N results the search page shows, N = the
 * number of them whose name or unit contains the query: the same account on several platforms, a longer name
 * containing it (潮州网警 in 潮州网警巡查执法), or an account named after its unit (潮州市生态环境局, whose unit runs
 * two more accounts). Those are all correct answers to the words typed; no search can order equals by intent.
 * Pagefind's own results are only candidates (the page re-ranks them): each must also be among them.
 */
export async function expectRecall(page: Page, all: Entity[]): Promise<void> {
  const misses: string[] = [];
  for (const name of new Set(all.flatMap((e) => e.names))) {
    const expected = all.filter((e) => e.names.includes(name));
    const n = all.filter((e) => [...e.names, ...e.units].some((x) => x.includes(name))).length;
    const candidates = (await search(page, name)).map((h) => h.url);
    const top = (await pageSearch(page, name)).hits.slice(0, n).map((h) => h.url);
    for (const e of expected) {
      if (!candidates.includes(`/${e.path}`)) misses.push(`${name} → ${e.path}：不在 Pagefind 的结果中`);
      if (!top.includes(`/${e.path}`)) misses.push(`${name} → ${e.path}（前 ${n} 条：${top.join(' ')}）`);
    }
  }
  expect(misses).toEqual([]);
}
