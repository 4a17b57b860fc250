/**
 * Rows written as HTML strings (annex tables, entity pages' 各季度检查情况): hostile cells stay text, and the escaping is
 * Astro's own, character for character.
 */
import { addAttribute, escapeHTML } from 'astro/runtime/server/index.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annexRowsHtml } from '../../src/lib/annex-rows.ts';
import { escapeAttr, escapeText } from '../../src/lib/html.ts';
import { latestResultHtml, problemListHtml, quarterRowsHtml } from '../../src/lib/record-rows.ts';
import { loadDataDir } from '../../src/node/load.ts';

const { quarters } = loadDataDir('test/fixtures/hostile');
const quarter = quarters.find((q) => q.id === '2021-Q1')!;
const rowsHtml = (kind: 'websites' | 'newMedia') => {
  const table = quarter.tables[kind]!;
  return annexRowsHtml(kind, table.columns, table.records, (path) => `/sub${path}`);
};

describe('escaping', () => {
  it('escapes text and attribute values exactly as Astro does', () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.stringMatching(/^[<>&'"a=\s/]*$/),
      fc.constantFrom(`<script>alert('x')</script>`, `" onerror="x`, '&amp;', '\'&"<>'),
    );
    fc.assert(
      fc.property(hostile, (s) => {
        expect(escapeText(s)).toBe(escapeHTML(s));
        // (Astro writes an empty value as a bare attribute; the rows never link to an empty address.)
        if (s) expect(` href="${escapeAttr(s)}"`).toBe(String(addAttribute(s, 'href')));
      }),
    );
  });
});

describe('annex rows (test/fixtures/hostile)', () => {
  const websites = rowsHtml('websites');
  const newMedia = rowsHtml('newMedia');

  it('writes only its own tags: every < in a cell is an entity', () => {
    for (const html of [websites, newMedia]) {
      expect(html.replace(/<\/?(tr|td|th|a)( [^<>]*)?>/g, '')).not.toMatch(/[<>]/);
      // Every attribute value is closed before the tag ends: no quote of a cell opens a new attribute.
      for (const tag of html.match(/<(tr|td|th|a) [^>]*>/g)!)
        expect(tag, tag).toMatch(/^<\w+( [a-z]+="[^"]*")+>$/);
    }
  });

  it('shows markup in cells as text, links names, units and addresses under the base path', () => {
    expect(websites).toContain(
      `<tr id="website-1"><td class="col-seq num">1</td><th scope="row" class="col-name"><a href="/sub/websites/`,
    );
    expect(websites).toContain(`&lt;script&gt;window.__pwned=&#39;name&#39;&lt;/script&gt;虚构网站</a></th>`);
    expect(websites).toContain(
      `<td class="col-url"><a href="https://example.org/?q=%3Cscript%3E&amp;x='y'" rel="external nofollow noopener">https://example.org/?q=%3Cscript%3E&amp;x=&#39;y&#39;</a></td>`,
    );
    expect(websites).toContain('<td class="col-columnsStale flag-yes">是</td>');
    expect(websites).toContain('<td class="col-deduction num">1</td>');
    expect(websites).toContain('虚构乙网站 &amp; 丙');
    expect(websites).toContain('<td class="col-otherProblems">=HYPERLINK(&quot;http://x&quot;)</td>');
    expect(newMedia).toMatch(
      /<td class="col-unit"><a href="\/sub\/units\/[^"]+\/">&lt;\/td&gt;&lt;\/tr&gt;&lt;\/table&gt;&lt;script&gt;/,
    );
    expect(newMedia).toContain('<td class="col-result fail">不合格</td>');
    expect(newMedia.match(/<tr /g)).toHaveLength(2);
  });
});

describe('entity record rows', () => {
  const quarter = {
    id: '2021-Q1',
    slug: '2021-q1',
    label: '2021年第一季度',
    year: 2021,
    quarter: 1 as const,
    index: 0,
  };

  it('lists problems as text, marking those found in consecutive quarters', () => {
    expect(
      problemListHtml([
        { key: 'flag:x', label: '首页不更新', kind: 'flag', run: 1 },
        { key: 'problem:y', label: `<img src=x onerror="alert('y')">`, kind: 'problem', run: 3 },
      ]),
    ).toBe(
      '<ul class="problems"><li class="flag">首页不更新</li>' +
        '<li class="problem repeat">&lt;img src=x onerror=&quot;alert(&#39;y&#39;)&quot;&gt;' +
        '<strong class="repeat-badge">连续 3 个季度</strong></li></ul>',
    );
    expect(problemListHtml([])).toBe('<span class="problems-none">无</span>');
  });

  it('heads each row with its quarter, linked, before the cells given', () => {
    expect(
      quarterRowsHtml(
        [{ quarter }],
        () => '/b/?a=1&b="2"',
        () => '<td>x</td>',
      ),
    ).toBe(
      '<tr id="q-2021-q1"><th scope="row"><a href="/b/?a=1&amp;b=&quot;2&quot;">2021年第一季度</a></th><td>x</td></tr>',
    );
  });

  it('gives the latest result of an account, with its quarter', () => {
    const entry = (result: string, label: string) => ({ quarter: { ...quarter, label }, record: { result } });
    expect(latestResultHtml({ entries: [entry('合格', '甲'), entry('不合格', '乙')] } as never)).toBe(
      '<td class="latest fail">不合格（乙）</td>',
    );
    expect(latestResultHtml({ entries: [entry('合格', '<b>')] } as never)).toBe(
      '<td class="latest pass">合格（&lt;b&gt;）</td>',
    );
  });
});
