import { describe, expect, it } from 'vitest';
import { rowUrl } from '../../src/integrations/pagefind.ts';
import { loadDataDir } from '../../src/lib/load.ts';
import { FILTERS, SEARCH_LANGUAGE, TYPES, searchRecords } from '../../src/lib/search.ts';
import { excerptParts } from '../../src/scripts/search.ts';

const { quarters } = loadDataDir('test/fixtures/search');
const records = searchRecords(quarters, (row) => `/${row.quarter.slug}/${row.kind}-${row.record.seq}`);

describe('search records', () => {
  it('makes one record per website and account row of every quarter, in one language', () => {
    const rows = quarters.reduce((n, q) => n + q.websites.length + q.newMedia.length, 0);
    expect(records).toHaveLength(rows);
    expect(new Set(records.map((r) => r.language))).toEqual(new Set([SEARCH_LANGUAGE]));
  });

  it('files an account under quarter, type, district, platform and result, and names its platform', () => {
    const r = records.find((x) => x.url === '/2021-q2/account-3')!;
    expect(r.meta).toEqual({ title: '虚构平安乙县（今日头条）', quarter: '2021年第二季度', type: TYPES.account, detail: '虚构乙县公安局 · 乙县 · 不合格' });
    expect(r.filters).toEqual({ [FILTERS.quarter]: ['2021年第二季度'], [FILTERS.type]: ['政务新媒体'], [FILTERS.region]: ['乙县'], [FILTERS.platform]: ['今日头条'], [FILTERS.result]: ['不合格'] });
    expect(r.sort).toEqual({ quarter: '2021-Q2' });
    expect(r.content).toContain('问题：互动回应差');
  });

  it('makes a website findable by its problems, and leaves the quarter label to the filter', () => {
    const r = records.find((x) => x.url === '/2021-q1/website-2')!;
    expect(r.content).toContain('其他问题：文件解读不规范；错别字');
    expect(r.content).not.toContain('2021年');
    expect(r.filters[FILTERS.platform]).toBeUndefined();
  });
});

describe('rowUrl', () => {
  const quarter = quarters[0]!;
  const row = { kind: 'account' as const, quarter, record: quarter.newMedia[0]! };
  it("links to that quarter's row on the account's own page", () => {
    expect(rowUrl(row)).toMatch(/^\/accounts\/weixin-xu-gou-jiao-yu-[0-9a-f]{6}\/#q-2021-q1$/);
  });
});

describe('excerptParts', () => {
  it('splits on <mark> and decodes entities, so the text can be set as text', () => {
    expect(excerptParts('a&lt;b&gt; <mark>平安</mark>潮州 &amp; <mark>x</mark>')).toEqual([
      { text: 'a<b> ', mark: false },
      { text: '平安', mark: true },
      { text: '潮州 & ', mark: false },
      { text: 'x', mark: true },
    ]);
  });
});
