/** The explanations (src/lib/glossary.ts), header wrapping (src/lib/wrap.ts) and the phone cards' column names (global.css). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { vetoedButScored } from '../../src/lib/glossary.ts';
import { TABLES } from '../../src/lib/tables.ts';
import { headerParts } from '../../src/lib/wrap.ts';

const site = (
  flags: Partial<
    Record<
      'homepageStale' | 'columnsStale' | 'poorInteraction' | 'servicesUnusable' | 'seriousIncident',
      boolean
    >
  >,
  total: number,
  result?: '合格' | '不合格',
) => ({
  homepageStale: false,
  columnsStale: false,
  poorInteraction: false,
  servicesUnusable: false,
  seriousIncident: false,
  ...flags,
  total,
  ...(result ? { result } : {}),
});

describe('vetoedButScored: where a bulletin scored a site despite a single-veto item', () => {
  it('counts the sites with a veto item the bulletin did not publish as 不合格, by item, with their score range', () => {
    expect(
      vetoedButScored([
        site({ columnsStale: true }, 109),
        site({}, 100),
        site({ columnsStale: true, homepageStale: true }, 96),
        site({ seriousIncident: true }, 50, '不合格'),
      ]),
    ).toEqual({
      count: 2,
      flags: [
        { name: '首页不更新', count: 1 },
        { name: '栏目不更新', count: 2 },
      ],
      min: 96,
      max: 109,
      passed: 0,
    });
  });
  it('says how many of them the bulletin called 合格', () => {
    expect(vetoedButScored([site({ poorInteraction: true }, 90, '合格')])).toMatchObject({
      count: 1,
      passed: 1,
    });
  });
  it('is undefined when every flagged site is 不合格, or none is flagged', () => {
    expect(vetoedButScored([site({ columnsStale: true }, 90, '不合格'), site({}, 100)])).toBeUndefined();
    expect(vetoedButScored([])).toBeUndefined();
  });
});

describe('headerParts: where a table header may wrap', () => {
  it('keeps short headers whole and breaks long ones between words, after punctuation, never inside a word', () => {
    expect(headerParts('首页不更新')).toEqual(['首页不更新']);
    expect(headerParts('网站标识码')).toEqual(['网站标识码']);
    expect(headerParts('安全、泄密事故等严重问题')).toEqual(['安全、', '泄密事故等', '严重问题']);
  });
  it('loses no character', () => {
    for (const def of Object.values(TABLES))
      for (const c of def.columns) expect(headerParts(c.name).join('')).toBe(c.name);
  });
});

describe('the cards on phones', () => {
  it('label every cell with its column name as src/lib/columns.ts has it (global.css)', () => {
    const css = readFileSync('src/styles/global.css', 'utf8');
    const labels = new Map(
      [...css.matchAll(/td\.col-(\w+)::before \{\s*content: '([^']*)'/g)].map((m) => [
        m[1]!,
        m[2]!.replace(/[： ]$/, ''),
      ]),
    );
    const missing: string[] = [];
    for (const def of Object.values(TABLES)) {
      for (const c of def.columns) {
        // The row's name is its header (a th): the card's title, no label.
        if (c.key === def.nameColumn) continue;
        if (c.key === 'seq') continue;
        if (labels.get(c.key) !== c.name)
          missing.push(`${def.file} ${c.key} “${c.name}”: card label ${labels.get(c.key) ?? 'missing'}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
