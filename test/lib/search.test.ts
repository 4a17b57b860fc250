import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordPath, scratchBase, scratchFolders } from '../../scripts/build/pagefind.ts';
import { entityUrl } from '../../src/lib/search-records.ts';
import { buildHistory } from '../../src/lib/history.ts';
import { loadDataDir } from '../../src/node/load.ts';
import { SEED_DATA } from '../support/fixtures.ts';
import { FIELDS_META } from '../../src/lib/search-match.ts';
import {
  FILTERS,
  QUARTER_RESULT,
  SEARCH_LANGUAGE,
  TYPES,
  bulletinRecord,
  bulletinText,
  filterOptions,
  searchSetFiles,
  quarterResult,
  MAX_PAGES,
  membersPerPage,
  quarterResultCounts,
  quarterSpan,
  pageHtml,
  pageWords,
  searchPages,
  searchRecords,
  siteRecords,
} from '../../src/lib/search-records.ts';
import { hasFilters, MEMBERS_FILTER, membersValue, pageMembers } from '../../src/lib/search-match.ts';
import { loadData } from '../../src/node/load.ts';
import { escapeXml } from '../../src/lib/feed.ts';
import { pagefindFilters } from '../../src/lib/search-vocabulary.ts';
import { countCommon, decodeSet, setName, type DecodedSet } from '../../src/lib/search-sets.ts';

const { quarters } = loadDataDir('test/fixtures/search');
const history = buildHistory(quarters);
const records = searchRecords(history, (e) => `/${e.kind}/${e.key}`);
const byTitle = (title: string) => records.find((r) => r.meta.title === title)!;

describe('search records', () => {
  it('makes one record per website and per account, whatever the number of quarters, in one language', () => {
    const entities = new Set(
      quarters.flatMap((q) => [
        ...q.tables.websites!.records.map((w) => w.key),
        ...q.tables.newMedia!.records.map((a) => a.key),
      ]),
    );
    expect(records).toHaveLength(entities.size);
    expect(new Set(records.map((r) => r.url)).size).toBe(entities.size);
    expect(records.length).toBeLessThan(
      quarters.reduce((n, q) => n + q.tables.websites!.records.length + q.tables.newMedia!.records.length, 0),
    );
    expect(new Set(records.map((r) => r.language))).toEqual(new Set([SEARCH_LANGUAGE]));
  });

  it('files an account under every quarter and result it had, and keeps which result was in which quarter', () => {
    const r = byTitle('虚构平安乙县（今日头条）');
    const { [FIELDS_META]: fields, ...meta } = r.meta;
    expect(meta).toEqual({
      title: '虚构平安乙县（今日头条）',
      quarter: '2021年第一季度 至 2021年第三季度（3 期）',
      type: TYPES.account,
      detail: '虚构乙县公安局 · 乙县 · 最近一期合格 · 不合格 1 次',
    });
    // What the search page matches and ranks by: names (and the title), units, region, problems with their quarters, pinyin.
    expect(JSON.parse(fields!)).toEqual({
      n: ['虚构平安乙县', '虚构平安乙县（今日头条）'],
      u: ['虚构乙县公安局'],
      r: '乙县',
      p: [
        ['不合格', ['2021年第二季度']],
        ['互动回应差', ['2021年第二季度']],
      ],
      y: [
        ['虚构平安乙县', 'xu gou ping an yi xian'],
        ['虚构乙县公安局', 'xu gou yi xian gong an ju'],
      ],
    });
    expect(r.keys!.split(' ')).toEqual(
      expect.arrayContaining(['xugoupinganyixian', 'xgpayx', 'pinganyixian', 'payx', 'gonganju']),
    );
    expect(r.filters).toEqual({
      [FILTERS.quarter]: ['2021年第一季度', '2021年第二季度', '2021年第三季度'],
      [FILTERS.type]: ['政务新媒体'],
      [FILTERS.region]: ['乙县'],
      [FILTERS.platform]: ['今日头条'],
      [FILTERS.result]: ['合格', '不合格'],
      [QUARTER_RESULT]: ['2021年第一季度：合格', '2021年第二季度：不合格', '2021年第三季度：合格'],
    });
    expect(r.sort).toEqual({ quarter: '2021-Q3' });
    expect(r.content).toContain('问题：互动回应差');
  });

  it('makes a website findable by the problems of every quarter, and leaves quarter labels to the filter', () => {
    const r = byTitle('虚构乙县人民政府网站');
    expect(r.content).toContain('其他问题：文件解读不规范；错别字；网页标签不规范');
    expect(r.content).not.toContain('2021年');
    expect(r.filters[FILTERS.platform]).toBeUndefined();
    expect(r.meta.detail).toBe('乙县 · 门户网站 · 最近一期总分 98 · 合格 · 不合格 1 次');
  });

  it("says a one-quarter entity's figures without “最近一期”", () => {
    const r = byTitle('虚构丙镇便民（快手）');
    expect(r.meta.quarter).toBe('2021年第三季度');
    expect(r.meta.detail).toBe('虚构丙镇人民政府 · 乙县 · 不合格');
  });
});

describe('filterOptions', () => {
  const options = Object.fromEntries(
    filterOptions(history, history.quarters).map((f) => [
      f.name,
      f.values.map((v) => `${v.value} ${v.count}`),
    ]),
  );

  it("counts each quarter's bulletin, websites and accounts, newest quarter first", () => {
    // Counted by hand from test/fixtures/search: Q1 3 websites + 4 accounts, Q2 3 + 4, Q3 3 + 5, and a bulletin each;
    // 合格: 4 websites + 6 accounts, 不合格: 乙县网站, 甲区发布, 平安乙县（今日头条）, 丙镇便民.
    expect(options[FILTERS.quarter]).toEqual(['2021年第三季度 9', '2021年第二季度 8', '2021年第一季度 8']);
    expect(options[FILTERS.type]).toEqual(['通报 3', '政府网站 4', '政务新媒体 7']);
  });

  it('counts a website or account once per value it ever had, regions city level first', () => {
    expect(options[FILTERS.result]).toEqual(['不合格 4', '合格 10']);
    expect(options[FILTERS.region]).toEqual(['市直 4', '甲区 2', '乙县 5']);
    expect(options[FILTERS.platform]).toEqual(['抖音 1', '今日头条 1', '快手 1', '微信 3', '新浪微博 1']);
  });

  it('offers only the filters readers choose from, not the hidden 季度结果', () => {
    expect(Object.keys(options)).toEqual(Object.values(FILTERS));
  });
});

describe('bulletin records', () => {
  const [seed] = loadDataDir(SEED_DATA).quarters;

  it('hold the prose as a reader sees it: figures filled in, Markdown reduced to words', () => {
    const text = bulletinText(seed!.body, seed!.stats);
    expect(text).toContain('此次对全市7个政府网站全部进行了抽查');
    expect(text).toContain('抽查已经报备的政务新媒体48个');
    expect(text).toContain('具体情况见附件1和附件2。');
    expect(text).toMatch(/^一、总体情况$/m);
    expect(text).not.toMatch(/<Stat|##|\]\(#annex/);
  });

  it('put the title first and file the bulletin under its quarter and 通报', () => {
    const r = bulletinRecord(seed!, '/bulletins/2020-q3/');
    expect(r.content.split('\n')[0]).toBe(
      '潮州市人民政府办公室关于2020年第三季度全市政府网站与政务新媒体检查情况的通报',
    );
    expect(r.content).toContain('潮州市人民政府办公室，2020年10月26日');
    expect(r.meta).toEqual({
      title: seed!.meta.title,
      quarter: '2020年第三季度',
      type: TYPES.bulletin,
      detail: '潮州市人民政府办公室 · 2020年10月26日',
      [FIELDS_META]: JSON.stringify({ n: [seed!.meta.title] }),
    });
    expect(r.filters).toEqual({ [FILTERS.quarter]: ['2020年第三季度'], [FILTERS.type]: ['通报'] });
    expect(r.sort).toEqual({ quarter: '2020-Q3' });
  });

  it('name their quarter in the text, for a title that does not', () => {
    const untitled = {
      ...seed!,
      meta: { ...seed!.meta, title: '虚构市人民政府办公室关于检查情况的通报（第二期）' },
    };
    expect(bulletinRecord(untitled, '/x/').content.split('\n').slice(0, 2)).toEqual([
      '虚构市人民政府办公室关于检查情况的通报（第二期）',
      '2020年第三季度',
    ]);
  });

  it('include corrections made after publication', () => {
    const corrected = {
      ...seed!,
      meta: { ...seed!.meta, corrections: [{ date: '2020-11-02', note: '附件2第3行结果更正为合格' }] },
    };
    expect(bulletinRecord(corrected, '/x/').content).toContain('2020年11月2日更正：附件2第3行结果更正为合格');
  });
});

describe('quarterSpan', () => {
  it('names one quarter, or the first and last and how many', () => {
    expect(quarterSpan(['2020年第三季度'])).toBe('2020年第三季度');
    expect(quarterSpan(['2020年第三季度', '2021年第一季度'])).toBe(
      '2020年第三季度 至 2021年第一季度（2 期）',
    );
  });
});

describe('pagefindFilters', () => {
  it('asks for 季度结果 when a quarter and a result are chosen together, in the form the records carry', () => {
    expect(pagefindFilters({ 季度: '2021年第二季度', 结果: '不合格', 类型: '政务新媒体' })).toEqual({
      类型: '政务新媒体',
      [QUARTER_RESULT]: quarterResult('2021年第二季度', '不合格'),
    });
    expect(pagefindFilters({ 季度: '2021年第二季度' })).toEqual({ 季度: '2021年第二季度' });
    expect(pagefindFilters({ 结果: '不合格' })).toEqual({ 结果: '不合格' });
  });
});

describe('entityUrl', () => {
  it("links to the website's or account's own page", () => {
    const account = history.accounts.find((a) => a.account === '虚构教育' && a.platform === '微信')!;
    expect(entityUrl({ kind: 'account', key: account.key })).toMatch(
      /^\/accounts\/weixin-xu-gou-jiao-yu-[0-9a-f]{6}\/$/,
    );
  });
});

describe('searchPages', () => {
  const all = siteRecords(loadData('test/fixtures/search'));
  const pages = searchPages(all, 3);

  it('puts every record on exactly one page, a bulletin alone, others with their type and latest quarter', () => {
    expect(pages.flatMap((p) => p.members.map((m) => m.url)).sort()).toEqual(all.map((r) => r.url).sort());
    for (const page of pages) {
      expect(page.members.length).toBeGreaterThan(0);
      expect(page.members.length).toBeLessThanOrEqual(page.members[0]!.type === TYPES.bulletin ? 1 : 3);
      expect(new Set(page.members.map((m) => `${m.type} ${m.sort}`)).size).toBe(1);
      expect(page.sort).toEqual({ quarter: page.members[0]!.sort });
    }
    expect(pages.length).toBeLessThan(all.length);
  });

  it('files a page under every filter value of its members, and keeps each member’s own values', () => {
    for (const page of pages) {
      for (const m of page.members) {
        const record = all.find((r) => r.url === m.url)!;
        // Alone on its page, its filters are the page's.
        const own = m.filters ?? (page.members.length === 1 ? page.filters : {});
        expect(own).toEqual(record.filters);
        for (const [name, values] of Object.entries(own))
          expect(page.filters[name]).toEqual(expect.arrayContaining(values));
      }
    }
  });

  it('gives each member back its own text and fields from what Pagefind returns', () => {
    const page = pages.find((p) => p.members.length === 3)!;
    const filters = { [MEMBERS_FILTER]: [membersValue(page.members).replace(/ {2,}/g, ' ')] };
    const members = pageMembers({ filters });
    expect(members.map((m) => m.url)).toEqual(page.members.map((m) => m.url));
    members.forEach((m, i) => {
      const record = all.find((r) => r.url === m.url)!;
      expect(m.text).toBe(record.content);
      // Its pinyin words worked out again from its fields are the ones indexed.
      expect(
        new Set(
          m.raw
            .slice(record.content.length + 1)
            .split(' ')
            .filter(Boolean),
        ),
      ).toEqual(new Set(record.keys?.split(' ') ?? []));
      expect(m.fields).toEqual(page.members[i]!.fields);
    });
    expect(hasFilters(members[0]!.member, { [FILTERS.type]: members[0]!.type })).toBe(true);
    expect(hasFilters(members[0]!.member, { [FILTERS.type]: '另一类型' })).toBe(false);
  });
});

describe('membersValue', () => {
  it('reads back every white space of a member, after Pagefind collapsed runs of it in the filter value', () => {
    const member = {
      url: '/a/',
      title: '甲  乙\u3000丙\t丁 ',
      quarter: '',
      type: TYPES.account,
      detail: '',
      fields: { n: [' 甲  乙 '] },
      filters: {},
      sort: '',
      text: '甲  乙。',
    };
    const value = membersValue([member]);
    expect(value).not.toMatch(/\s\s|[^\S ]/u);
    expect(pageMembers({ filters: { [MEMBERS_FILTER]: [value] } })[0]!.member).toEqual(member);
  });
});

describe('membersPerPage', () => {
  it('gives a city its records a page each, and a national dataset pages of several', () => {
    expect(membersPerPage(60)).toBe(1);
    expect(membersPerPage(MAX_PAGES)).toBe(1);
    expect(membersPerPage(186_341)).toBe(24);
    expect(Math.ceil(186_341 / membersPerPage(186_341))).toBeLessThanOrEqual(MAX_PAGES);
  });
});

describe('searchSetFiles', () => {
  const { files } = searchSetFiles(history, history.quarters);
  const sets = new Map(files.map((f) => [`${f.filter}=${f.value}`, decodeSet(f.bytes)!]));
  // Every record's filters, as the search page checks each member: the bulletins', then the websites' and accounts'.
  const all: Record<string, string[]>[] = [
    ...history.quarters.map((q) => ({ [FILTERS.quarter]: [q.label], [FILTERS.type]: [TYPES.bulletin] })),
    ...records.map((r) => r.filters),
  ];
  const chosenSets = (chosen: Record<string, string>) =>
    Object.entries(pagefindFilters(chosen)).map(([name, value]) => sets.get(`${name}=${value}`));
  /**
   * What the page counts for `chosen`: 0 when a value has no set (no record has it; the page, finding no file, reads
   * every page Pagefind lists for it, of which there are none).
   */
  const counted = (chosen: Record<string, string>) => {
    const found = chosenSets(chosen);
    return found.every((s) => s) ? countCommon(found as DecodedSet[]) : 0;
  };
  const brute = (chosen: Record<string, string>) => {
    const sent = pagefindFilters(chosen);
    return all.filter((f) => Object.entries(sent).every(([name, value]) => f[name]?.includes(value))).length;
  };
  const values = [...new Set(files.map((f) => f.filter))]
    .filter((name) => name !== QUARTER_RESULT) // hidden: the page sends it for 季度 and 结果 chosen together
    .map((name) => files.filter((f) => f.filter === name).map((f) => [name, f.value] as const));

  it('has one file per value of every filter, the hidden 季度结果 included, named as the page names it', () => {
    expect(files.length).toBe(new Set(files.map((f) => f.name)).size);
    for (const f of files) expect(f.name).toBe(setName(f.filter, f.value));
    expect(sets.get(`${QUARTER_RESULT}=${quarterResult('2021年第二季度', '不合格')}`)).toBeDefined();
    for (const f of files)
      expect(countCommon([sets.get(`${f.filter}=${f.value}`)!])).toBe(brute({ [f.filter]: f.value }));
  });

  it('counts, for any two or three filters the search page can send, the records having every value', () => {
    let checked = 0;
    let nonzero = 0;
    const pick = (i: number, chosen: Record<string, string>, depth: number) => {
      if (depth >= 2) {
        expect(counted(chosen), JSON.stringify(chosen)).toBe(brute(chosen));
        checked++;
        if (brute(chosen) > 0) nonzero++;
      }
      if (depth === 3) return;
      for (let j = i; j < values.length; j++)
        for (const [name, value] of values[j]!) pick(j + 1, { ...chosen, [name]: value }, depth + 1);
    };
    pick(0, {}, 0);
    expect(checked).toBeGreaterThan(100);
    expect(nonzero).toBeGreaterThan(20);
    expect(counted({ [FILTERS.type]: TYPES.website, [FILTERS.result]: '不合格' })).toBeGreaterThan(0);
  });
});

describe('quarterResultCounts', () => {
  it('counts the websites and accounts with each result in each quarter', () => {
    expect(quarterResultCounts(history)['2021年第二季度：不合格']).toBe(2);
  });
});

describe('pageHtml', () => {
  const member = (text: string, y?: [string, string][]) => ({
    url: '/a/',
    title: '',
    quarter: '',
    type: TYPES.account,
    detail: '',
    fields: { n: [], ...(y ? { y } : {}) },
    sort: '',
    text,
  });
  const page = {
    url: '/p/0/',
    language: 'zh',
    members: [
      member('<script>alert(1)</script> & “引号”。单位：某局。'),
      member('第二条。单位：某局。', [['第二条', 'di er tiao']]),
    ],
    filters: { [FILTERS.result]: ['合格', '不<合格>'] },
    sort: { quarter: '2020-Q3' },
  };
  const html = pageHtml(page);

  it('gives each word of the members’ texts and pinyin once, split as the search page splits a query, as the body’s only text', () => {
    // The search page's split (Pagefind's, with Intl.Segmenter): the words a query for 某局 or 第二条 looks up.
    const split = (q: string) =>
      [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(q)].map((s) => s.segment);
    expect(split('某局')).toEqual(['某', '局']);
    expect(split('第二条')).toEqual(['第二', '条']);
    expect(pageWords(page)).toEqual([
      'script',
      'alert',
      '1',
      '引',
      '号',
      '单位',
      '某',
      '局', // 某局 of both members, once
      '第二',
      '条',
      'diertiao',
      'det',
      'tiao',
    ]);
    expect(html).toContain(
      '<body><p>script。alert。1。引。号。单位。某。局。第二。条。diertiao。det。tiao</p></body>',
    );
    expect(html).not.toContain('<script');
    expect(html).toMatch(/^<!doctype html><html lang="zh">/);
  });

  it('gives members (a hidden filter), one tag per filter value, and sort keys as escaped attributes Pagefind captures', () => {
    expect(html).toContain(
      `<meta data-pagefind-filter="m[content]" content="${escapeXml(membersValue(page.members))}">`,
    );
    expect(html).toContain('<meta data-pagefind-filter="结果[content]" content="合格">');
    expect(html).toContain('<meta data-pagefind-filter="结果[content]" content="不&lt;合格&gt;">');
    expect(html).toContain('<meta data-pagefind-sort="quarter[content]" content="2020-Q3">');
    expect(html.match(/<meta /g)).toHaveLength(4);
  });
});

describe('recordPath', () => {
  it('puts a record where Pagefind reads its URL back from', () => {
    expect(recordPath('/accounts/weixin-x-1a2b3c/')).toBe('accounts/weixin-x-1a2b3c/index.html');
    expect(recordPath('/websites/4400000001/')).toBe('websites/4400000001/index.html');
    expect(recordPath('/')).toBe('index.html');
  });

  it('refuses URLs that would be indexed under another address or outside the folder', () => {
    for (const url of ['/accounts/x', 'accounts/x/', '/a b/', '/../x/', '/a/../../x/', '/账号/', '/a?b/']) {
      expect(() => recordPath(url), url).toThrow(/网址/);
    }
  });
});

describe('scratch folder of the record files', () => {
  it('falls back to the temporary folder when /dev/shm has no room for the records', () => {
    expect(scratchBase(1e12)).toBe(tmpdir());
    expect(['/dev/shm', tmpdir()]).toContain(scratchBase(10));
  });

  it('names the folders of an indexing process by its pid, so the build can remove them when it stops it', () => {
    expect(scratchFolders(4242)).toContain(join(tmpdir(), 'search-records-4242'));
    expect(scratchFolders(4242).every((f) => f.endsWith('/search-records-4242'))).toBe(true);
  });
});
