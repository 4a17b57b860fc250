/** Long annexes and lists are split into pages; every row stays reachable, and no page grows without bound. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCALES, writeSynthetic } from '../scripts/bench/synthetic.ts';
import { buildHistory } from '../src/lib/history.ts';
import { loadDataDir } from '../src/node/load.ts';
import { paths } from '../src/lib/routes.ts';
import { buildSite } from './support/build.ts';
import { brokenLinks, htmlPages } from './support/dist.ts';
import { tempDir } from './support/fixtures.ts';

const rowsIn = (html: string, prefix: string) =>
  [...html.matchAll(new RegExp(`<tr id="${prefix}(\\d+)"`, 'g'))].map((m) => Number(m[1]));

describe('a quarter larger than one page (invented benchmark data: 520 websites, 1,100 accounts)', () => {
  const data = tempDir();
  writeSynthetic(data, { ...SCALES.city!, websites: 520, accounts: 1100, quarters: 1 });
  const quarter = loadDataDir(data).quarters[0]!;
  let site: ReturnType<typeof buildSite>;
  beforeAll(() => {
    site = buildSite(data);
    if (site.code !== 0) throw new Error(site.log);
  });

  it('shows the first 500 rows of each annex on the bulletin, with a pager', () => {
    const html = site.page(`bulletins/${quarter.slug}`);
    expect(rowsIn(html, 'website-')).toEqual(
      quarter.tables.websites!.records.slice(0, 500).map((w) => w.seq),
    );
    expect(rowsIn(html, 'account-')).toHaveLength(500);
    expect(html).toContain('（第 1–500 行，共 520 行）');
    expect(html).toContain(`href="/bulletins/${quarter.slug}/annex-1/2/"`);
    expect(html).toContain(`href="/bulletins/${quarter.slug}/annex-2/3/"`);
  });

  it('puts the remaining rows on annex pages, each row exactly once', () => {
    const page2 = site.page(`bulletins/${quarter.slug}/annex-1/2`);
    expect(rowsIn(page2, 'website-')).toEqual(quarter.tables.websites!.records.slice(500).map((w) => w.seq));
    const accounts = [1, 2, 3].flatMap((n) =>
      rowsIn(
        site.page(n === 1 ? `bulletins/${quarter.slug}` : `bulletins/${quarter.slug}/annex-2/${n}`),
        'account-',
      ),
    );
    expect(accounts).toEqual(quarter.tables.newMedia!.records.map((a) => a.seq));
  });

  it("links an entity's quarter to its row on the right annex page", () => {
    const last = quarter.tables.websites!.records.at(-1)!;
    const html = site.page(paths.website(last).slice(1, -1));
    expect(html).toContain(`href="/bulletins/${quarter.slug}/annex-1/2/#website-${last.seq}"`);
  });

  it('splits the account list into pages of 1,000', () => {
    const counted = ['accounts', 'accounts/page/2'].map(
      (p) => (site.page(p).match(/<th scope="row"><a href="\/accounts\//g) ?? []).length,
    );
    expect(counted).toEqual([1000, 100]);
  });

  it('has no broken link or anchor, and no page over 1 MB', () => {
    expect(brokenLinks(site.out)).toEqual([]);
    const largest = Math.max(...htmlPages(site.out).map((p) => statSync(join(site.out, p)).size));
    expect(largest).toBeLessThan(1024 * 1024);
    expect(
      readFileSync(join(site.out, 'data', quarter.slug, 'new-media.csv'), 'utf8')
        .trim()
        .split('\n'),
    ).toHaveLength(1101);
  });
});

describe('a units list longer than one page (invented benchmark data: 3,003 accounts of 1,001 units)', () => {
  const data = tempDir();
  writeSynthetic(data, { ...SCALES.city!, websites: 7, accounts: 3003, quarters: 1 });
  const units = buildHistory(loadDataDir(data).quarters).units;
  let site: ReturnType<typeof buildSite>;
  beforeAll(() => {
    site = buildSite(data);
    if (site.code !== 0) throw new Error(site.log);
  });

  it('splits /units/ into pages of 1,000, every unit exactly once, with a pager', () => {
    expect(units).toHaveLength(1001);
    const pages = ['units', 'units/page/2'].map((p) => site.page(p));
    const listed = pages.map((html) =>
      [...html.matchAll(/<th scope="row"><a href="(\/units\/[^"]+)"/g)].map((m) => m[1]!),
    );
    expect(listed.map((l) => l.length)).toEqual([1000, 1]);
    expect(new Set(listed.flat())).toEqual(
      new Set(units.map((u) => paths.unit({ unit: u.name, unitKey: u.key }))),
    );
    expect(pages[0]).toContain('（第 1 页，共 2 页）');
    expect(pages[0]).toMatch(/<a href="\/units\/page\/2\/"[^>]*rel="next"/);
    expect(pages[1]).toMatch(/<a href="\/units\/"[^>]*rel="prev"/);
    // Regions in order (numbers by value), so a region split by the page break continues on the next page.
    const headings = pages.map((html) => [...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1]!));
    expect(headings).toEqual([['虚构第1区', '虚构第2区', '虚构第3区'], ['虚构第3区']]);
    expect(brokenLinks(site.out)).toEqual([]);
  });
});
