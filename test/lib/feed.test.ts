import { describe, expect, it } from 'vitest';
import { escapeXml, rfc822, rss } from '../../src/lib/feed.ts';

describe('RSS feed', () => {
  it('writes RFC 822 dates in China Standard Time', () => {
    expect(rfc822('2020-10-26')).toBe('Mon, 26 Oct 2020 00:00:00 +0800');
    expect(rfc822('2021-04-02')).toBe('Fri, 02 Apr 2021 00:00:00 +0800');
  });

  it('escapes markup characters', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });

  it('lists items newest first with permanent links, dates and corrections', () => {
    const xml = rss({
      title: '通报',
      link: 'https://x.gov.cn/sub/',
      self: 'https://x.gov.cn/sub/rss.xml',
      description: '说明',
      items: [
        {
          title: '第一季度 <虚构>',
          link: 'https://x.gov.cn/sub/bulletins/2021-q1/',
          date: '2021-04-22',
          description: '甲 & 乙',
          corrections: [{ date: '2021-05-10', note: '改了扣分' }],
        },
        {
          title: '第二季度',
          link: 'https://x.gov.cn/sub/bulletins/2021-q2/',
          date: '2021-07-20',
          description: '丙',
          corrections: [],
        },
      ],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"')).toBe(true);
    const items = xml.split('<item>').slice(1);
    expect(items[0]).toContain('<title>第二季度</title>');
    expect(items[1]).toContain('<title>第一季度 &lt;虚构&gt;</title>');
    expect(items[1]).toContain('<guid isPermaLink="true">https://x.gov.cn/sub/bulletins/2021-q1/</guid>');
    expect(items[1]).toContain('<pubDate>Thu, 22 Apr 2021 00:00:00 +0800</pubDate>');
    expect(items[1]).toContain('<description>甲 &amp; 乙\n更正（2021-05-10）：改了扣分</description>');
    expect(xml).toContain('<lastBuildDate>Tue, 20 Jul 2021 00:00:00 +0800</lastBuildDate>');
  });

  it('dates the channel by the latest correction when that is newest', () => {
    const xml = rss({
      title: 't',
      link: 'l',
      self: 's',
      description: 'd',
      items: [
        {
          title: 'a',
          link: 'l',
          date: '2021-04-22',
          description: '',
          corrections: [{ date: '2021-09-01', note: 'n' }],
        },
      ],
    });
    expect(xml).toContain('<lastBuildDate>Wed, 01 Sep 2021 00:00:00 +0800</lastBuildDate>');
  });
});
