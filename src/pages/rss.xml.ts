/** /rss.xml: an RSS 2.0 item per published bulletin, with its corrections. */
import type { APIRoute } from 'astro';
import { rss } from '../lib/feed';
import { inspectedText } from '../lib/figures';
import { formatDate } from '../lib/format';
import { SITE_DESCRIPTION, absoluteUrl } from '../site';
import { paths } from '../lib/routes';
import { readerChanges } from '../lib/ledger';
import { publishedQuarters, quarterLedger, siteName } from '../utils/dataset';

export const GET: APIRoute = async () => {
  const quarters = await publishedQuarters();
  const body = rss({
    title: siteName(),
    link: absoluteUrl('/'),
    self: absoluteUrl(paths.feed),
    description: SITE_DESCRIPTION,
    items: quarters.map((q) => ({
      title: q.meta.title,
      link: absoluteUrl(paths.bulletin(q)),
      date: q.meta.published ?? q.meta.issued,
      description: `${q.meta.issuer}，${formatDate(q.meta.issued)}。${inspectedText(q.stats)}。`,
      corrections: (q.meta.corrections ?? []).map((c, i) => {
        const version = quarterLedger(q.id)?.versions.find((v) => v.correction === i);
        return version ? { ...c, changes: readerChanges(version.changes) } : c;
      }),
    })),
  });
  return new Response(body, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
};
