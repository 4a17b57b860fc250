/**
 * Property-based robustness: whatever bytes staff put in a quarter folder, reading never throws, never hangs,
 * and gives either records or at least one located error.
 */
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TableKind } from '../../src/lib/tables.ts';
import { formatFinding, type Finding } from '../../src/lib/findings.ts';
import { loadQuarter } from '../../src/node/load.ts';
import { readTableBytes } from '../../src/lib/load.ts';
import { parseQuarterId } from '../../src/lib/quarter.ts';
import { BULLETIN, readSeed, tempDir } from '../support/fixtures.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Each input must be read within this many milliseconds (the real files take well under one). */
const TIME_LIMIT_MS = 500;

/** The contract: no throw, quick, and records or a located error; every error names its file. */
function checkTable(kind: TableKind, bytes: Uint8Array): void {
  const file = `q/${kind}.csv`;
  const start = performance.now();
  const result = readTableBytes(kind, bytes, file);
  expect(performance.now() - start).toBeLessThan(TIME_LIMIT_MS);
  checkFindings(result.findings, file);
  const errors = result.findings.filter((f) => f.severity === 'error');
  expect(result.records.length > 0 || errors.length > 0).toBe(true);
}

/** Errors about a whole file, which have no line; every other error must carry one. */
const FILE_LEVEL = new Set([
  'empty file',
  'binary file',
  'unknown-encoding file',
  'no header row',
  'no data rows',
  'missing file',
  'bulletin.mdx must be UTF-8 text',
]);

function checkFindings(findings: Finding[], file?: string): void {
  for (const f of findings) {
    expect(typeof f.file).toBe('string');
    if (file) expect(f.file).toBe(file);
    expect(f.message.length).toBeGreaterThan(0);
    if (f.line !== undefined) expect(Number.isInteger(f.line) && f.line >= 1).toBe(true);
    else if (f.severity === 'error' && f.file.endsWith('.csv'))
      expect(FILE_LEVEL, formatFinding(f)).toContain(f.gloss);
  }
}

const seedRows = (name: string) => readSeed(name).trimEnd().split('\n');
const WEBSITE_LINES = seedRows('websites.csv');
const ACCOUNT_LINES = seedRows('new-media.csv');

/** One edit to a real table's text: change a cell, drop or add a delimiter, quote, line break, or control character. */
const mutation = fc.oneof(
  fc.record({
    op: fc.constant('cell' as const),
    row: fc.nat(),
    cell: fc.nat(),
    value: fc.oneof(
      fc.string(),
      fc.constantFrom(
        '',
        '是',
        '否',
        'Y',
        '９．５',
        '-1',
        '1e3',
        '"',
        '""',
        '加分：1 扣分：2 总分：99',
        '\u3000',
        'NaN',
      ),
    ),
  }),
  fc.record({
    op: fc.constantFrom('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(',', '"', '\n', '\r', '\t', '\r\n', '""', '\u0000', '\ufeff', '，'),
  }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('duplicateRow' as const), row: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(lines: string[], edits: Mutation[]): string {
  const rows = lines.map((l) => l.split(','));
  for (const edit of edits) {
    if (edit.op === 'cell') {
      const row = rows[edit.row % rows.length]!;
      row[edit.cell % row.length] = edit.value;
    } else if (edit.op === 'duplicateRow') {
      rows.splice(edit.row % rows.length, 0, [...rows[edit.row % rows.length]!]);
    }
  }
  let text = `${rows.map((r) => r.join(',')).join('\n')}\n`;
  for (const edit of edits) {
    if (edit.op === 'insert') {
      const at = edit.at % (text.length + 1);
      text = text.slice(0, at) + edit.text + text.slice(at);
    } else if (edit.op === 'delete') {
      const at = edit.at % (text.length + 1);
      text = text.slice(0, at) + text.slice(at + edit.length);
    }
  }
  return text;
}

const kinds = fc.constantFrom<TableKind>('websites', 'newMedia');

describe('robustness (fast-check)', () => {
  it('arbitrary bytes', () => {
    fc.assert(
      fc.property(kinds, fc.uint8Array({ maxLength: 400 }), (kind, bytes) => checkTable(kind, bytes)),
      { numRuns: 300 },
    );
  });

  it('arbitrary CSV-ish text, in UTF-8 and UTF-16', () => {
    const csvChar = fc.constantFrom(
      ',',
      '"',
      '\n',
      '\r',
      '\t',
      ' ',
      '\u3000',
      '序号',
      '网站名称',
      '是',
      '否',
      '1',
      '９',
      '．',
      'a',
      '加分：',
      '得分情况',
      '',
    );
    const text = fc.array(csvChar, { maxLength: 200 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(kinds, text, fc.boolean(), (kind, t, utf16) => {
        const bytes = utf16
          ? new Uint8Array([
              0xff,
              0xfe,
              ...new Uint8Array(new Uint16Array([...t].map((c) => c.charCodeAt(0))).buffer),
            ])
          : utf8(t);
        checkTable(kind, bytes);
      }),
      { numRuns: 300 },
    );
  });

  it('mutated real rows of 2020-Q3', () => {
    fc.assert(
      fc.property(kinds, fc.array(mutation, { minLength: 1, maxLength: 6 }), (kind, edits) => {
        checkTable(kind, utf8(mutate(kind === 'websites' ? WEBSITE_LINES : ACCOUNT_LINES, edits)));
      }),
      { numRuns: 300 },
    );
  });

  it('whole quarter folders with mutated files: loadQuarter never throws and gives a quarter or a located error', () => {
    const root = tempDir();
    const id = parseQuarterId('2021-Q1')!;
    let n = 0;
    fc.assert(
      fc.property(
        fc.array(mutation, { maxLength: 4 }),
        fc.array(mutation, { maxLength: 4 }),
        fc.array(mutation, { maxLength: 3 }),
        (w, m, b) => {
          const dir = join(root, String(n++));
          mkdirSync(dir);
          writeFileSync(join(dir, 'websites.csv'), mutate(WEBSITE_LINES, w));
          writeFileSync(join(dir, 'new-media.csv'), mutate(ACCOUNT_LINES, m));
          writeFileSync(
            join(dir, 'bulletin.mdx'),
            b.length === 0 ? BULLETIN.replace(/Total: \d+/g, 'Total: 99') : mutate(BULLETIN.split('\n'), b),
          );
          const start = performance.now();
          const { quarter, findings } = loadQuarter(dir, id);
          expect(performance.now() - start).toBeLessThan(TIME_LIMIT_MS);
          checkFindings(findings);
          const errors = findings.filter((f) => f.severity === 'error');
          expect(quarter !== undefined || errors.length > 0).toBe(true);
          for (const f of errors) expect(f.file.startsWith(dir)).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });
});
