/**
 * What the suite checks about a data folder itself (data/, or a copy of it with more quarters). Every expectation is
 * derived from the folder with the project's own loader, never written down, so the checks hold for any valid
 * contents: adding or correcting a quarter keeps them green, and only a real fault turns them red.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHistory } from '../../src/lib/history.ts';
import { loadDataDir } from '../../src/node/load.ts';
import { type Quarter } from '../../src/lib/load.ts';
import { ANNEX_PAGE_SIZE, pageCount } from '../../src/lib/paginate.ts';
import { annexId, paths, quarterAnchor } from '../../src/lib/routes.ts';
import { cellValue, fileStem, TABLE_KINDS, TABLES, type RowFacts, type Table } from '../../src/lib/tables.ts';
import { launch, serve } from '../../scripts/bench/browser.ts';
import { buildSite } from './build.ts';
import { brokenLinks, htmlPages, samplePages } from './dist.ts';
import { axeAtBothWidths, htmlProblems } from './gates.ts';
import { entities, expectRecall } from './search.ts';

const decode = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
/** Visible text of an HTML fragment: tags dropped, entities decoded, whitespace folded. */
const text = (html: string) => decode(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
/** Folds whitespace, as `text` does, so a value compares with the page's text. */
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Each annex table of the registry: where its rows appear, and a quarter's rows (undefined when it has no such table). */
const ANNEXES = TABLE_KINDS.map((kind) => {
  const def = TABLES[kind];
  const rows = (q: Quarter) => {
    const table: Table<RowFacts & { seq: number }> | undefined = q.tables[kind];
    return table?.records.map((r) => ({ seq: r.seq, name: String(cellValue(r, { key: def.nameColumn })) }));
  };
  return {
    kind,
    annex: def.annex,
    id: annexId(def),
    file: fileStem(def),
    row: def.rowAnchor.replace(/-$/, ''),
    rows,
  };
});

export interface DataCheckOptions {
  /** Also open the pages in Chromium: console errors, sideways scroll, axe, search recall (slow). */
  browser?: boolean;
  /** Names the folder in the test names (default: its path). */
  label?: string;
}

/** Registers the data checks of `dir` (a describe block): validation, build, every quarter and row on the site, quality gates. */
export function dataChecks(dir: string, options: DataCheckOptions = {}): void {
  const loaded = loadDataDir(dir);
  const published = loaded.quarters.filter((q) => q.published);
  const history = buildHistory(loaded.quarters);

  describe(`the data in ${options.label ?? dir}`, () => {
    let out: string;
    let code: number | null;
    let log: string;
    beforeAll(() => {
      ({ out, code, log } = buildSite(dir));
    });
    /** The HTML of a page by its URL path (`/bulletins/2020-q3/`, '' for home). */
    const page = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');

    it('validates: npm run validate exits 0 and lists no error; at least one quarter is published', () => {
      const r = spawnSync(process.execPath, ['scripts/validate.ts', dir], {
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: '' },
      });
      const report = r.stdout + r.stderr;
      expect(report).not.toContain('错误：');
      expect(r.status, report).toBe(0);
      expect(report).toContain('校验通过');
      expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
      // Otherwise the checks below would check nothing.
      expect(published.length, `${dir} has no published quarter`).toBeGreaterThan(0);
    });

    it('builds', () => {
      expect(code, log).toBe(0);
    });

    it('publishes every published quarter: its bulletin with title, issuer and every row of both annexes; drafts are not published', () => {
      for (const q of loaded.quarters) {
        const bulletin = join(out, paths.bulletin(q), 'index.html');
        if (!q.published) {
          expect(existsSync(bulletin), `${q.id} is not published`).toBe(false);
          continue;
        }
        const t = text(page(paths.bulletin(q)));
        expect(t, q.id).toContain(fold(q.meta.title));
        expect(t, q.id).toContain(fold(q.meta.issuer));
        for (const { kind, annex, id, row, rows } of ANNEXES) {
          const expected = rows(q);
          if (!expected) {
            // A quarter without this table: no annex on its page.
            expect(page(paths.bulletin(q)), `${q.id} has no ${id}`).not.toContain(`id="${id}"`);
            continue;
          }
          // The first page of the annex is on the bulletin, the rest on pages of their own.
          const htmls = [page(paths.bulletin(q))];
          for (let p = 2; p <= pageCount(expected.length, ANNEX_PAGE_SIZE); p++)
            htmls.push(page(paths.annexPage(q, kind, p)));
          const found = htmls.flatMap((html) => [
            ...html.matchAll(new RegExp(`<tr id="${row}-(\\d+)"[^>]*>([\\s\\S]*?)</tr>`, 'g')),
          ]);
          expect(
            found.map((m) => Number(m[1])),
            `${q.id} annex ${annex} rows`,
          ).toEqual(expected.map((r) => r.seq));
          found.forEach((m, i) =>
            expect(text(m[2]!), `${q.id} annex ${annex} row ${expected[i]!.seq}`).toContain(
              fold(expected[i]!.name),
            ),
          );
        }
      }
    });

    it('lists every published quarter on the bulletins page, newest on the home page', () => {
      const list = page('bulletins');
      for (const q of published) expect(list, q.id).toContain(`href="${paths.bulletin(q)}"`);
      const latest = published.at(-1)!;
      expect(text(page('')), latest.id).toContain(latest.label);
      expect(page(''), latest.id).toContain(`href="${paths.bulletin(latest)}"`);
    });

    it('offers every row of every published quarter for download, per quarter and all quarters together', () => {
      const csvRows = (path: string) => {
        const body = readFileSync(join(out, 'data', path), 'utf8').replace(/^\ufeff/, '');
        return Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: true }).data;
      };
      for (const { file, row, rows } of ANNEXES) {
        for (const q of published) {
          const expected = rows(q);
          if (!expected) {
            expect(existsSync(join(out, 'data', q.slug, `${file}.csv`)), `${q.slug} has no ${file}.csv`).toBe(
              false,
            );
            continue;
          }
          expect(
            csvRows(`${q.slug}/${file}.csv`).map((r) => Number(r['序号'])),
            `${q.slug}/${file}.csv`,
          ).toEqual(expected.map((r) => r.seq));
          const json = JSON.parse(readFileSync(join(out, 'data', q.slug, `${file}.json`), 'utf8'));
          expect(json.records, `${q.slug}/${file}.json`).toHaveLength(expected.length);
        }
        const quarterIds = published.flatMap((q) => (rows(q) ?? []).map(() => q.id));
        if (quarterIds.length === 0) continue;
        const all = csvRows(`all/${file}.csv`);
        expect(
          all.map((r) => r['季度']),
          `all/${file}.csv (${row})`,
        ).toEqual(quarterIds);
      }
    });

    it('gives every website, account and unit a page citing each quarter it was inspected in', () => {
      const missing: string[] = [];
      const check = (path: string, quarters: { slug: string }[]) => {
        const file = join(out, path, 'index.html');
        if (!existsSync(file)) return missing.push(`${path}: no page`);
        const html = readFileSync(file, 'utf8');
        for (const q of quarters)
          if (!html.includes(`id="${quarterAnchor(q)}"`)) missing.push(`${path}: no ${q.slug}`);
      };
      for (const w of history.websites)
        check(
          paths.website(w),
          w.entries.map((e) => e.quarter),
        );
      for (const a of history.accounts)
        check(
          paths.account(a),
          a.entries.map((e) => e.quarter),
        );
      for (const u of history.units) check(paths.unit({ unit: u.name, unitKey: u.key }), []);
      expect(history.websites.length + history.accounts.length).toBeGreaterThan(0);
      expect(missing).toEqual([]);
    });

    it('every HTML page passes html-validate', async () => {
      expect(await htmlProblems(out)).toEqual([]);
    });

    it('has no broken internal link or anchor', () => {
      expect(brokenLinks(out)).toEqual([]);
    });

    if (options.browser) browserChecks(dir, () => out, published);
  });
}

/** In Chromium: every bulletin at phone and desktop width, axe on every page type, search recall of every name. */
function browserChecks(dir: string, dist: () => string, published: Quarter[]): void {
  describe('in Chromium', () => {
    let browser: Browser;
    let server: Awaited<ReturnType<typeof serve>>;
    beforeAll(async () => {
      server = await serve(dist());
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    for (const [name, width] of [
      ['phone', 390],
      ['desktop', 1280],
    ] as const) {
      it(`shows every bulletin at ${name} width with its annexes, without console errors or sideways page scroll`, async () => {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        const problems: string[] = [];
        page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
        page.on('pageerror', (e) => problems.push(e.message));
        for (const q of published) {
          await page.goto(`${server.url}${paths.bulletin(q).slice(1)}`);
          for (const { id, rows } of ANNEXES) {
            expect(await page.locator(`#${id} tbody tr`).count(), `${q.id} ${id}`).toBe(
              Math.min(rows(q)?.length ?? 0, ANNEX_PAGE_SIZE),
            );
          }
          expect(await page.evaluate(() => document.documentElement.scrollWidth), q.id).toBeLessThanOrEqual(
            width,
          );
        }
        expect(problems).toEqual([]);
        await page.close();
      });
    }

    it('axe finds no WCAG 2.x A/AA violation on any page type or bulletin, at phone and desktop width', async () => {
      const query = entities(dir)[0]?.names[0] ?? '';
      const pages = [
        ...new Set([...samplePages(htmlPages(dist())), ...published.map((q) => paths.bulletin(q).slice(1))]),
        `search/?q=${encodeURIComponent(query)}`,
      ];
      expect(await axeAtBothWidths(browser, server.url, pages)).toEqual([]);
    });

    it('search finds every website and account among the top results for each of its names (recall)', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}search/`);
      await page.waitForFunction(
        () => (document.getElementById('search-filters') as HTMLElement).hidden === false,
      );
      await expectRecall(page, entities(dir));
      await page.close();
    });
  });
}
