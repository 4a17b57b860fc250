import { describe, expect, it } from 'vitest';
import { sitemapFiles, sitemapUrls } from '../../src/integrations/sitemap.ts';

describe('sitemapUrls', () => {
  it('makes absolute URLs under site and base, leaves out the 404 page, and sorts numbers as numbers', () => {
    const urls = sitemapUrls(
      ['', 'websites/10/', '404/', 'websites/9/', 'accounts/', '/bulletins/2020-q3/'],
      'https://example.gov.cn',
      '/report',
    );
    expect(urls).toEqual([
      'https://example.gov.cn/report/',
      'https://example.gov.cn/report/accounts/',
      'https://example.gov.cn/report/bulletins/2020-q3/',
      'https://example.gov.cn/report/websites/9/',
      'https://example.gov.cn/report/websites/10/',
    ]);
  });
});

describe('sitemapFiles', () => {
  it('splits at 45,000 URLs a file and lists every file in the index', () => {
    const urls = Array.from({ length: 90_001 }, (_, i) => `https://example.gov.cn/p/${i}/`);
    const files = sitemapFiles(urls, 'https://example.gov.cn/');
    expect([...files.keys()]).toEqual([
      'sitemap-0.xml',
      'sitemap-1.xml',
      'sitemap-2.xml',
      'sitemap-index.xml',
    ]);
    const counts = ['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml'].map(
      (name) => files.get(name)!.match(/<loc>/g)!.length,
    );
    expect(counts).toEqual([45_000, 45_000, 1]);
    expect(files.get('sitemap-2.xml')).toContain('<loc>https://example.gov.cn/p/90000/</loc>');
    const index = files.get('sitemap-index.xml')!;
    expect(index.match(/<loc>[^<]+<\/loc>/g)).toEqual(
      ['sitemap-0.xml', 'sitemap-1.xml', 'sitemap-2.xml'].map(
        (n) => `<loc>https://example.gov.cn/${n}</loc>`,
      ),
    );
  });

  it('writes one sitemap file even for a site of one page, and escapes URLs', () => {
    const files = sitemapFiles(['https://example.gov.cn/?a=1&b=2'], 'https://example.gov.cn/');
    expect(files.get('sitemap-0.xml')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.gov.cn/?a=1&amp;b=2</loc></url></urlset>',
    );
  });
});
