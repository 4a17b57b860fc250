/**
 * Site search in Chromium: Chinese queries, filters, the shareable `?q=` link, keyboard use, recall of every
 * website and account name, and what search costs, on the frozen real quarter (test/fixtures/seed) and on a
 * three-quarter invented fixture. Recall over whatever data/ holds is one of the data checks (test/data.test.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { buildSite } from '../support/build.ts';
import { SEED_DATA } from '../support/fixtures.ts';
import { launch, serve } from '../../scripts/bench/browser.ts';
import { browseBytes, indexBytes, queryBytes } from '../../scripts/bench/search-cost.ts';
import { PAGE_MEMBERS_ENV } from '../../scripts/build/pagefind.ts';
import {
  entities,
  expectRecall,
  hitUrl,
  pageSearch,
  search,
  type Hit,
  type Shown,
} from '../support/search.ts';
import { loadDataDir } from '../../src/node/load.ts';
import { WEBSITE_FLAGS } from '../../src/lib/columns.ts';
import { entityUrl } from '../../src/lib/search-records.ts';
import { decodeSet, encodeSet, setName } from '../../src/lib/search-sets.ts';

const FIXTURE = 'test/fixtures/search';
/** Invented names that trap scattered matches (test/fixtures/search-match/README.md). */
const MATCH_FIXTURE = 'test/fixtures/search-match';

type Server = Awaited<ReturnType<typeof serve>>;

/** A page on the search page, collecting console errors. */
async function searchPage(
  browser: Browser,
  server: Server,
  errors: string[],
  query = '',
  before?: (page: Page) => Promise<void>,
) {
  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await before?.(page);
  await page.goto(`${server.url}search/${query}`);
  await page.waitForFunction(
    () => (document.getElementById('search-filters') as HTMLElement).hidden === false,
  );
  return page;
}

/** The last quarter of a result's quarter label: `2021年第一季度 至 2021年第三季度（3 期）` → `2021年第三季度`. */
const lastQuarter = (label: string) => label.split(' 至 ').at(-1)!.replace(/（.*$/, '');

let browser: Browser;
const errors: string[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Builds `dataDir`, serves it and opens its search page, for the tests of the enclosing describe. `perPage`:
 * records per Pagefind page, several as at national scale (a fixture this small otherwise gets a page per record).
 */
function searchSite(dataDir: string, perPage?: number) {
  const ctx = {} as { server: Server; page: Page; dist: string };
  beforeAll(async () => {
    const site = buildSite(dataDir, perPage ? { [PAGE_MEMBERS_ENV]: String(perPage) } : {});
    if (site.code !== 0) throw new Error(site.log);
    ctx.dist = site.out;
    ctx.server = await serve(site.out);
    ctx.page = await searchPage(browser, ctx.server, errors);
  });
  afterAll(async () => {
    await ctx.page?.close();
    await ctx.server?.close();
  });
  return ctx;
}

describe('search over the real 2020-Q3 (frozen copy, test/fixtures/seed)', () => {
  const ctx = searchSite(SEED_DATA);

  const first = async (q: string) => (await pageSearch(ctx.page, q)).hits[0];

  it('finds unit names, account names, problem texts, quarters and districts first', async () => {
    expect((await first('潮安'))?.title).toBe('潮安区人民政府公众网');
    expect((await first('平安潮州'))?.title).toMatch(/^平安潮州（/);
    expect((await first('潮州网警巡查执法'))?.title).toMatch(/^潮州网警巡查执法（/);
    expect((await first('潮州网警'))?.title).toBe('潮州网警（百度贴吧）');
    expect((await first('中国潮州政府网站'))?.title).toBe('中国潮州政府网站');
    expect((await first('2020年第三季度'))?.type).toBe('通报');
    const unit = (await pageSearch(ctx.page, '潮州市公安局')).hits.slice(0, 7);
    expect(unit.map((h) => h.title)).toEqual(
      expect.arrayContaining(['平安潮州（抖音）', '平安潮州（微信）']),
    );
    const problem = (await pageSearch(ctx.page, '文件解读不规范')).hits.slice(0, 2);
    expect(problem.map((h) => h.title).sort()).toEqual(
      ['湘桥区人民政府公众信息网', '潮安区人民政府公众网'].sort(),
    );
  });

  it('answers what a reader typed, on the real quarter (the queries of issue 14)', async () => {
    const p = ctx.page;
    // 首页不更新: no website of 2020-Q3 had it; the five with 栏目不更新 are not listed.
    const shouye = await pageSearch(p, '首页不更新');
    expect(shouye.hits.filter((h) => h.type !== '通报').map((h) => h.url)).toEqual([
      ...hadProblem(SEED_DATA, '首页不更新').keys(),
    ]);
    // Nothing at all: the status says no website had it, rather than only “nothing found”.
    expect(shouye.hits).toEqual([]);
    expect(shouye.status).toBe(
      '没有找到与“首页不更新”相关的结果：各季度的检查中，没有政府网站被查出“首页不更新”。',
    );
    expect((await pageSearch(p, '首页不更')).status).toBe('没有找到与“首页不更”相关的结果。');
    const lanmu = await pageSearch(p, '栏目不更新');
    expect(
      lanmu.hits
        .filter((h) => h.type !== '通报')
        .map((h) => h.url)
        .sort(),
    ).toEqual([...hadProblem(SEED_DATA, '栏目不更新').keys()].sort());
    // 潮安: the district's site and the bulletin's mention, none of the police (公安) accounts.
    const chaoan = await pageSearch(p, '潮安');
    expectContiguous(chaoan, '潮安');
    expect(chaoan.hits.map((h) => h.title)).toEqual(['潮安区人民政府公众网', expect.stringMatching(/通报$/)]);
    // 潮州: the bulletin and the websites named 潮州… first, then accounts named 潮州…, then names containing it.
    const chaozhou = await pageSearch(p, '潮州');
    expectContiguous(chaozhou, '潮州');
    expectCleanExcerpts(chaozhou);
    expect(chaozhou.hits.slice(0, 2).map((h) => h.title)).toEqual([
      expect.stringMatching(/^潮州市人民政府办公室关于2020年第三季度/),
      '潮州市公共资源交易网',
    ]);
    const portal = chaozhou.hits.findIndex((h) => h.title === '中国潮州政府网站');
    const accountContaining = chaozhou.hits.findIndex(
      (h) => h.type === '政务新媒体' && !h.title.startsWith('潮州'),
    );
    expect(
      chaozhou.hits.slice(0, portal).every((h) => h.title.startsWith('潮州') || h.type === '政府网站'),
    ).toBe(true);
    expect(portal).toBeLessThan(accountContaining);
    expect((await pageSearch(p, '2020年第三季度')).hits[0]?.url).toBe('/bulletins/2020-q3/');
    // Pinyin finds what the characters find; a one-character slip is offered the name.
    expect((await pageSearch(p, 'chaozhou')).hits.map((h) => h.url)).toEqual(chaozhou.hits.map((h) => h.url));
    const czs = await pageSearch(p, 'czs');
    expect(czs.hits.map((h) => h.url)).toEqual(
      expect.arrayContaining((await pageSearch(p, '潮州市')).hits.map((h) => h.url)),
    );
    expect((await pageSearch(p, '潮州市卫生建康局')).suggestions[0]).toBe('潮州市卫生健康局');
    // A platform in pinyin, as the help under the box offers (“weixin”或“wx”查“微信”).
    const weixin = (await pageSearch(p, '微信')).hits.map((h) => h.url);
    expect(weixin.length).toBeGreaterThan(10);
    for (const query of ['weixin', 'wx']) {
      const found = await pageSearch(p, query);
      expect(found.hits.map((h) => h.url)).toEqual(expect.arrayContaining(weixin));
      expect(found.status).toContain('（按拼音：');
      expect(found.status).toContain('微信');
    }
  });

  it('answers a one-character query with every record that has the character', async () => {
    const hits = await search(ctx.page, '潮');
    const expected = entities(SEED_DATA).filter((e) => e.names.some((n) => n.includes('潮')));
    for (const e of expected) expect(hits.map((h) => h.url)).toContain(`/${e.path}`);
  });

  it("links each hit to the bulletin or to the account's own page, and labels it with quarter and type", async () => {
    const [shown] = (await pageSearch(ctx.page, '凤城交警')).hits;
    const hit = shown && { url: shown.url, title: shown.title, quarter: shown.quarter, type: shown.type };
    expect(hit).toEqual({
      url: hitUrl(SEED_DATA, '凤城交警（微信）'),
      title: '凤城交警（微信）',
      quarter: '2020年第三季度',
      type: '政务新媒体',
    });
    const [bulletin] = (await pageSearch(ctx.page, '2020年第三季度')).hits;
    expect(bulletin?.url).toBe('/bulletins/2020-q3/');
  });

  it('opens /search/?q=潮安 with the query run, the match highlighted and a working link', async () => {
    const p = await searchPage(browser, ctx.server, errors, `?q=${encodeURIComponent('潮安')}`);
    await p.waitForSelector('.search-result');
    expect(await p.inputValue('#search-q')).toBe('潮安');
    const firstResult = p.locator('.search-result').first();
    expect(await firstResult.locator('.result-title').textContent()).toBe('潮安区人民政府公众网');
    expect(await firstResult.locator('.result-quarter').textContent()).toBe('2020年第三季度');
    expect(await firstResult.locator('.result-type').textContent()).toBe('政府网站');
    expect(await firstResult.locator('.result-excerpt mark').allTextContents()).toEqual(['潮安']);
    expect(await p.locator('#search-status').textContent()).toMatch(/^找到 \d+ 条与“潮安”相关的结果。$/);
    await firstResult.locator('a').click();
    await p.waitForURL((url) => url.pathname === hitUrl(SEED_DATA, '潮安区人民政府公众网'));
    expect(await p.locator('h1').textContent()).toContain('潮安区人民政府公众网');
    expect(await p.locator('#q-2020-q3 th').textContent()).toBe('2020年第三季度');
    await p.close();
  });

  it('works from the keyboard: / focuses the header box, Enter searches, arrows move, Enter opens', async () => {
    const p = await browser.newPage();
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${ctx.server.url}bulletins/2020-q3/`);
    await p.keyboard.press('/');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('site-search-q');
    await p.keyboard.type('平安潮州');
    await p.keyboard.press('Enter');
    await p.waitForURL(/\/search\/\?q=/);
    await p.waitForSelector('.search-result');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('search-q');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('ArrowDown');
    const focused = await p.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    expect(focused).toBe(
      await p
        .locator('.result-link')
        .nth(1)
        .evaluate((a) => (a as HTMLAnchorElement).href),
    );
    await p.keyboard.press('ArrowUp');
    await p.keyboard.press('ArrowUp');
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('search-q');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('Enter');
    await p.waitForURL(/\/accounts\/[a-z0-9-]+\/$/);
    await p.close();
  });

  it('has the header search box on every page but the search page, which has its own', async () => {
    const p = await browser.newPage();
    for (const path of ['', 'bulletins/', 'bulletins/2020-q3/']) {
      await p.goto(`${ctx.server.url}${path}`);
      expect(await p.locator('header form[role="search"] input[name="q"]').count()).toBe(1);
    }
    await p.goto(`${ctx.server.url}search/`);
    expect(await p.locator('header form[role="search"]').count()).toBe(0);
    expect(await p.locator('main form[role="search"] input[name="q"]').count()).toBe(1);
    await p.close();
  });

  it('says in Chinese what to do when JavaScript is off, and the header box still leads there', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const p = await context.newPage();
    await p.goto(`${ctx.server.url}bulletins/`);
    await p.fill('#site-search-q', '潮安');
    await p.press('#site-search-q', 'Enter');
    await p.waitForURL(/\/search\/\?q=%E6%BD%AE%E5%AE%89/);
    expect(await p.locator('.search-noscript').textContent()).toContain('搜索需要浏览器启用 JavaScript');
    await p.locator('.search-noscript a').click();
    await p.waitForURL(/\/bulletins\/$/);
    await context.close();
  });

  it('finds every website and account of the real quarter as a top result (recall)', async () => {
    await expectRecall(ctx.page, entities(SEED_DATA));
  });

  it('costs little: index size and bytes per query', async () => {
    const size = indexBytes(ctx.dist);
    const cost = await queryBytes(browser, ctx.server.url, '平安潮州');
    console.log(
      `search cost, real 2020-Q3: bundle ${size.total} B (index ${size.index} B); query 平安潮州 loads ${cost.load} B + ${cost.query} B in ${cost.requests} requests`,
    );
    expect(cost.query).toBeGreaterThan(0);
    expect(cost.load + cost.query).toBeLessThan(300_000);
    // The filter lists are in the page; a query without filters downloads no filter file.
    expect(cost.filterFiles).toBe(0);
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});

describe('search over three invented quarters (filters, sorting, shareable links)', () => {
  const ctx = searchSite(FIXTURE, 3);

  it('finds a website or account once, labelled with every quarter it was inspected in', async () => {
    const hits = await search(ctx.page, '虚构平安乙县');
    expect(hits.map((h) => h.title).sort()).toEqual(['虚构平安乙县（今日头条）', '虚构平安乙县（微信）']);
    expect(hits.find((h) => h.title === '虚构平安乙县（今日头条）')?.quarter).toBe(
      '2021年第一季度 至 2021年第三季度（3 期）',
    );
    expect(hits.find((h) => h.title === '虚构平安乙县（微信）')?.quarter).toBe('2021年第二季度');
    expect((await pageSearch(ctx.page, '2021年第二季度')).hits[0]?.url).toBe('/bulletins/2021-q2/');
  });

  it('narrows by each filter, alone and together; quarter and result together mean that result in that quarter', async () => {
    const urls = (hits: Hit[]) => hits.map((h) => h.url).sort();
    const q1 = await search(ctx.page, '虚构平安乙县', { filters: { 季度: '2021年第一季度' } });
    expect(urls(q1)).toEqual([hitUrl(FIXTURE, '虚构平安乙县（今日头条）')]);
    const failed = await search(ctx.page, '虚构平安乙县', { filters: { 结果: '不合格' } });
    expect(urls(failed)).toEqual([hitUrl(FIXTURE, '虚构平安乙县（今日头条）')]);
    // 今日头条 failed in Q2 only: failed-in-Q1 must not find it, although it was inspected in Q1 and failed once.
    expect(
      await search(ctx.page, '虚构平安乙县', { filters: { 季度结果: '2021年第一季度：不合格' } }),
    ).toEqual([]);
    const failedQ2 = await search(ctx.page, null, { filters: { 季度结果: '2021年第二季度：不合格' } });
    expect(urls(failedQ2)).toEqual(
      [hitUrl(FIXTURE, '虚构平安乙县（今日头条）'), hitUrl(FIXTURE, '虚构乙县人民政府网站')].sort(),
    );
    const weibo = await search(ctx.page, null, { filters: { 账号类型: '新浪微博' } });
    expect(urls(weibo)).toEqual([hitUrl(FIXTURE, '虚构甲区发布（新浪微博）')]);
    const jiaqu = await search(ctx.page, null, { filters: { 所属地区: '甲区' } });
    expect(jiaqu.map((h) => h.title).sort()).toEqual(['虚构甲区人民政府网站', '虚构甲区发布（新浪微博）']);
    const bulletins = await search(ctx.page, null, { filters: { 类型: '通报' }, sort: { quarter: 'desc' } });
    expect(bulletins.map((h) => h.url)).toEqual([
      '/bulletins/2021-q3/',
      '/bulletins/2021-q2/',
      '/bulletins/2021-q1/',
    ]);
    const sites = await search(ctx.page, null, { filters: { 类型: '政府网站', 结果: '不合格' } });
    expect(urls(sites)).toEqual([hitUrl(FIXTURE, '虚构乙县人民政府网站')]);
  });

  it('offers the filters with the number of bulletins, websites and accounts having each value', async () => {
    const offered = await ctx.page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLSelectElement>('select[data-filter]')].map((s) => [
          s.dataset.filter!,
          Object.fromEntries(
            [...s.options]
              .filter((o) => o.value)
              .map((o) => [o.value, Number(/（(\d+)）$/.exec(o.text)![1])]),
          ),
        ]),
      ),
    );
    // Counted from the members of every page Pagefind holds, not from the numbers written into the page.
    const reported = (await ctx.page.evaluate(`(async () => {
      const pagefind = await import(document.getElementById('search-form').dataset.bundle);
      await pagefind.init();
      const found = await pagefind.search(null);
      const pages = await Promise.all(found.results.map((r) => r.data()));
      const counts = {};
      for (const d of pages) {
        const { m, ...own } = d.filters;
        for (const member of JSON.parse(m[0]))
          for (const [name, values] of Object.entries(member.filters ?? own))
            for (const value of values) (counts[name] ??= {})[value] = (counts[name][value] ?? 0) + 1;
      }
      return counts;
    })()`)) as Record<string, Record<string, number>>;
    const { 季度结果: hidden, ...visible } = reported;
    expect(Object.values(visible['类型']!).reduce((a, b) => a + b)).toBe(entities(FIXTURE).length + 3);
    expect(offered).toEqual(visible);
    // 季度 and 结果 chosen together become 季度结果: the page knows those counts too.
    expect(
      JSON.parse((await ctx.page.getAttribute('#search-form', 'data-hidden-counts'))!) as unknown,
    ).toEqual({ 季度结果: hidden });
    expect(Object.keys(offered['季度']!)).toEqual(['2021年第三季度', '2021年第二季度', '2021年第一季度']);
  });

  it('keeps filters in a shareable URL and restores them from it', async () => {
    const q = (quarter: string) =>
      `?q=${encodeURIComponent('虚构平安乙县')}&${encodeURIComponent('季度')}=${encodeURIComponent(quarter)}&${encodeURIComponent('结果')}=${encodeURIComponent('不合格')}`;
    const p = await searchPage(browser, ctx.server, errors, q('2021年第二季度'));
    await p.waitForSelector('.search-result');
    expect(await p.locator('select[data-filter="结果"]').inputValue()).toBe('不合格');
    expect(await p.locator('select[data-filter="季度"]').inputValue()).toBe('2021年第二季度');
    expect(await p.locator('.search-result .result-title').allTextContents()).toEqual([
      '虚构平安乙县（今日头条）',
    ]);
    await p.selectOption('select[data-filter="季度"]', '2021年第一季度');
    await p.waitForFunction(() =>
      /^没有找到/.test(document.getElementById('search-status')!.textContent ?? ''),
    );
    expect(decodeURIComponent(new URL(p.url()).search)).toBe(
      '?q=虚构平安乙县&季度=2021年第一季度&结果=不合格',
    );
    await p.selectOption('select[data-filter="结果"]', '');
    await p.waitForFunction(() => document.querySelectorAll('.search-result').length === 1);
    await p.selectOption('select[data-filter="季度"]', '');
    await p.waitForFunction(() => document.querySelectorAll('.search-result').length === 2);
    await p.fill('#search-q', '虚构教育');
    await p.waitForFunction(() => decodeURIComponent(location.search) === '?q=虚构教育');
    await p.selectOption('#search-sort', 'newest');
    expect(decodeURIComponent(new URL(p.url()).search)).toBe('?q=虚构教育&sort=newest');
    await p.waitForSelector('#search-results[aria-busy="false"]');
    const quarters = (await p.locator('.result-quarter').allTextContents()).map(lastQuarter);
    expect(quarters.length).toBeGreaterThan(1);
    const order = ['2021年第三季度', '2021年第二季度', '2021年第一季度'];
    expect(quarters).toEqual([...quarters].sort((x, y) => order.indexOf(x) - order.indexOf(y)));
    expect([quarters[0], quarters.at(-1)]).toEqual(['2021年第三季度', '2021年第一季度']);
    await p.close();
  });

  it('counts two or three filters chosen without a query from their sets, not by reading every page', async () => {
    const link = (filters: Record<string, string>) =>
      `?${Object.entries(filters)
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join('&')}`;
    const status = async (p: Page) =>
      String(
        await (
          await p.waitForFunction(() => {
            const text = document.getElementById('search-status')?.textContent ?? '';
            return /^(找到|没有找到)/.test(text) && text;
          })
        ).jsonValue(),
      );
    /** Every set file the page asked for, with the status the server answered. */
    const sets = (answered: Map<string, number>) => async (page: Page) => {
      page.on('response', (r) => {
        const path = new URL(r.url()).pathname;
        if (path.startsWith('/search/sets/')) answered.set(path, r.status());
      });
    };
    const two = { 类型: '政府网站', 结果: '不合格' };
    const answered = new Map<string, number>();
    const p = await searchPage(browser, ctx.server, errors, link(two), sets(answered));
    expect(await status(p)).toBe('找到 1 条与所选条件相关的结果。');
    expect(await p.locator('.search-result .result-title').allTextContents()).toEqual([
      '虚构乙县人民政府网站',
    ]);
    // Each value's set, from the folder of this build's sets the page names, found (src/lib/search-sets.ts).
    const folder = (await p.locator('#search-form').getAttribute('data-sets'))!;
    expect(folder).toMatch(/^\/search\/sets\/[0-9a-z]+\/$/);
    expect(existsSync(join(ctx.dist, folder))).toBe(true);
    const setPath = (filter: string, value: string) => `${folder}${setName(filter, value)}.bin`;
    // (On a site this small the page also reads every other set, to count each option: see the next test.)
    expect(Object.fromEntries(answered)).toMatchObject(
      Object.fromEntries(Object.entries(two).map(([f, v]) => [setPath(f, v), 200])),
    );
    await p.close();
    // Values no record has together, though Pagefind lists pages holding each (members of a page differ): nothing
    // listed, and no page read to find that out; without the sets, the pages are read to learn it.
    const none = link({ 类型: '政务新媒体', 结果: '不合格', 所属地区: '市直' });
    const fragments = (list: string[]) => async (page: Page) => {
      page.on('request', (r) => r.url().includes('/fragment/') && list.push(r.url()));
    };
    const read: string[] = [];
    const n = await searchPage(browser, ctx.server, errors, none, fragments(read));
    expect(await status(n)).toMatch(/^没有找到/);
    expect(await n.locator('.search-result').count()).toBe(0);
    expect(read).toEqual([]);
    await n.close();
    const readBlind: string[] = [];
    // The browser logs each refused download as an error: expected here, so kept apart from `errors`.
    const refused: string[] = [];
    const blind = await searchPage(browser, ctx.server, refused, none, async (page) => {
      await fragments(readBlind)(page);
      await page.route('**/search/sets/**', (route) => route.fulfill({ status: 404, body: '' }));
    });
    expect(await status(blind)).toMatch(/^没有找到/);
    expect(readBlind.length).toBeGreaterThan(0);
    await blind.close();

    // Three filters: the count from their sets, the same as listing every result.
    const three = { 季度: '2021年第二季度', 类型: '政务新媒体', 所属地区: '乙县' };
    const listed = async (q: Page) => {
      for (let i = 0; i < 10 && (await q.locator('#search-more').isVisible()); i++)
        await q.click('#search-more');
      return q.locator('.search-result .result-title').allTextContents();
    };
    answered.clear();
    const q = await searchPage(browser, ctx.server, errors, link(three), sets(answered));
    const counted = await status(q);
    const titles = await listed(q);
    expect(titles.length).toBeGreaterThan(1);
    expect(counted).toBe(`找到 ${titles.length} 条与所选条件相关的结果。`);
    expect([...answered.keys()]).toEqual(
      expect.arrayContaining(Object.entries(three).map(([f, v]) => setPath(f, v))),
    );
    expect([...answered.values()].every((code) => code === 200)).toBe(true);
    await q.close();

    // The count is the sets': sets that say no record has the values make the page say so, reading no page.
    const size = decodeSet(new Uint8Array(readFileSync(join(ctx.dist, setPath('类型', '政务新媒体')))))!.size;
    const claim = (members: number[], list: string[]) => async (page: Page) => {
      await fragments(list)(page);
      const body = Buffer.from(encodeSet(members, size));
      await page.route('**/search/sets/**', (route) => route.fulfill({ body }));
    };
    const readClaimedNone: string[] = [];
    const claimedNone = await searchPage(
      browser,
      ctx.server,
      errors,
      link(three),
      claim([], readClaimedNone),
    );
    expect(await status(claimedNone)).toMatch(/^没有找到/);
    expect(readClaimedNone).toEqual([]);
    await claimedNone.close();
    // Sets that claim more than the pages hold (they cannot, from one build): once every page is read, the page
    // says what it found, and offers no “more” that finds nothing.
    const all = Array.from({ length: size }, (_, i) => i);
    const claimedAll = await searchPage(browser, ctx.server, errors, link(three), claim(all, []));
    expect(await status(claimedAll)).toBe(counted);
    expect(await listed(claimedAll)).toEqual(titles);
    expect(await claimedAll.locator('#search-more').isVisible()).toBe(false);
    await claimedAll.close();

    // A set that cannot be had (a host's error): the page reads every page to count, and lists the same.
    const missing = await searchPage(browser, ctx.server, refused, link(three), async (page) => {
      await page.route(`**${setPath('所属地区', '乙县')}`, (route) =>
        route.fulfill({ status: 404, body: '' }),
      );
    });
    expect(await status(missing)).toBe(counted);
    expect(await listed(missing)).toEqual(titles);
    await missing.close();
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((e) => /404/.test(e))).toBe(true);

    // What the bench measures (scripts/bench/search-cost.ts): the newest quarter, 政务新媒体, the commonest platform.
    const browse = await browseBytes(browser, ctx.server.url);
    expect(browse?.filters).toMatch(/^季度=2021年第三季度、类型=政务新媒体、账号类型=\S+$/);
    expect(browse?.status).toMatch(/^找到 \d+ 条/);
    expect(browse!.wire).toBeGreaterThan(0);
  });

  it('counts each option against the filters already chosen, greying out what they rule out (a small site)', async () => {
    const p = await searchPage(
      browser,
      ctx.server,
      errors,
      `?${new URLSearchParams({ 季度: '2021年第二季度' })}`,
    );
    expect(await p.locator('#search-form').getAttribute('data-live-counts')).toBe('');
    const option = (filter: string, value: string) =>
      p.locator(`select[data-filter="${filter}"] option[value="${value}"]`);
    // One bulletin of that quarter, of three in all.
    expect(await option('类型', '通报').getAttribute('data-count')).toBe('3');
    await expect.poll(() => option('类型', '通报').textContent()).toBe('通报（1）');
    // Each district's count is what choosing it lists.
    const districts = await p
      .locator('select[data-filter="所属地区"] option:not([value=""])')
      .evaluateAll((os) =>
        os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })),
      );
    expect(districts.length).toBeGreaterThan(2);
    for (const { value, text } of districts) {
      const n = Number(/（(\d+)）$/.exec(text)?.[1]);
      await p.selectOption('select[data-filter="所属地区"]', value);
      await p.waitForFunction(
        (want) => (document.getElementById('search-status')?.textContent ?? '').startsWith(want),
        n === 0 ? '没有找到' : `找到 ${n} 条`,
      );
    }
    // A result no one had in a quarter has no set file (2020年第三季度：不合格 of the real data): the page's counts say
    // so, and the option shows 0, greyed out, and choosing it reads no page. Every quarter here had both results, so
    // the page is served with one of them taken out of its counts (the set file stays: the count must not come from it).
    const quarter = '2021年第一季度';
    const q = await searchPage(
      browser,
      ctx.server,
      errors,
      `?${new URLSearchParams({ 季度: quarter })}`,
      async (page) => {
        await page.route('**/search/?*', async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace(`&quot;${quarter}：不合格&quot;:`, '&quot;-&quot;:');
          await route.fulfill({ response, body });
        });
      },
    );
    const qOption = (filter: string, value: string) =>
      q.locator(`select[data-filter="${filter}"] option[value="${value}"]`);
    await expect.poll(() => qOption('结果', '不合格').textContent()).toBe('不合格（0）');
    expect(await qOption('结果', '不合格').isDisabled()).toBe(true);
    // The quarter's own results listed first (reading pages), so that only what follows is counted.
    await q.waitForFunction(() => /^找到/.test(document.getElementById('search-status')?.textContent ?? ''));
    await q.waitForSelector('#search-results[aria-busy="false"]');
    const fragments: string[] = [];
    q.on('request', (r) => r.url().includes('/fragment/') && fragments.push(r.url()));
    await q.locator('select[data-filter="结果"]').evaluate((select: HTMLSelectElement) => {
      select.value = '不合格'; // as a shared link would set it; the option itself is greyed out
      select.dispatchEvent(new Event('change'));
    });
    await q.waitForFunction(() =>
      /^没有找到/.test(document.getElementById('search-status')?.textContent ?? ''),
    );
    expect(fragments).toEqual([]);
    await q.close();
    await p.selectOption('select[data-filter="季度"]', '2021年第二季度');
    // 通报 have no 结果: with 类型 = 通报 chosen, no result can be, and both are greyed out.
    await p.selectOption('select[data-filter="所属地区"]', '');
    await p.selectOption('select[data-filter="类型"]', '通报');
    await expect.poll(() => option('结果', '不合格').isDisabled()).toBe(true);
    expect(await option('结果', '合格').textContent()).toBe('合格（0）');
    // Cleared: the counts in the page again.
    await p.selectOption('select[data-filter="类型"]', '');
    await p.selectOption('select[data-filter="季度"]', '');
    await expect.poll(() => option('类型', '通报').textContent()).toBe('通报（3）');
    expect(await option('结果', '不合格').isDisabled()).toBe(false);
    await p.close();
  });

  it('folds the filters into “筛选与排序” on a phone, unless a shared link set one; open on a desktop', async () => {
    const open = async (width: number, query = '') => {
      const p = await browser.newPage({ viewport: { width, height: 844 } });
      p.on('pageerror', (e) => errors.push(e.message));
      await p.goto(`${ctx.server.url}search/${query}`);
      await p.waitForFunction(
        () => (document.getElementById('search-filters') as HTMLElement).hidden === false,
      );
      const state = () =>
        p.evaluate(() => {
          const box = document.getElementById('search-filters') as HTMLDetailsElement;
          return { open: box.open, summary: box.querySelector('summary')!.textContent };
        });
      return { p, state };
    };
    // A phone: closed, so that the first screen shows results rather than six drop-downs.
    const phone = await open(390, `?q=${encodeURIComponent('虚构')}`);
    expect(await phone.state()).toEqual({ open: false, summary: '筛选与排序' });
    await phone.p.waitForSelector('.search-result');
    expect(
      await phone.p
        .locator('.search-result')
        .first()
        .evaluate((e) => e.getBoundingClientRect().top),
    ).toBeLessThan(844);
    await phone.p.locator('#search-filters summary').click();
    await phone.p.selectOption('select[data-filter="结果"]', '不合格');
    expect(await phone.state()).toEqual({ open: true, summary: '筛选与排序（已选 1 项）' });
    await phone.p.close();
    // A shared link with a filter: open, so that the reader sees what narrows the results.
    const shared = await open(
      390,
      `?${encodeURIComponent('结果')}=${encodeURIComponent('不合格')}&sort=newest`,
    );
    expect(await shared.state()).toEqual({ open: true, summary: '筛选与排序（已选 2 项）' });
    expect(await shared.p.locator('select[data-filter="结果"]').inputValue()).toBe('不合格');
    await shared.p.close();
    const desktop = await open(1280);
    expect(await desktop.state()).toEqual({ open: true, summary: '筛选与排序' });
    await desktop.p.close();
  });

  it('shows names as text, never as HTML', async () => {
    const p = await searchPage(browser, ctx.server, errors, `?q=${encodeURIComponent('测试号')}`);
    await p.waitForSelector('.search-result');
    expect(await p.locator('.search-result .result-title').first().textContent()).toBe(
      '虚构<b>标签</b>测试号（微信）',
    );
    expect(await p.locator('.search-results b').count()).toBe(0);
    await p.close();
  });

  it('finds every website and account of every invented quarter as a top result (recall)', async () => {
    await expectRecall(ctx.page, entities(FIXTURE));
  });

  it('costs little: index size and bytes per query', async () => {
    const size = indexBytes(ctx.dist);
    const cost = await queryBytes(browser, ctx.server.url, '虚构平安乙县');
    console.log(
      `search cost, fixture: bundle ${size.total} B (index ${size.index} B); query 虚构平安乙县 loads ${cost.load} B + ${cost.query} B in ${cost.requests} requests`,
    );
    expect(cost.query).toBeGreaterThan(0);
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});

/** Folded as the search page folds (full width, case). */
const folded = (s: string) => s.normalize('NFKC').toLowerCase();

/**
 * The websites and accounts that had a problem whose wording holds `text` (a 单项否决 flag set to 是, an item of
 * 其他问题 or 问题描述, or 不合格), each with the quarters it had it in: read from the annex rows, not from the index.
 */
function hadProblem(dataDir: string, text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (url: string, quarter: string) => found.set(url, [...(found.get(url) ?? []), quarter]);
  const quarters = loadDataDir(dataDir)
    .quarters.filter((q) => q.published)
    .sort((a, b) => a.id.localeCompare(b.id));
  for (const q of quarters) {
    for (const r of q.tables.websites?.records ?? []) {
      const labels = [...WEBSITE_FLAGS.filter((f) => r[f.key]).map((f) => f.name), ...r.problems];
      if (labels.some((l) => l.includes(text))) add(entityUrl({ kind: 'website', key: r.key }), q.label);
    }
    for (const r of q.tables.newMedia?.records ?? []) {
      const labels = [...(r.result === '不合格' ? ['不合格'] : []), ...r.problems];
      if (labels.some((l) => l.includes(text))) add(entityUrl({ kind: 'account', key: r.key }), q.label);
    }
  }
  return found;
}

/** Every result holds the query as typed (title, excerpt or problems line), and only the whole query is highlighted. */
function expectContiguous(shown: Shown, query: string, also: string[] = []): void {
  const wanted = [query, ...also].map(folded);
  for (const h of shown.hits) {
    expect(
      wanted.some((w) => folded(h.title + h.excerpt + h.problems).includes(w)),
      `${query} → ${h.title}：${h.excerpt}`,
    ).toBe(true);
    for (const m of h.marks) expect(wanted, `${query} → ${h.title} 高亮“${m}”`).toContain(folded(m));
  }
}

/** Excerpts are whole phrases with Chinese punctuation: no stray leading mark, no ASCII full stop, no cut after a comma. */
function expectCleanExcerpts(shown: Shown): void {
  for (const { title, excerpt } of shown.hits) {
    expect(excerpt, title).not.toMatch(/^[。，、；：.,;:]/);
    expect(excerpt, title).not.toMatch(/(?<!\d)\.|\.(?!\d)/); // a decimal point (12.5) is not a full stop
    expect(excerpt, title).not.toMatch(/[，、；,;]$|[，、；,;]…/);
  }
}

describe('search matches what was typed: the query set (test/fixtures/search-match)', () => {
  const ctx = searchSite(MATCH_FIXTURE, 3);
  const all = entities(MATCH_FIXTURE);
  const urls = (shown: Shown) => shown.hits.map((h) => h.url);
  const QUERIES = [
    '某安',
    '某安区',
    '公安',
    '某安区卫生健康局',
    '首页不更新',
    '栏目不更新',
    '网页标签不规范',
    '超过两周未更新',
    '互动回应差',
    '不合格',
    '日常维护',
    '卫生健康',
  ];

  it('lists only results that hold the query as a contiguous string, highlighting only the whole query', async () => {
    for (const q of QUERIES) {
      const shown = await pageSearch(ctx.page, q);
      expect(shown.hits.length, q).toBeGreaterThan(0);
      expectContiguous(shown, q);
      expectCleanExcerpts(shown);
    }
    // The traps: 某区公安分局 has 某 and 安, not 某安; 栏目不更新 has 不更新, not 首页不更新.
    const moan = (await pageSearch(ctx.page, '某安')).hits.map((h) => h.title);
    expect(moan).not.toContain('平安某区（微信）');
    expect(moan).not.toContain('某区公安分局网站');
    expect((await pageSearch(ctx.page, '首页不更新')).hits.map((h) => h.title)).not.toContain(
      '某区公安分局网站',
    );
  });

  it('ranks exact names, then names starting with the query, then containing it, then the rest; bulletins first for a period', async () => {
    const exact = await pageSearch(ctx.page, '某安区卫生健康局');
    expect(exact.hits.map((h) => h.title)).toEqual(['某安区卫生健康局（微信）', '某安区卫生健康局网站']);
    for (const q of ['某安', '某安区', '公安', '卫生健康']) {
      const tier = (url: string) => {
        const e = all.find((x) => `/${x.path}` === url);
        const names = e ? [...e.names, e.title] : [];
        return names.includes(q)
          ? 0
          : names.some((n) => n.startsWith(q))
            ? 1
            : names.some((n) => n.includes(q))
              ? 2
              : 3;
      };
      const tiers = urls(await pageSearch(ctx.page, q)).map(tier);
      expect(tiers, q).toEqual([...tiers].sort());
    }
    const moan = (await pageSearch(ctx.page, '某安')).hits;
    expect(moan.findIndex((h) => h.title === '中国某安政府网站')).toBeGreaterThan(
      moan.findIndex((h) => h.title === '某安发布（抖音）'),
    );
    expect(moan.findIndex((h) => h.title === '教育之窗（微信）')).toBeGreaterThan(
      moan.findIndex((h) => h.title === '中国某安政府网站'),
    );
    expect(moan.at(-1)?.type).toBe('通报');
    expect(urls(await pageSearch(ctx.page, '2021年第四季度'))[0]).toBe('/bulletins/2021-q4/');
    expect(urls(await pageSearch(ctx.page, '2021年第三季度'))[0]).toBe('/bulletins/2021-q3/');
  });

  it('finds for a problem exactly the websites and accounts that had it, with the quarters', async () => {
    const problems = [
      ...WEBSITE_FLAGS.map((f) => f.name),
      '网页标签不规范',
      '文件解读不规范',
      '超过两周未更新',
      '互动回应差',
    ];
    for (const problem of problems) {
      const expected = hadProblem(MATCH_FIXTURE, problem);
      const shown = await pageSearch(ctx.page, problem);
      const entitiesShown = shown.hits.filter((h) => h.type !== '通报');
      expect(entitiesShown.map((h) => h.url).sort(), problem).toEqual([...expected.keys()].sort());
      for (const h of entitiesShown)
        expect(h.problems, `${problem} → ${h.title}`).toContain(
          `${problem}（${expected.get(h.url)!.join('、')}）`,
        );
    }
    // The flag of two sites, in different quarters; never the site with only 栏目不更新.
    expect(hadProblem(MATCH_FIXTURE, '首页不更新').size).toBe(2);
  });

  it('finds by pinyin, full or initials, what the characters find', async () => {
    const full = await pageSearch(ctx.page, 'mouan');
    expect(urls(full)).toEqual(urls(await pageSearch(ctx.page, '某安')));
    expect(full.status).toContain('按拼音：某安');
    expectContiguous(full, 'mouan', ['某安']);
    const initials = await pageSearch(ctx.page, 'maq');
    expect(urls(initials)).toEqual(urls(await pageSearch(ctx.page, '某安区')));
    expect(urls(await pageSearch(ctx.page, 'MouAnQu'))).toEqual(urls(initials));
  });

  it('suggests the nearest names for a one-character slip, and offers the filters', async () => {
    const slip = await pageSearch(ctx.page, '某安区卫生建康局');
    expect(slip.hits).toEqual([]);
    expect(slip.status).toBe('没有找到与“某安区卫生建康局”相关的结果。');
    expect(slip.suggestions[0]).toBe('某安区卫生健康局');
    expect(await ctx.page.locator('#search-suggest button').textContent()).toContain('筛选');
    await ctx.page.locator('#search-suggest a').first().click();
    await ctx.page.waitForFunction(() =>
      /^找到/.test(document.getElementById('search-status')!.textContent ?? ''),
    );
    expect(await ctx.page.locator('.result-title').first().textContent()).toBe('某安区卫生健康局（微信）');
    expect(decodeURIComponent(new URL(ctx.page.url()).search)).toBe('?q=某安区卫生健康局');
  });

  it('finds every website and account by each of its names among the top results (recall)', async () => {
    await expectRecall(ctx.page, all);
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});

describe('search on a site deployed under a sub-path (BASE_PATH)', () => {
  it('loads the index from the sub-path and links results inside it', async () => {
    const site = buildSite(SEED_DATA, { BASE_PATH: '/sub/' });
    expect(site.code, site.log).toBe(0);
    const server = await serve(site.out, '/sub/');
    try {
      const p = await browser.newPage();
      p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      p.on('pageerror', (e) => errors.push(e.message));
      p.on('response', (r) => r.status() >= 400 && errors.push(r.url()));
      await p.goto(`${server.url}search/?q=${encodeURIComponent('潮安')}`);
      await p.waitForSelector('.search-result', { timeout: 10_000 }).catch(async (e) => {
        throw new Error(`${e}\n${await p.locator('#search-status').textContent()}\n${errors.join('\n')}`);
      });
      expect(errors).toEqual([]);
      expect(await p.locator('.result-link').first().getAttribute('href')).toBe(
        `/sub${hitUrl(SEED_DATA, '潮安区人民政府公众网')}`,
      );
      // Filters alone: their sets from the sub-path too (any response ≥ 400 is an error above).
      const sets: string[] = [];
      p.on('response', (r) => r.url().includes('/search/sets/') && sets.push(new URL(r.url()).pathname));
      await p.goto(`${server.url}search/?${new URLSearchParams({ 类型: '政务新媒体', 账号类型: '微信' })}`);
      await p.waitForFunction(() =>
        /^找到 \d+ 条/.test(document.getElementById('search-status')?.textContent ?? ''),
      );
      expect(sets.length).toBeGreaterThanOrEqual(2);
      expect(sets.every((path) => path.startsWith('/sub/search/sets/'))).toBe(true);
      expect(errors).toEqual([]);
      await p.close();
    } finally {
      await server.close();
    }
  });
});
