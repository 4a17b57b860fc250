/** Quality gates on built sites: valid HTML, no broken internal link or anchor, reproducible output. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './support/build.ts';
import { brokenLinks, htmlPages, listFiles } from './support/dist.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Chinese punctuation and long official titles are legitimate content.
    'long-title': 'off',
    'no-trailing-whitespace': 'off',
    // A wide table's scroll box (TableScroll.astro) is a labelled div[role=region], not a <section>: a section wants a
    // heading (W3C Nu checker), and the box has a name but no heading of its own.
    'prefer-native-element': ['error', { exclude: ['region'] }],
  },
});

describe('built site quality (real data, the basic and the four-quarter history fixtures)', () => {
  let real: ReturnType<typeof buildSite>;
  let fixture: ReturnType<typeof buildSite>;
  let history: ReturnType<typeof buildSite>;
  beforeAll(() => {
    real = buildSite('data');
    fixture = buildSite('test/fixtures/basic');
    history = buildSite('test/fixtures/history');
    if (history.code !== 0) throw new Error(history.log);
    if (real.code !== 0) throw new Error(real.log);
    if (fixture.code !== 0) throw new Error(fixture.log);
  });

  it('every HTML page passes html-validate', async () => {
    const problems: string[] = [];
    for (const site of [real, fixture, history]) {
      for (const page of htmlPages(site.out)) {
        const report = await validator.validateString(readFileSync(join(site.out, page), 'utf8'), page);
        for (const r of report.results) for (const m of r.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no broken internal link or anchor', () => {
    expect(htmlPages(real.out).length).toBeGreaterThan(2);
    expect(brokenLinks(real.out)).toEqual([]);
    expect(brokenLinks(fixture.out)).toEqual([]);
    expect(brokenLinks(history.out)).toEqual([]);
  });

  it('builds byte-identical output from the same data', () => {
    const again = buildSite('data');
    const digest = (dir: string) =>
      Object.fromEntries(listFiles(dir).map((f) => [f.slice(dir.length), createHash('sha256').update(readFileSync(f)).digest('hex')]));
    expect(digest(again.out)).toEqual(digest(real.out));
  });
});
