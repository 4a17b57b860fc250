import { describe, expect, it } from 'vitest';
import { parseBulletin } from '../../src/lib/bulletin.ts';
import { formatFinding } from '../../src/lib/findings.ts';

const HEAD = `---
title: （虚构）通报
issuer: （虚构）某市人民政府办公室
issued: 2021-04-20
disclosure: 主动公开`;
const errors = (frontmatter: string) =>
  parseBulletin(`${HEAD}\n${frontmatter}\n---\n正文\n`, 'b.mdx').findings.map(formatFinding);

describe('disclosure metadata and corrections', () => {
  it('reads 发布日期, 主题分类 and the corrections list', () => {
    const r = parseBulletin(
      `${HEAD}\npublished: 2021-04-22\ntopic: 综合政务/政务公开\ncorrections:\n  - date: 2021-05-10\n    note: 附件1第2行扣分更正\n---\n`,
      'b.mdx',
    );
    expect(r.findings).toEqual([]);
    expect(r.meta).toMatchObject({
      published: '2021-04-22',
      topic: '综合政务/政务公开',
      corrections: [{ date: '2021-05-10', note: '附件1第2行扣分更正' }],
    });
  });

  it('leaves them out when not given', () => {
    const r = parseBulletin(`${HEAD}\n---\n`, 'b.mdx');
    expect(r.meta!.published).toBeUndefined();
    expect(r.meta!.corrections).toBeUndefined();
  });

  it('locates a bad correction by file line, entry number and field', () => {
    expect(
      errors(
        'corrections:\n  - date: 2021-05-10\n    note: 好的\n  - date: 2021/05/11\n    note: 坏日期\n  - note: 缺日期',
      ),
    ).toEqual([
      'b.mdx:9: 错误：corrections（更正记录）第 2 条 date（更正日期） “2021/05/11”：应为日期，格式 YYYY-MM-DD（invalid correction date）',
      'b.mdx:11: 错误：corrections（更正记录）第 3 条 date（更正日期）：必填；应为日期，格式 YYYY-MM-DD（invalid correction date）',
    ]);
    expect(errors('corrections:\n  - date: 2021-05-10\n    note: 好的\n    by: 某人')).toEqual([
      'b.mdx:9: 错误：corrections（更正记录）第 1 条 by：不认识的字段；每条只能有 date、note（unknown correction field）',
    ]);
    expect(errors('corrections:\n  - 2021-05-10 改了')).toEqual([
      'b.mdx:7: 错误：corrections（更正记录）第 1 条：应为两项：date（更正日期）和 note（更正内容）（correction must have date and note）',
    ]);
    expect(errors('published: 2021年4月22日')).toEqual([
      'b.mdx:6: 错误：published（发布日期） “2021年4月22日”：应为在网站上公开发布的日期，格式 YYYY-MM-DD；不知道时不填（invalid published）',
    ]);
  });
});

describe('dates', () => {
  it('refuses an impossible date instead of rolling it over to the next month', () => {
    expect(errors('published: 2021-02-30')).toEqual([
      'b.mdx:6: 错误：published（发布日期） “2021-02-30”：应为在网站上公开发布的日期，格式 YYYY-MM-DD；不知道时不填（invalid published）',
    ]);
    expect(errors('corrections:\n  - date: 2021-13-01\n    note: 月份错')).toEqual([
      'b.mdx:7: 错误：corrections（更正记录）第 1 条 date（更正日期） “2021-13-01”：应为日期，格式 YYYY-MM-DD（invalid correction date）',
    ]);
  });
});
