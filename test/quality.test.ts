/**
 * Quality gates on sites built from fixtures: valid HTML, no broken internal link or anchor, reproducible output.
 * The same gates on whatever data/ holds: data.test.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './support/build.ts';
import { brokenLinks, htmlPages, listFiles } from './support/dist.ts';
import { htmlProblems } from './support/gates.ts';

describe('built site quality (the basic and the four-quarter history fixtures)', () => {
  let fixture: ReturnType<typeof buildSite>;
  let history: ReturnType<typeof buildSite>;
  beforeAll(() => {
    fixture = buildSite('test/fixtures/basic');
    history = buildSite('test/fixtures/history');
    if (history.code !== 0) throw new Error(history.log);
    if (fixture.code !== 0) throw new Error(fixture.log);
  });

  it('every HTML page passes html-validate', async () => {
    expect(await htmlProblems(fixture.out)).toEqual([]);
    expect(await htmlProblems(history.out)).toEqual([]);
  });

  it('has no broken internal link or anchor', () => {
    expect(htmlPages(history.out).length).toBeGreaterThan(2);
    expect(brokenLinks(fixture.out)).toEqual([]);
    expect(brokenLinks(history.out)).toEqual([]);
  });

  it('builds byte-identical output from the same data', () => {
    // Four quarters: charts, trends and history pages as well as the bulletins.
    const again = buildSite('test/fixtures/history');
    const digest = (dir: string) =>
      Object.fromEntries(
        listFiles(dir).map((f) => [
          f.slice(dir.length),
          createHash('sha256').update(readFileSync(f)).digest('hex'),
        ]),
      );
    expect(digest(again.out)).toEqual(digest(history.out));
  });
});
