import { describe, expect, it } from 'vitest';
import {
  blocks,
  cleanText,
  excerpt,
  fold,
  highlight,
  parseFields,
  parseQuery,
  pinyinRanges,
  pinyinTargets,
  spelledValues,
  problemsWithQuarters,
  rank,
  substringDistance,
  suggestionProbes,
  suggestions,
  TIER,
  tierOf,
  type Candidate,
} from '../../src/lib/search-match.ts';

const site = (n: string, text: string, extra: Partial<Candidate['fields']> = {}): Candidate => ({
  type: '政府网站',
  text,
  fields: { n: [n], ...extra },
});
const account = (name: string, unit: string, text = `${name}。单位：${unit}。`): Candidate => ({
  type: '政务新媒体',
  text,
  fields: { n: [name, `${name}（微信）`], u: [unit] },
});
const bulletin = (title: string, body: string): Candidate => ({
  type: '通报',
  text: `${title} ${body}`,
  fields: { n: [title] },
});

describe('parseQuery', () => {
  it('splits terms, folds width and case, and tells pinyin and periods apart', () => {
    expect(parseQuery(' 潮州  ＡＰＰ ')).toEqual({ terms: ['潮州', 'app'], latin: false, period: false });
    expect(parseQuery('ChaoZhou').latin).toBe(true);
    for (const q of ['2020年第四季度', '2020年', '第三季度']) expect(parseQuery(q).period, q).toBe(true);
    for (const q of ['2020', '季度报告', '潮州2020年']) expect(parseQuery(q).period, q).toBe(false);
  });
});

describe('tierOf and rank: contiguous matches only, exact name first', () => {
  const police = account('平安某区', '某区公安分局');
  const anqu = site('某安区人民政府网站', '某安区人民政府网站。所属地区：某安区。');
  const china = site('中国某安政府网站', '中国某安政府网站。');
  const window = account('教育之窗', '某安区教育局');
  const lanmu = site(
    '某区公安分局网站',
    '某区公安分局网站。单项否决：栏目不更新。其他问题：网页标签不规范。',
    { p: [['栏目不更新', ['2021年第三季度']]] },
  );
  const shouye = site('某县人民政府网站', '某县人民政府网站。单项否决：首页不更新。', {
    p: [['首页不更新', ['2021年第四季度']]],
  });
  const report = bulletin('某市关于2021年第四季度检查情况的通报', '某安区要加强日常维护。');
  const all = [police, lanmu, report, window, china, shouye, anqu];

  it('drops a candidate whose text has the characters of the query only scattered', () => {
    expect(tierOf(police, parseQuery('某安'))).toBeUndefined(); // 某 … 安 of 某区公安分局
    expect(tierOf(lanmu, parseQuery('首页不更新'))).toBeUndefined(); // 不更新 of 栏目不更新
    expect(rank(all, parseQuery('首页不更新')).map((c) => c.fields.n[0])).toEqual(['某县人民政府网站']);
  });

  it('ranks exact name, name starting with, containing, unit, problem, then text', () => {
    expect(rank(all, parseQuery('某安')).map((c) => [c.fields.n[0], c.tier])).toEqual([
      ['某安区人民政府网站', TIER.nameStarts],
      ['中国某安政府网站', TIER.nameContains],
      ['教育之窗', TIER.unit],
      [report.fields.n[0], TIER.text],
    ]);
    expect(tierOf(anqu, parseQuery('某安区人民政府网站'))).toBe(TIER.exactName);
    expect(tierOf(police, parseQuery('平安某区（微信）'))).toBe(TIER.exactName);
    expect(tierOf(police, parseQuery('某区公安分局'))).toBe(TIER.unitExact);
    expect(tierOf(lanmu, parseQuery('栏目不更新'))).toBe(TIER.problem);
  });

  it('puts bulletins first for a period query, and requires every term', () => {
    expect(rank(all, parseQuery('2021年第四季度'))[0]?.tier).toBe(TIER.period);
    expect(rank(all, parseQuery('某安 教育')).map((c) => c.fields.n[0])).toEqual(['教育之窗']);
  });

  it('keeps the input order among matches when a sort was chosen', () => {
    expect(rank(all, parseQuery('某安'), true).map((c) => c.fields.n[0])).toEqual([
      report.fields.n[0],
      '教育之窗',
      '中国某安政府网站',
      '某安区人民政府网站',
    ]);
  });
});

describe('excerpts', () => {
  const text =
    '湘桥区人民政府公众信息网。单项否决：栏目不更新。其他问题：网页标签不规范；文件解读不规范。最近一期加分 16，扣分 12.5，总分 103.5。';

  it('highlight only whole occurrences of the query, never its characters', () => {
    expect(highlight('栏目不更新；首页不更新', ['首页不更新'])).toEqual([
      { text: '栏目不更新；', mark: false },
      { text: '首页不更新', mark: true },
    ]);
    expect(
      highlight('ＡＰＰ与app', ['app'])
        .filter((p) => p.mark)
        .map((p) => p.text),
    ).toEqual(['ＡＰＰ', 'app']);
  });

  it('are whole sentences: no stray leading 。, no phrase cut at a comma', () => {
    const parts = excerpt(text, ['文件解读不规范'], 'match');
    const out = parts.map((p) => p.text).join('');
    expect(out).toBe('其他问题：网页标签不规范；文件解读不规范。最近一期加分 16，扣分 12.5，总分 103.5。');
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['文件解读不规范']);
    expect(
      excerpt(text, [], 'first', 30)
        .map((p) => p.text)
        .join(''),
    ).toBe('湘桥区人民政府公众信息网。单项否决：栏目不更新。');
  });

  it('cut a long sentence only between clauses, and say so with …', () => {
    const long =
      '一是个别网站首页不更新。各地区、各部门要对照检查结果逐项整改，某安区要加强政府网站日常维护并按时报送整改情况，确保问题整改到位，不得拖延。';
    const out = excerpt(long, ['日常维护'], 'match', 40)
      .map((p) => p.text)
      .join('');
    expect(out).toBe('…某安区要加强政府网站日常维护并按时报送整改情况，确保问题整改到位，不得拖延。');
    const short = excerpt(long, ['日常维护'], 'match', 30)
      .map((p) => p.text)
      .join('');
    expect(short).toBe('…某安区要加强政府网站日常维护并按时报送整改情况…');
  });

  it('start a bulletin found by its title at its first full sentence, and keep to one block', () => {
    const body =
      '某市关于2021年第四季度检查情况的通报 各单位： 一、总体情况 此次抽查政府网站5个，合格率80%。 二、发现主要问题';
    expect(blocks(body)).toHaveLength(5);
    expect(
      excerpt(body, ['2021年第四季度'], 'body')
        .map((p) => p.text)
        .join(''),
    ).toBe('此次抽查政府网站5个，合格率80%。');
  });

  it('leave out what Pagefind and the indexer add to the text', () => {
    expect(cleanText('某县网站。结果：合格。 mouxianrenminzhengfu mxrmzf.', '政府网站')).toBe(
      '某县网站。结果：合格。',
    );
    expect(cleanText('通报正文，2020年10月26日.', '通报')).toBe('通报正文，2020年10月26日');
  });

  it('list the problems the query names with their quarters', () => {
    const fields = parseFields(
      JSON.stringify({
        n: ['x'],
        p: [
          ['首页不更新', ['2021年第三季度', '2021年第四季度']],
          ['栏目不更新', ['2021年第三季度']],
        ],
      }),
    );
    expect(problemsWithQuarters(fields, ['首页不更新'])).toEqual([
      '首页不更新（2021年第三季度、2021年第四季度）',
    ]);
    expect(parseFields('not json')).toEqual({ n: [] });
  });
});

describe('pinyin', () => {
  const syllables = 'zhong guo chao zhou zheng fu wang zhan';

  it('finds the characters a query spells in full, in initials, or mixed, the last syllable possibly unfinished', () => {
    expect(pinyinRanges('chaozhou', syllables)).toEqual([[2, 4]]);
    expect(pinyinRanges('czzf', syllables)).toEqual([[2, 6]]);
    expect(pinyinRanges('chaozh', syllables)).toEqual([[2, 4]]);
    expect(pinyinRanges('zhengf', syllables)).toEqual([[4, 6]]);
    expect(pinyinRanges('z', syllables)).toEqual([]);
    expect(pinyinRanges('zh', syllables)).toEqual([]);
  });

  it('turns a latin query into the Chinese strings it spells in the names found', () => {
    const fields = (y: [string, string][]) => ({ fields: { n: [], y } });
    const found = [
      fields([['潮州市卫生健康局', 'chao zhou shi wei sheng jian kang ju']]),
      fields([['中国潮州政府网站', syllables]]),
      fields([['潮州司法', 'chao zhou si fa']]),
    ];
    expect(pinyinTargets('chaozhou', found)).toEqual(['潮州']);
    expect(pinyinTargets('czs', found)).toEqual(['潮州市', '潮州司']);
    expect(pinyinTargets('潮州', found)).toEqual([]);
  });
});

describe('spelledValues', () => {
  const values: [string, string][] = [
    ['微信', 'wei xin'],
    ['新浪微博', 'xin lang wei bo'],
    ['潮安区', 'chao an qu'],
    ['政务新媒体', 'zheng wu xin mei ti'],
  ];
  it('gives the words of two characters or more a latin query spells in filter values, in full, as initials or unfinished', () => {
    expect(spelledValues('weixin', values)).toEqual(['微信']);
    expect(spelledValues('wx', values)).toEqual(['微信']);
    expect(spelledValues('WeiXin', values)).toEqual(['微信']);
    expect(spelledValues('weibo', values)).toEqual(['微博']);
    expect(spelledValues('xlwb', values)).toEqual(['新浪微博']);
    expect(spelledValues('chaoanq', values)).toEqual(['潮安区']);
    expect(spelledValues('zwxmt', values)).toEqual(['政务新媒体']);
  });
  it('gives none for one character, a word’s middle, a query of one letter, or characters', () => {
    expect(spelledValues('wei', values)).toEqual([]);
    expect(spelledValues('wux', values)).toEqual([]); // 务新: not a word of 政务新媒体
    expect(spelledValues('w', values)).toEqual([]);
    expect(spelledValues('微信', values)).toEqual([]);
  });
});

describe('suggestions', () => {
  const names = ['潮州市卫生健康局', '潮州卫生健康局', '潮州市公安局', '中国潮州政府网站'];

  it('offer the names one slip away, nearest first', () => {
    expect(suggestions('潮州市卫生建康局', names)[0]).toBe('潮州市卫生健康局');
    expect(suggestions('卫生建康局', names)).toEqual(['潮州卫生健康局', '潮州市卫生健康局']);
    expect(suggestions('完全无关的词', names)).toEqual([]);
  });

  it('measure a query against the closest part of a name', () => {
    expect(substringDistance('卫生建康', '潮州市卫生健康局')).toBe(1);
    expect(substringDistance('卫生健康', '潮州市卫生健康局')).toBe(0);
  });

  it('probe with the halves of the query, one of which survives a slip', () => {
    expect(suggestionProbes('潮州市卫生建康局')).toEqual(['潮州市卫', '生建康局']);
    expect(suggestionProbes('潮')).toEqual([]);
  });
});

describe('fold', () => {
  it('maps folded positions back to the original text', () => {
    const f = fold('Ａ潮州');
    expect(f.text).toBe('a潮州');
    expect(f.at).toEqual([0, 1, 2, 3]);
  });
});
