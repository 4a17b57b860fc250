/** The RSS 2.0 feed of published bulletins: one item per quarter, corrections noted in the item. */
import type { Correction } from './bulletin.ts';

export interface FeedItem {
  title: string;
  /** Absolute URL; also the item's permanent guid. */
  link: string;
  /** `YYYY-MM-DD`: the publication date, or the date of issue when the former is unknown. */
  date: string;
  description: string;
  /** Each with what it changed in the data, when the history shows it (ledger.ts `readerChanges`). */
  corrections: (Correction & { changes?: string[] })[];
}

export interface Feed {
  title: string;
  /** Absolute URL of the site's home page. */
  link: string;
  /** Absolute URL of the feed itself. */
  self: string;
  description: string;
  items: FeedItem[];
}

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2020-10-26` → `Mon, 26 Oct 2020 00:00:00 +0800` (RFC 822, China Standard Time, as RSS 2.0 requires). */
export function rfc822(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${day} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} 00:00:00 +0800`;
}

/** The latest date an item was published or corrected. */
const lastChange = (item: FeedItem) => [item.date, ...item.corrections.map((c) => c.date)].sort().at(-1)!;

/** The feed as an RSS 2.0 document, newest item first. */
export function rss(feed: Feed): string {
  const items = [...feed.items].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const updated = items.map(lastChange).sort().at(-1);
  const el = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    el('title', feed.title),
    el('link', feed.link),
    `<atom:link href="${escapeXml(feed.self)}" rel="self" type="application/rss+xml"/>`,
    el('description', feed.description),
    el('language', 'zh-CN'),
    ...(updated ? [el('lastBuildDate', rfc822(updated))] : []),
    ...items.map((item) => {
      const corrections = item.corrections.map(
        (c) =>
          `更正（${c.date}）：${c.note}${c.changes?.length ? `\n改动的数据：${c.changes.join('；')}` : ''}`,
      );
      return [
        '<item>',
        el('title', item.title),
        el('link', item.link),
        `<guid isPermaLink="true">${escapeXml(item.link)}</guid>`,
        el('pubDate', rfc822(item.date)),
        el('description', [item.description, ...corrections].join('\n')),
        '</item>',
      ].join('');
    }),
    '</channel>',
    '</rss>',
  ];
  return `${lines.join('\n')}\n`;
}
