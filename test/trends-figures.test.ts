/**
 * The trends page's district table and every chart's CSV, from a build of the four-quarter fixture in which 2021-Q4
 * has a website without 所属地区 and accounts without that column at all. Expected figures are counted here from the
 * rows the project's loader reads, not copied from output.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WEBSITE_FLAGS } from '../src/lib/columns.ts';
import { websiteKey, websiteSlug } from '../src/lib/identity.ts';
import type { Quarter } from '../src/lib/load.ts';
import { loadDataDir } from '../src/node/load.ts';
import { NO_REGION, regionLabel } from '../src/lib/region.ts';
import { round2 } from '../src/lib/score.ts';
import { buildSite } from './support/build.ts';
import { tempDir } from './support/fixtures.ts';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
/** Each figure on a page: its id, its CSV link and its table as rows of cell texts. */
function figures(html: string): { id: string; csv?: string; rows: string[][] }[] {
  return [...html.matchAll(/<figure[^>]*id="([^"]+)"[^>]*>([\s\S]*?)<\/figure>/g)].map(([, id, body]) => ({
    id: id!,
    csv: body!.match(/<a href="([^"]+\.csv)"[^>]*>下载本[图表]数据（CSV）<\/a>/)?.[1],
    rows: [...body!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1]!)),
    ),
  }));
}
/** A table cell as the CSV writes it: no % after the number, no — for a missing value, the unit only in the header. */
const asCsv = (cell: string) => (cell === '—' ? '' : cell.replace(/%$/, ''));
const csvRows = (csv: string) =>
  csv
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .slice(0, -1)
    .map((line) => line.split(','));

describe('trends figures: district table and chart CSVs', () => {
  const data = tempDir();
  let site: ReturnType<typeof buildSite>;
  let latest: Quarter;
  beforeAll(() => {
    cpSync('test/fixtures/history', data, { recursive: true });
    const q4 = join(data, '2021-Q4');
    // The first website loses its 所属地区 (nothing above it to fill down from); the accounts lose the column.
    const sites = readFileSync(join(q4, 'websites.csv'), 'utf8').split('\n');
    sites[1] = sites[1]!.replace(',甲区,', ',,');
    writeFileSync(join(q4, 'websites.csv'), sites.join('\n'));
    const accounts = readFileSync(join(q4, 'new-media.csv'), 'utf8').split('\n');
    writeFileSync(
      join(q4, 'new-media.csv'),
      accounts
        .map((l) =>
          l
            .split(',')
            .filter((_, i) => i !== 2)
            .join(','),
        )
        .join('\n'),
    );
    latest = loadDataDir(data).quarters.find((q) => q.id === '2021-Q4')!;
    site = buildSite(data);
  });

  it('builds', () => {
    expect(site.code, site.log).toBe(0);
    expect(latest.tables.websites!.records.filter((r) => !r.region)).toHaveLength(1);
    expect(latest.tables.newMedia!.records.every((r) => !r.region)).toBe(true);
  });

  it('counts every website and account: a 未注明地区 row, the accounts all there, no invented 0', () => {
    const table = figures(site.page('trends')).find((f) => f.id === 'districts')!;
    const [head, ...rows] = table.rows;
    expect(head).toEqual([
      '所属地区',
      '网站数（个）',
      '网站平均得分（分）',
      '有单项否决项的网站（个）',
      '新媒体数（个）',
      '新媒体合格率',
    ]);
    const sites = latest.tables.websites!.records;
    const accounts = latest.tables.newMedia!.records;
    const regions = [...new Set(sites.map((s) => regionLabel(s.region)))];
    expect(rows.map((r) => r[0]).sort()).toEqual([...regions].sort());
    expect(rows.at(-1)![0]).toBe(NO_REGION);
    for (const row of rows) {
      const here = sites.filter((s) => regionLabel(s.region) === row[0]);
      const mean = round2(here.reduce((a, s) => a + s.total, 0) / here.length);
      const unlocated = row[0] === NO_REGION;
      const passed = accounts.filter((a) => a.result === '合格').length;
      expect(row.slice(1), row[0]).toEqual([
        String(here.length),
        String(mean),
        String(here.filter((s) => WEBSITE_FLAGS.some((f) => s[f.key])).length),
        // Accounts have no 所属地区: all of them under 未注明地区, none claimed for a named district.
        unlocated ? String(accounts.length) : '—',
        unlocated ? `${round2((passed / accounts.length) * 100)}%` : '—',
      ]);
    }
    const sum = (i: number) => rows.reduce((a, r) => a + (Number(r[i]) || 0), 0);
    expect([sum(1), sum(4)]).toEqual([sites.length, accounts.length]);
  });

  it('says truly what the district chart shows and why the accounts are not by district', () => {
    const html = site.page('trends');
    const section = text(
      html.slice(html.indexOf('id="districts"'), html.indexOf('</figure>', html.indexOf('id="districts"'))),
    );
    expect(section).toContain('图中为各地区的网站平均得分');
    expect(section).not.toContain('新媒体合格率；');
    expect(section).toContain('政务新媒体的数据没有填写“所属地区”，全部计入“未注明地区”');
    expect(html).toMatch(
      /<canvas[^>]+aria-label="柱状图：2021年第四季度各地区检查情况（横轴从 0 起）。网站平均得分：/,
    );
  });

  it('links a CSV under every chart with the same numbers as its table (UTF-8 BOM, CRLF)', () => {
    const trends = figures(site.page('trends'));
    const website = figures(
      site.page(`websites/${websiteSlug(websiteKey({ name: '虚构甲区人民政府网站' }))}`),
    );
    expect(trends.map((f) => f.id)).toEqual([
      'counts',
      'scores',
      'flags',
      'website-repeats',
      'account-repeats',
      'pass-rate',
      'platform-rates',
      'districts',
    ]);
    for (const f of [...trends, ...website]) {
      expect(f.csv, f.id).toBeDefined();
      const file = join(site.out, f.csv!);
      expect(existsSync(file), f.csv).toBe(true);
      const csv = readFileSync(file, 'utf8');
      expect(csv.startsWith('\ufeff'), f.csv).toBe(true);
      expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const [head, ...rows] = csvRows(csv);
      const [tableHead, ...tableRows] = f.rows;
      // The header names the same columns; a percentage column carries （%） in the CSV, where the table puts % in each cell.
      expect(
        head!.map((h) => h.replace('（%）', '')),
        f.id,
      ).toEqual(tableHead);
      expect(rows, f.id).toEqual(tableRows.map((r) => r.map(asCsv)));
    }
    expect(website.map((f) => f.id)).toEqual(['score-chart']);
  });
});
