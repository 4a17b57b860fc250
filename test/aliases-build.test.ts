/** Renames registered in aliases.csv keep one page per website, account and unit, with both quarters on it. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { accountKey, accountSlug, unitKey, unitSlug, websiteKey, websiteSlug } from '../src/lib/identity.ts';
import { buildSite } from './support/build.ts';
import { brokenLinks } from './support/dist.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const pagesUnder = (dist: string, dir: string) =>
  readdirSync(join(dist, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'page')
    .map((d) => d.name);

describe('a build with renames in aliases.csv (test/fixtures/aliases)', () => {
  let site: ReturnType<typeof buildSite>;
  beforeAll(() => {
    site = buildSite('test/fixtures/aliases');
    if (site.code !== 0) throw new Error(site.log);
  });

  it('has one page per renamed website, account and unit, under the current name', () => {
    expect(pagesUnder(site.out, 'websites')).toHaveLength(2);
    expect(pagesUnder(site.out, 'accounts')).toHaveLength(2);
    expect(pagesUnder(site.out, 'units')).toHaveLength(2);
    expect(pagesUnder(site.out, 'websites')).toContain(
      websiteSlug(websiteKey({ name: '虚构甲区人民政府网站' })),
    );
    expect(pagesUnder(site.out, 'accounts')).toContain(
      accountSlug(accountKey({ platform: '微信', account: '虚构甲区政府发布' })),
    );
    expect(pagesUnder(site.out, 'units')).toContain(unitSlug(unitKey('虚构市政务服务和数据管理局')));
  });

  it("lists both quarters on the renamed unit's page, and links both quarters' annex rows to it", () => {
    const slug = unitSlug(unitKey('虚构市政务服务和数据管理局'));
    expect(text(site.page(`units/${slug}`))).toMatch(/2021年第二季度.*2021年第一季度/);
    for (const q of ['2021-q1', '2021-q2'])
      expect(site.page(`bulletins/${q}`)).toContain(`href="/units/${slug}/"`);
  });

  it('has no broken link or anchor', () => {
    expect(brokenLinks(site.out)).toEqual([]);
  });
});
