/**
 * Open data end to end: a site built from invented quarters at a sub-path; every download is read back and
 * compared with the annex CSVs it came from, cell by cell; the data package, feed, sitemap and 404 are checked.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './support/build.ts';
import { checkDataPackage, checkRows } from './support/datapackage.ts';

const FIXTURE = 'test/fixtures/opendata';
const ORIGIN = 'https://data.example.gov.cn';
const BASE = '/sub/';
const QUARTERS = [
  ['2021-Q1', '2021-q1'],
  ['2021-Q2', '2021-q2'],
] as const;
const TABLES = [
  ['websites.csv', 'websites'],
  ['new-media.csv', 'new-media'],
] as const;
const NUMERIC = new Set(['序号', '加分', '扣分', '总分']);
const FLAGS = new Set(['首页不更新', '栏目不更新', '互动回应差', '服务不实用', '安全、泄密事故等严重问题']);

type Row = Record<string, string>;
/** The annex as staff wrote it: the fixture CSV, parsed with papaparse. */
const annex = (quarter: string, file: string) =>
  Papa.parse<Row>(readFileSync(join(FIXTURE, quarter, file), 'utf8'), { header: true, skipEmptyLines: true });
/** The documented spreadsheet rule: a text cell starting with = + - @ TAB or CR gets a leading apostrophe. */
const inCsv = (column: string, value: string) =>
  !NUMERIC.has(column) && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

describe('open data of a sub-path build', () => {
  let out: string;
  const read = (path: string) => readFileSync(join(out, path));
  const text = (path: string) => read(path).toString('utf8');
  const csv = (path: string) => {
    const body = text(path);
    expect(body.startsWith('\ufeff'), `${path} starts with a BOM`).toBe(true);
    expect(
      body
        .replace(/"[^"]*"/g, '')
        .split('\n')
        .every((line, i, all) => i === all.length - 1 || line.endsWith('\r')),
      `${path} uses CRLF`,
    ).toBe(true);
    return Papa.parse<Row>(body.slice(1), { header: true, skipEmptyLines: true });
  };
  beforeAll(() => {
    const site = buildSite(FIXTURE, { BASE_PATH: BASE, SITE_URL: ORIGIN });
    if (site.code !== 0) throw new Error(site.log);
    out = site.out;
  });

  it('round-trips every cell of every annex through the quarter CSV downloads', () => {
    for (const [quarter, slug] of QUARTERS) {
      for (const [file, name] of TABLES) {
        const source = annex(quarter, file);
        const download = csv(`data/${slug}/${name}.csv`);
        expect(new Set(download.meta.fields), `${slug}/${name}.csv columns`).toEqual(
          new Set(source.meta.fields),
        );
        expect(download.data).toHaveLength(source.data.length);
        source.data.forEach((row, i) => {
          for (const column of source.meta.fields!)
            expect(download.data[i]![column], `${slug}/${name}.csv row ${i + 1} ${column}`).toBe(
              inCsv(column, row[column]!),
            );
        });
      }
    }
  });

  it('round-trips every cell through the JSON downloads, with English keys and JSON types', () => {
    for (const [quarter, slug] of QUARTERS) {
      for (const [file, name] of TABLES) {
        const source = annex(quarter, file);
        const json = JSON.parse(text(`data/${slug}/${name}.json`));
        const keyOf = new Map<string, string>(
          json.columns.map((c: { key: string; name: string }) => [c.name, c.key]),
        );
        expect(new Set(keyOf.keys())).toEqual(new Set(source.meta.fields));
        expect(json.quarter.id).toBe(quarter);
        expect(json.quarter.url).toBe(`${ORIGIN}${BASE}bulletins/${slug}/`);
        source.data.forEach((row, i) => {
          for (const column of source.meta.fields!) {
            const v = row[column]!;
            const expected = FLAGS.has(column)
              ? v === '是'
              : NUMERIC.has(column)
                ? Number(v)
                : v === '' && column !== '其他问题'
                  ? null
                  : v;
            expect(
              json.records[i][keyOf.get(column)!],
              `${slug}/${name}.json row ${i + 1} ${column}`,
            ).toEqual(expected);
          }
        });
      }
    }
  });

  it('combines the quarters in order with a 季度 column and empty cells for columns a quarter lacks', () => {
    for (const [file, name] of TABLES) {
      const all = csv(`data/all/${name}.csv`);
      expect(all.meta.fields![0]).toBe('季度');
      const expected = QUARTERS.flatMap(([quarter]) =>
        annex(quarter, file).data.map((row) => ({ quarter, row })),
      );
      expect(all.data).toHaveLength(expected.length);
      expected.forEach(({ quarter, row }, i) => {
        for (const column of all.meta.fields!.slice(1)) {
          expect(all.data[i]![column], `all/${name}.csv row ${i + 1} ${column}`).toBe(
            inCsv(column, row[column] ?? ''),
          );
        }
        expect(all.data[i]!['季度']).toBe(quarter);
      });
      const json = JSON.parse(text(`data/all/${name}.json`));
      expect(json.records.map((r: { quarter: string }) => r.quarter)).toEqual(expected.map((e) => e.quarter));
    }
  });

  it('publishes a structurally valid datapackage.json that describes every download exactly', () => {
    const pkg = JSON.parse(text('data/datapackage.json'));
    expect(checkDataPackage(pkg)).toEqual([]);
    const files = readdirSync(join(out, 'data'), { recursive: true, encoding: 'utf8' })
      .filter(
        (p) => statSync(join(out, 'data', p)).isFile() && !['index.html', 'datapackage.json'].includes(p),
      )
      .sort();
    expect(pkg.resources.map((r: { path: string }) => r.path).sort()).toEqual(files);
    for (const r of pkg.resources) {
      const bytes = read(`data/${r.path}`);
      expect(r.bytes, r.path).toBe(bytes.length);
      expect(r.hash, r.path).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      if (r.format !== 'csv') continue;
      const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
      expect(rows[0], `${r.path}: fields are the CSV header, in order`).toEqual(
        r.schema.fields.map((f: { name: string }) => f.name),
      );
      expect(checkRows(r.schema, rows[0]!, rows.slice(1)), r.path).toEqual([]);
    }
    expect(pkg.quarters[0].corrections).toEqual([
      { date: '2021-05-10', note: '附件1第2行扣分由 21 更正为 20.5（虚构）' },
    ]);
  });

  it('the structural check catches a broken package (it can fail)', () => {
    const pkg = JSON.parse(text('data/datapackage.json'));
    pkg.resources[0].name = 'Bad Name';
    pkg.resources[1].schema = { fields: [{ name: 'a', type: 'text' }], primaryKey: ['b'] };
    pkg.resources[1].type = 'table';
    expect(checkDataPackage(pkg)).toEqual([
      'resources[0].name: required; lower-case letters, digits, . - _',
      'resources[1].schema.fields[0].type: unknown type text',
      'resources[1].schema.primaryKey: field names of this schema',
    ]);
  });

  it('lists each download with its real size on /data/', () => {
    const html = text('data/index.html').replace(/ data-astro-cid-\w+/g, '');
    for (const path of ['2021-q1/websites.csv', '2021-q2/new-media.json', 'all/websites.csv']) {
      const size = statSync(join(out, 'data', path)).size;
      const shown = size < 1024 ? `${size} 字节` : `${(size / 1024).toFixed(1)} KB`;
      const format = path.endsWith('csv') ? 'CSV' : 'JSON';
      expect(html, path).toContain(
        `<a href="${BASE}data/${path}" download>${format}</a> <span class="size">${shown}</span>`,
      );
    }
    expect(html).toContain('<code>homepageStale</code>');
  });

  it('shows the disclosure block, corrections and per-table downloads on the bulletin', () => {
    const html = text('bulletins/2021-q1/index.html');
    const plain = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    for (const pair of [
      '索引号 000000000/2021-00009',
      '发布机构 （虚构）虚构市人民政府办公室',
      '成文日期 2021年4月20日',
      '发布日期 2021年4月22日',
      '文号 虚府办函〔2021〕9号',
      '公开方式 主动公开',
      '主题分类 综合政务/政务公开',
    ]) {
      expect(plain).toContain(pair);
    }
    expect(plain).toContain('更正记录');
    expect(plain).toContain('2021年5月10日 ：附件1第2行扣分由 21 更正为 20.5（虚构）');
    expect(html).toContain(`href="${BASE}data/2021-q1/websites.csv" download`);
    expect(html).toContain(`href="${BASE}data/2021-q1/new-media.json" download`);
    expect(html).toContain(`<link rel="canonical" href="${ORIGIN}${BASE}bulletins/2021-q1/">`);
    expect(html).toContain(`<meta property="og:url" content="${ORIGIN}${BASE}bulletins/2021-q1/">`);
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toMatch(
      /<meta name="description" content="2021年第一季度：抽查政府网站 5 个、政务新媒体 3 个。/,
    );
    const q2 = text('bulletins/2021-q2/index.html')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    // Fields the notice does not give are left out, not shown as blanks.
    expect(q2).not.toContain('发布日期');
    expect(q2).toContain('成文日期 ');
    expect(q2).not.toContain('更正记录');
  });

  it('publishes an RSS 2.0 feed with one item per bulletin and absolute links', () => {
    const xml = text('rss.xml');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
    const items = [...xml.matchAll(/<item>(.*?)<\/item>/gs)].map((m) => m[1]!);
    expect(items).toHaveLength(2);
    expect(items[0]).toContain(`<link>${ORIGIN}${BASE}bulletins/2021-q2/</link>`);
    expect(items[1]).toContain(`<link>${ORIGIN}${BASE}bulletins/2021-q1/</link>`);
    expect(items[1]).toContain('<pubDate>Thu, 22 Apr 2021 00:00:00 +0800</pubDate>');
    expect(items[1]).toContain('更正（2021-05-10）');
    expect(text('index.html')).toContain(
      `<link rel="alternate" type="application/rss+xml" title="政府网站与政务新媒体检查情况通报（RSS）" href="${BASE}rss.xml">`,
    );
  });

  it('lists every page in the sitemap, and only pages', () => {
    const pages = readdirSync(out, { recursive: true, encoding: 'utf8' })
      .filter((p) => p.endsWith('index.html'))
      .map((p) => `${ORIGIN}${BASE}${relative('.', p).replace(/index\.html$/, '')}`)
      .sort();
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(text('sitemap-index.xml')).toContain(`<loc>${ORIGIN}${BASE}sitemap-0.xml</loc>`);
    const locs = [...text('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]).sort();
    expect(locs).toEqual(pages);
  });

  it('has a Chinese 404 page with links back into the site', () => {
    const html = text('404.html');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('页面不存在');
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain(`href="${BASE}bulletins/2021-q2/"`);
    expect(html).toContain(`href="${BASE}data/"`);
  });
});
