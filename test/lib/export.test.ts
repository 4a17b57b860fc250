import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { dataPackage, dictionary, field, tableSchema } from '../../src/lib/datapackage.ts';
import { NEW_MEDIA_COLUMNS, WEBSITE_COLUMNS } from '../../src/lib/columns.ts';
import {
  allQuartersCsv,
  cellText,
  csvField,
  dataFiles,
  fileFacts,
  formatBytes,
  neutraliseFormula,
  quarterCsv,
  quarterJson,
  toCsv,
} from '../../src/lib/export.ts';
import { loadDataDir } from '../../src/node/load.ts';
import { WEBSITES_HEADER, tempDir, writeQuarter } from '../support/fixtures.ts';

const FIXTURE = 'test/fixtures/opendata';
const { quarters } = loadDataDir(FIXTURE);
const [q1, q2] = quarters as [(typeof quarters)[0], (typeof quarters)[0]];
const urlOf = (q: { slug: string }) => `https://example.gov.cn/bulletins/${q.slug}/`;
const parse = (csv: string) =>
  Papa.parse<string[]>(csv.replace(/^\ufeff/, ''), { skipEmptyLines: true }).data;

describe('formula neutralisation', () => {
  it('prefixes an apostrophe to text starting with = + - @ TAB or CR, and only then', () => {
    for (const risky of ['=1+1', '+86 电话', '-', '-2', '@某人', '\tx', '\rx'])
      expect(neutraliseFormula(risky)).toBe(`'${risky}`);
    for (const safe of ['无', '网页标签不规范', 'a=b', '１＋１', '＝SUM', '', "'已有引号"])
      expect(neutraliseFormula(safe)).toBe(safe);
  });

  it('applies to text columns and never to the score columns', () => {
    const csv = parse(quarterCsv(q1, 'websites'));
    const header = csv[0]!;
    const row = (seq: string) => csv.find((r) => r[0] === seq)!;
    expect(row('3')[header.indexOf('其他问题')]).toBe(`'=HYPERLINK("http://evil.example/","点击")`);
    expect(row('4')[header.indexOf('其他问题')]).toBe("'+86 电话无人接听");
    expect(row('5')[header.indexOf('其他问题')]).toBe("'-");
    expect(row('5')[header.indexOf('加分')]).toBe('12.5');
    expect(parse(quarterCsv(q1, 'newMedia'))[1]![3]).toBe("'@虚构教育");
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 only where needed', () => {
    expect(csvField('甲')).toBe('甲');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('说"好"')).toBe('"说""好"""');
    expect(csvField('一\n二')).toBe('"一\n二"');
    expect(csvField('一\r二')).toBe('"一\r二"');
  });

  it('starts with a BOM and ends every record with CRLF', () => {
    const csv = toCsv([
      ['甲', '乙'],
      ['1', '一\n二'],
    ]);
    expect(csv).toBe('\ufeff甲,乙\r\n1,"一\n二"\r\n');
  });

  it('writes the canonical Chinese headers of the columns the quarter published, in definition order', () => {
    expect(parse(quarterCsv(q1, 'websites'))[0]).toEqual([
      '序号',
      '网站名称',
      '首页不更新',
      '栏目不更新',
      '互动回应差',
      '服务不实用',
      '安全、泄密事故等严重问题',
      '其他问题',
      '加分',
      '扣分',
      '总分',
      '所属地区',
      '网站标识码',
      '网址',
      '结果',
    ]);
    expect(parse(quarterCsv(q2, 'newMedia'))[0]).toEqual([
      '序号',
      '单位名称',
      '账号类型',
      '账号名称',
      '结果',
    ]);
  });

  it('combines quarters oldest first with a leading 季度 column, empty where a quarter lacks a column', () => {
    const rows = parse(allQuartersCsv(quarters, 'websites'));
    expect(rows[0]!.slice(0, 2)).toEqual(['季度', '序号']);
    expect(rows.slice(1).map((r) => `${r[0]}#${r[1]}`)).toEqual([
      '2021-Q1#1',
      '2021-Q1#2',
      '2021-Q1#3',
      '2021-Q1#4',
      '2021-Q1#5',
      '2021-Q2#1',
      '2021-Q2#2',
    ]);
    const region = rows[0]!.indexOf('所属地区');
    expect(rows.map((r) => r[region])).toEqual(['所属地区', '甲区', '乙县', '市直', '市直', '市直', '', '']);
  });
});

describe('JSON', () => {
  it('has quarter metadata, the key → 列名 mapping and typed records', () => {
    const json = JSON.parse(quarterJson(q1, 'websites', urlOf(q1)));
    expect(json.quarter).toMatchObject({
      id: '2021-Q1',
      issued: '2021-04-20',
      published: '2021-04-22',
      docNumber: '虚府办函〔2021〕9号',
      url: 'https://example.gov.cn/bulletins/2021-q1/',
    });
    expect(json.quarter.corrections).toEqual([
      { date: '2021-05-10', note: '附件1第2行扣分由 21 更正为 20.5（虚构）' },
    ]);
    expect(json.columns.slice(0, 3)).toEqual([
      { key: 'seq', name: '序号' },
      { key: 'name', name: '网站名称' },
      { key: 'homepageStale', name: '首页不更新' },
    ]);
    expect(json.records[2]).toMatchObject({
      seq: 3,
      columnsStale: true,
      homepageStale: false,
      otherProblems: '=HYPERLINK("http://evil.example/","点击")',
      deduction: 0,
      siteCode: null,
    });
    expect(json.records[1].otherProblems).toBe('第一个问题\n第二个问题');
  });
});

describe('page, CSV and JSON print the same value', () => {
  it('a two-decimal score and a blank 其他问题 read the same in the CSV, the JSON and the page text (cellText)', () => {
    const dir = tempDir();
    writeQuarter(dir, '2021-Q1', {
      'websites.csv': `${WEBSITES_HEADER}\n1,虚构甲网站,否,否,否,否,否,,1.25,9.55,91.7\n`,
    });
    const {
      quarters: [q],
      findings,
    } = loadDataDir(dir);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const csv = parse(quarterCsv(q!, 'websites'));
    const json = JSON.parse(quarterJson(q!, 'websites', urlOf(q!))).records[0];
    const record = q!.tables.websites!.records[0]!;
    for (const key of ['bonus', 'deduction', 'total', 'otherProblems'] as const) {
      const column = WEBSITE_COLUMNS.find((c) => c.key === key)!;
      const page = cellText(column, record[key]);
      expect([csv[1]![csv[0]!.indexOf(column.name)], String(json[key])], key).toEqual([page, page]);
    }
    expect(csv[1]!.slice(7, 11)).toEqual(['无', '1.25', '9.55', '91.7']);
  });
});

describe('download list', () => {
  const files = dataFiles(quarters, urlOf);
  it('has CSV and JSON of both tables per quarter and combined, with byte counts and hashes of the bodies', () => {
    expect(files.map((f) => f.path)).toEqual([
      '2021-q1/websites.csv',
      '2021-q1/websites.json',
      '2021-q1/new-media.csv',
      '2021-q1/new-media.json',
      '2021-q2/websites.csv',
      '2021-q2/websites.json',
      '2021-q2/new-media.csv',
      '2021-q2/new-media.json',
      'all/websites.csv',
      'all/websites.json',
      'all/new-media.csv',
      'all/new-media.json',
    ]);
    const body = files[0]!.body();
    const facts = fileFacts(body);
    expect(facts.bytes).toBe(new TextEncoder().encode(body).length);
    expect(facts.hash).toBe(
      `sha256:${createHash('sha256').update(new TextEncoder().encode(body)).digest('hex')}`,
    );
    expect(files[0]!.body()).toBe(body); // made anew, the same each time
  });
  it('is empty with nothing published', () => expect(dataFiles([], urlOf)).toEqual([]));
  it('formats sizes for the downloads page', () => {
    expect(formatBytes(742)).toBe('742 字节');
    expect(formatBytes(3686)).toBe('3.6 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});

describe('data dictionary and table schema from columns.ts', () => {
  it('describes every column with its type, range or allowed values, and whether it is required', () => {
    const rows = dictionary('websites');
    expect(rows.map((r) => r.name)).toEqual(['季度', ...WEBSITE_COLUMNS.map((c) => c.name)]);
    expect(rows.find((r) => r.key === 'bonus')).toMatchObject({
      type: '数值（可有小数）',
      allowed: '0–30',
      required: '必填',
    });
    expect(rows.find((r) => r.key === 'homepageStale')).toMatchObject({
      allowed: '是、否',
      required: '必填',
    });
    expect(rows.find((r) => r.key === 'otherProblems')).toMatchObject({
      required: '必有此列，可留空（按“无”发布）',
    });
    expect(rows.find((r) => r.key === 'result')).toMatchObject({
      allowed: '合格、不合格',
      required: '可选列',
    });
    expect(dictionary('newMedia').find((r) => r.key === 'platform')!.allowed).toContain('微信视频号');
  });

  it('maps column types to Table Schema fields named by the CSV header', () => {
    const byKey = (key: string) => field(WEBSITE_COLUMNS.find((c) => c.key === key)!);
    expect(byKey('seq')).toMatchObject({
      name: '序号',
      type: 'integer',
      jsonKey: 'seq',
      constraints: { required: true, minimum: 1 },
    });
    expect(byKey('deduction')).toMatchObject({
      type: 'number',
      constraints: { required: true, minimum: 0, maximum: 100 },
    });
    expect(byKey('seriousIncident')).toMatchObject({
      type: 'boolean',
      trueValues: ['是'],
      falseValues: ['否'],
    });
    // A blank 其他问题 is published as 无, so the published column has no empty cell.
    expect(byKey('otherProblems').constraints).toEqual({ required: true });
    expect(byKey('result')).toMatchObject({ type: 'string', constraints: { enum: ['合格', '不合格'] } });
    expect(byKey('siteCode').constraints).toEqual({ pattern: '^[0-9A-Z]{10}$' });
    expect(byKey('url').format).toBe('uri');
  });

  it('keys the combined files by quarter and 序号, and accounts also by platform and name', () => {
    const combined = tableSchema('newMedia', [...NEW_MEDIA_COLUMNS], true);
    expect(combined.fields[0]).toMatchObject({
      name: '季度',
      jsonKey: 'quarter',
      constraints: { required: true },
    });
    expect(combined.primaryKey).toEqual(['季度', '序号']);
    expect(combined.uniqueKeys).toEqual([['季度', '账号类型', '账号名称']]);
    const single = tableSchema('websites', [...WEBSITE_COLUMNS], false);
    expect(single.primaryKey).toEqual(['序号']);
    expect(single.uniqueKeys).toBeUndefined();
  });

  it('names the package, lists every file once and records corrections', () => {
    const pkg = dataPackage(
      quarters,
      dataFiles(quarters, urlOf).map((f) => ({ ...f, ...fileFacts(f.body()) })),
      {
        homepage: 'https://example.gov.cn/data/',
        urlOf,
        title: 't',
        description: 'd',
      },
    );
    expect(pkg.resources.map((r) => r.path)).toEqual(dataFiles(quarters, urlOf).map((f) => f.path));
    expect(new Set(pkg.resources.map((r) => r.name)).size).toBe(pkg.resources.length);
    expect(pkg.created).toBe('2021-07-20T00:00:00Z');
    expect(pkg.quarters[0]!.corrections).toHaveLength(1);
  });
});
