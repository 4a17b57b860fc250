import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countCommon, decodeSet, encodeSet, filterSetFiles, setName } from '../../src/lib/search-sets.ts';

/** A size and an ascending set of record numbers below it, of any density. */
const sets = fc
  .integer({ min: 0, max: 300 })
  .chain((size) =>
    fc.tuple(
      fc.constant(size),
      fc.oneof(
        fc.uniqueArray(fc.integer({ min: 0, max: Math.max(size - 1, 0) }), { maxLength: size }),
        // dense: all but a few
        fc
          .uniqueArray(fc.integer({ min: 0, max: Math.max(size - 1, 0) }), { maxLength: 5 })
          .map((gone) => Array.from({ length: size }, (_, i) => i).filter((i) => !gone.includes(i))),
      ),
    ),
  )
  .map(([size, members]) => ({ size, members: size === 0 ? [] : [...members].sort((a, b) => a - b) }));

const membersOf = (words: Uint32Array, size: number) =>
  Array.from({ length: size }, (_, i) => i).filter((i) => (words[i >> 5]! >>> (i & 31)) & 1);

describe('encodeSet and decodeSet', () => {
  it('give back exactly the members, in whichever form is smallest', () => {
    fc.assert(
      fc.property(sets, ({ size, members }) => {
        const bytes = encodeSet(members, size);
        const set = decodeSet(bytes)!;
        expect(set.size).toBe(size);
        expect(membersOf(set.words, size)).toEqual(members);
        // No bit is set beyond the records (a complement must not count the last word's spare bits).
        expect(countCommon([set])).toBe(members.length);
        expect(bytes.length).toBeLessThanOrEqual(1 + 2 + Math.ceil(size / 8));
      }),
    );
  });

  it('keeps a few members of many records small, and most of them too', () => {
    const size = 186_000;
    const few = Array.from({ length: 1500 }, (_, i) => i * 124);
    expect(encodeSet(few, size).length).toBeLessThan(3000);
    const most = Array.from({ length: size }, (_, i) => i).filter((i) => i % 100 !== 0);
    expect(encodeSet(most, size).length).toBeLessThan(3000);
    expect(
      encodeSet(
        Array.from({ length: size / 2 }, (_, i) => i * 2),
        size,
      ).length,
    ).toBe(1 + 3 + size / 8);
  });

  it('counts a set listed by the records it lacks without the spare bits of its last word, at every size', () => {
    for (let size = 1; size <= 70; size++) {
      const members = Array.from({ length: size - 1 }, (_, i) => i + 1); // all but record 0
      const set = decodeSet(encodeSet(members, size))!;
      expect(countCommon([set]), `size ${size}`).toBe(size - 1);
    }
  });

  it('refuses damaged bytes rather than count wrongly', () => {
    const bytes = encodeSet([1, 5, 9], 20);
    expect(decodeSet(bytes.slice(0, -1))).toBeUndefined();
    expect(decodeSet(Uint8Array.from([...bytes, 0]))).toBeUndefined();
    expect(decodeSet(Uint8Array.from([7, ...bytes.slice(1)]))).toBeUndefined();
    expect(decodeSet(new Uint8Array())).toBeUndefined();
    // A member beyond the records.
    expect(decodeSet(Uint8Array.from([1, 4, 1, 9]))).toBeUndefined();
  });
});

describe('countCommon', () => {
  it('counts the records in every set', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }).chain((size) =>
          fc.tuple(
            fc.constant(size),
            fc.array(fc.uniqueArray(fc.integer({ min: 0, max: size - 1 }), { maxLength: size }), {
              minLength: 1,
              maxLength: 4,
            }),
          ),
        ),
        ([size, lists]) => {
          const decoded = lists.map((l) =>
            decodeSet(
              encodeSet(
                [...l].sort((a, b) => a - b),
                size,
              ),
            )!,
          );
          const expected = Array.from({ length: size }, (_, i) => i).filter((i) =>
            lists.every((l) => l.includes(i)),
          ).length;
          expect(countCommon(decoded)).toBe(expected);
        },
      ),
    );
  });

  it('refuses sets of different builds (different sizes)', () => {
    expect(countCommon([decodeSet(encodeSet([1], 10))!, decodeSet(encodeSet([1], 11))!])).toBeUndefined();
    expect(countCommon([])).toBeUndefined();
  });
});

describe('filterSetFiles', () => {
  it('numbers the records in order and lists each value once per record', () => {
    const { files } = filterSetFiles([
      { 类型: ['政府网站'] },
      { 类型: ['政务新媒体'], 结果: ['合格', '合格'] },
      { 类型: ['政府网站'] },
    ]);
    const members = (filter: string, value: string) => {
      const f = files.find((x) => x.filter === filter && x.value === value)!;
      const set = decodeSet(f.bytes)!;
      return membersOf(set.words, set.size);
    };
    expect(members('类型', '政府网站')).toEqual([0, 2]);
    expect(members('类型', '政务新媒体')).toEqual([1]);
    expect(members('结果', '合格')).toEqual([1]);
    expect(files.map((f) => f.name)).toEqual(files.map((f) => setName(f.filter, f.value)));
  });

  it('names the folder of a build’s sets by their contents', () => {
    const a = filterSetFiles([{ 类型: ['政府网站'] }, { 类型: ['政务新媒体'] }]);
    expect(filterSetFiles([{ 类型: ['政府网站'] }, { 类型: ['政务新媒体'] }]).version).toBe(a.version);
    // The same values and number of records, one record's value corrected: another folder.
    expect(filterSetFiles([{ 类型: ['政务新媒体'] }, { 类型: ['政府网站'] }]).version).not.toBe(a.version);
    expect(a.version).toMatch(/^[0-9a-z]+$/);
    expect(a.bytes).toBe(a.files.reduce((n, f) => n + f.bytes.length, 0));
  });

  it('refuses two values whose files would have the same name', () => {
    // No two values are known to share a 53-bit name; a name made to collide stands in for one.
    const names = new Map<string, string>();
    const files = (values: string[]) =>
      filterSetFiles(
        values.map((v) => ({ 所属地区: [v] })),
        (_filter, value) => {
          const name = names.get(value) ?? `n${names.size}`;
          names.set(value, name);
          return name;
        },
      );
    expect(files(['甲区', '乙县']).files.map((f) => f.name)).toEqual(['n0', 'n1']);
    names.set('丙县', 'n0');
    expect(() => files(['甲区', '丙县'])).toThrow(/算出的计数文件名相同/);
  });

  it('names a value’s file the same in every build, differently from other values', () => {
    expect(setName('所属地区', '潮安区')).toBe(setName('所属地区', '潮安区'));
    const names = new Set(Array.from({ length: 50_000 }, (_, i) => setName('所属地区', `区${i}`)));
    expect(names.size).toBe(50_000);
    expect(setName('所属地区', '甲')).not.toBe(setName('账号类型', '甲'));
  });
});
