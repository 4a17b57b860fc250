/**
 * Adding a column is one edit to its table's definition: a fixture registry adds one to 附件1, and validation, the
 * record type, the data dictionary, the Table Schema and both downloads carry it without another change.
 */
import { describe, expect, it } from 'vitest';
import { WEBSITE_COLUMNS } from '../../src/lib/columns.ts';
import { dictionary, tableSchema } from '../../src/lib/datapackage.ts';
import { tableCsv, tableJson } from '../../src/lib/export.ts';
import { readTableFile } from '../../src/lib/load.ts';
import { defineTable, TABLE_KINDS, TABLES, type RecordOf } from '../../src/lib/tables.ts';
import { WEBSITES_HEADER } from '../support/fixtures.ts';

/** 附件1 as a city that also publishes who inspected each site might define it: the one edit. */
const EXTENDED = defineTable({
  ...TABLES.websites,
  columns: [
    ...WEBSITE_COLUMNS,
    {
      key: 'inspector',
      name: '检查人',
      type: 'text',
      required: false,
      description: '负责检查该网站的人员（虚构的列）。',
      gloss: 'inspector',
    },
  ],
});

const enc = (s: string) => new TextEncoder().encode(s);
const read = (csv: string) => readTableFile(EXTENDED, enc(csv), 'q/websites.csv');

describe('a column added to a table definition', () => {
  const result = read(
    `${WEBSITES_HEADER},检查人\n1,虚构甲网站,否,否,否,否,否,无,0,0,100,虚构张三\n2,虚构乙网站,否,否,否,否,否,无,0,0,100,\n`,
  );

  it('is read by validation into the record, with a derived type', () => {
    expect(result.findings.filter((f) => f.severity !== 'notice')).toEqual([]);
    const inspectors: (string | undefined)[] = result.records.map(
      (r: RecordOf<typeof EXTENDED>) => r.inspector,
    );
    expect(inspectors).toEqual(['虚构张三', undefined]);
    expect(result.columns.at(-1)).toMatchObject({ key: 'inspector', name: '检查人' });
    // A mistyped key does not compile (it used to render a blank cell): the fields are the columns.
    // @ts-expect-error not a column of the table
    expect(result.records[0]!.inspectr).toBeUndefined();
    // @ts-expect-error the name column must be one of the table's columns
    defineTable({ ...EXTENDED, nameColumn: 'inspectr' });
  });

  it('is an unknown column for the registry without it', () => {
    const plain = readTableFile(
      TABLES.websites,
      enc(`${WEBSITES_HEADER},检查人\n1,虚构甲网站,否,否,否,否,否,无,0,0,100,虚构张三\n`),
      'q/websites.csv',
    );
    expect(plain.findings.find((f) => f.severity === 'error')).toMatchObject({
      column: '检查人',
      gloss: 'unknown column',
    });
  });

  it('is in the data dictionary and the Table Schema', () => {
    expect(dictionary(EXTENDED).at(-1)).toMatchObject({
      name: '检查人',
      key: 'inspector',
      type: '文本',
      required: '可选列',
    });
    expect(tableSchema(EXTENDED, result.columns, false).fields.at(-1)).toMatchObject({
      name: '检查人',
      jsonKey: 'inspector',
      type: 'string',
    });
  });

  it('is in the CSV and JSON downloads', () => {
    const csv = tableCsv(result).split('\r\n');
    expect(csv[0]!.endsWith(',检查人')).toBe(true);
    expect(csv[1]!.endsWith(',虚构张三')).toBe(true);
    const json = JSON.parse(
      tableJson(EXTENDED, result, {
        id: 'x',
        label: 'x',
        title: 'x',
        issuer: 'x',
        issued: 'x',
        published: null,
        docNumber: null,
        indexNumber: null,
        url: 'x',
        corrections: [],
      }),
    );
    expect(json.columns.at(-1)).toEqual({ key: 'inspector', name: '检查人' });
    expect(json.records.map((r: { inspector: string | null }) => r.inspector)).toEqual(['虚构张三', null]);
  });
});

describe('the registry', () => {
  it('gives every table its own file, annex number, anchors and entity', () => {
    const defs = TABLE_KINDS.map((k) => TABLES[k]);
    for (const field of ['file', 'annex', 'rowAnchor'] as const)
      expect(new Set(defs.map((d) => d[field])).size, field).toBe(defs.length);
    expect(defs.map((d) => [d.file, d.annex, d.rowAnchor, d.entity])).toEqual([
      ['websites.csv', 1, 'website-', 'website'],
      ['new-media.csv', 2, 'account-', 'account'],
    ]);
    for (const d of defs)
      for (const key of [
        d.nameColumn,
        d.problemsColumn,
        d.unitColumn,
        ...d.fillDown,
        ...d.historyColumns,
        ...d.uniqueKeys.flat(),
      ]) {
        if (key !== undefined)
          expect(
            d.columns.some((c) => c.key === key),
            `${d.file} ${key}`,
          ).toBe(true);
      }
  });
});
