/**
 * The figures explained where they appear (“怎么看”), on the real 2020-Q3 (frozen seed: five sites with 栏目不更新 = 是
 * still scored 96–109) and the four invented quarters (where a flagged site is published as 不合格): the note says
 * what the bulletin did, never a verdict it did not give, and the home page's figures cannot be read against the text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './support/build.ts';
import { SEED_DATA } from './support/fixtures.ts';

/** Visible text of an HTML fragment without tags or any whitespace (a link inside a sentence leaves no gap). */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, '')
    .replace(/\s+/g, '');
/** A sentence as text() reads it. */
const says = (sentence: string) => sentence.replace(/\s+/g, '');
/** ids declared in a page. */
const idsOf = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
/** The element with this id, up to its closing tag (enough for these fragments). */
const part = (html: string, start: string, end: string) =>
  html.slice(html.indexOf(start), html.indexOf(end, html.indexOf(start)));

describe('explanations on the real 2020-Q3 (seed)', () => {
  let site: ReturnType<typeof buildSite>;
  beforeAll(() => {
    site = buildSite(SEED_DATA);
    if (site.code !== 0) throw new Error(site.log);
  });

  it('explains 附件1 beside it: 总分, the bonus rule, the veto items and 合格, and says plainly that the bulletin scored five flagged sites', () => {
    const guide = text(part(site.page('bulletins/2020-q3'), 'id="annex-1"', '<table'));
    expect(guide).toContain(says('附件1 怎么看附件1'));
    expect(guide).toContain(
      says('总分 = 100 + 加分 − 扣分。加分最多 30 分，只有 100 − 扣分 高于 80 分时才计入'),
    );
    expect(guide).toContain(
      says(
        '按国家检查指标（国办秘函〔2019〕19号），有一项为“是”即为不合格，不再计分。没有单项否决项的网站，100 − 扣分 低于 60 分为不合格。',
      ),
    );
    expect(guide).toContain(
      says(
        '本期有 5 个网站的单项否决项为“是”（栏目不更新 5 个），通报仍给出了总分（96–109 分），与检查指标的做法不同。',
      ),
    );
    expect(guide).toContain(
      says('本站照通报原文公布表格和分数，不作改动。本站不替通报判定这些网站是否合格。'),
    );
    // Each veto item's meaning, without script.
    expect(guide).toContain(says('各单项否决项是什么意思 首页不更新 首页连续 2 周没有新内容。 栏目不更新'));
    // Never a verdict the bulletin did not give.
    expect(guide).not.toMatch(/\d+个网站(应)?为?不合格/);
  });

  it('explains 附件2: 结果 as published and the new-media veto items', () => {
    const guide = text(part(site.page('bulletins/2020-q3'), 'id="annex-2"', '<table'));
    expect(guide).toContain(says('怎么看附件2'));
    expect(guide).toContain(
      says(
        '账号有下列单项否决项中的任何一项，即为不合格：安全、泄密事故等严重问题、内容不更新、互动回应差。',
      ),
    );
  });

  it('phrases the home page figures so that they cannot be read against the text, and links the note', () => {
    const html = site.page('');
    const figures = text(part(html, 'class="key-figures"', '</section>'));
    expect(figures).toContain(
      says('单项否决项为“是”的网站 5 个 栏目不更新 5 个；通报仍给出了分数，见怎么看'),
    );
    expect(figures).toContain(says('网站平均得分 103.93 最低 96，最高 115.5；按通报的总分计算'));
    expect(figures).toContain(says('怎么看： 总分 = 100 + 加分 − 扣分。'));
    expect(figures).toContain(
      says('本期有 5 个网站的单项否决项为“是”，通报仍给它们打了分（96–109 分），平均得分也包括这些分数。'),
    );
    expect(figures).not.toContain(says('存在单项否决项的网站'));
    expect(html).toContain('<a href="#figures-guide">见怎么看</a>');
    expect(idsOf(html)).toContain('figures-guide');
    // The bulletin's summary has the same cards and note.
    expect(text(site.page('bulletins/2020-q3'))).toContain(says('通报仍给它们打了分（96–109 分）'));
  });

  it("explains a website's scores on its page", () => {
    const t = text(site.page('websites/zhong-guo-chao-zhou-zheng-fu-wang-zhan-623a5e'));
    expect(t).toContain(says('总分 = 100 + 加分 − 扣分。加分只在 100 − 扣分 高于 80 分时计入。'));
  });

  it('has a glossary (名词解释) linked from every page footer, with an anchor for each term the notes link to', () => {
    const glossary = site.page('glossary');
    const t = text(glossary);
    for (const term of [
      '总分、加分、扣分',
      '单项否决项',
      '合格与不合格',
      '通报的分数与检查指标不一致时',
      '抽查率',
      '国办秘函〔2019〕19号',
    ])
      expect(t).toContain(says(term));
    for (const flag of [
      '首页不更新：首页连续 2 周没有新内容。',
      '站点无法访问',
      '内容不更新：账号连续 2 周没有发布新内容。',
    ])
      expect(t).toContain(says(flag));
    const ids = idsOf(glossary);
    for (const page of ['', 'bulletins/2020-q3', 'websites/zhong-guo-chao-zhou-zheng-fu-wang-zhan-623a5e']) {
      const html = site.page(page);
      expect(html, page).toMatch(/<footer[\s\S]*<a href="\/glossary\/">名词解释<\/a>/);
      for (const [, id] of html.matchAll(/href="\/glossary\/#([\w-]+)"/g))
        expect(ids, `${page} → #${id}`).toContain(id);
    }
  });
});

describe('explanations on the four invented quarters (history)', () => {
  let site: ReturnType<typeof buildSite>;
  beforeAll(() => {
    site = buildSite('test/fixtures/history');
    if (site.code !== 0) throw new Error(site.log);
  });

  it('says nothing about scoring despite a flag when the bulletin published every flagged site as 不合格', () => {
    // 2021-Q1: 虚构甲区 has 栏目不更新 = 是 and 结果 不合格, as the rules say.
    const html = site.page('bulletins/2021-q1');
    expect(text(html)).toContain(says('怎么看附件1'));
    expect(text(html)).not.toContain(says('通报仍给出了总分'));
    expect(text(html)).not.toContain(says('通报仍给出了分数'));
  });
});
