/**
 * Which search records have each filter value, one small file per value, so that the search page counts any
 * combination of filters chosen without a query by intersecting them, instead of reading every page the filters
 * match (nationally, 季度 + 政务新媒体 + 微信 read 5,061 fragments, 21 MB). A record is its number in the order the
 * build lists them (src/lib/search-records.ts `recordFilters`); the page never maps a number back to a record, it only
 * counts, so any order works as long as every file of one build uses the same.
 *
 * A file is one format byte, the number of records (varint), then either the set as a bitmap, or as the gaps between
 * its members, or as the gaps between the records it lacks: whichever is smallest. Static hosts send these bytes
 * uncompressed, so a district's 1,500 accounts among 186,000 records take 2–3 KB rather than a 23 KB bitmap.
 */

const BITMAP = 0;
const MEMBERS = 1;
const COMPLEMENT = 2;

/**
 * The folder of the set files under the site's base (src/pages/search/sets/[version]/[set].bin.ts): one folder per
 * build's sets, named by their contents (`SetFiles.version`), so that a host's cache never pairs one build's search
 * page with another build's sets.
 */
export const setsFolder = (version: string): string => `/search/sets/${version}/`;

/**
 * A set file's name (without `.bin`), from its filter and value: a hash, so that any value (a district's name may hold
 * any character) makes a plain file name, and the page finds the file without a list of them. 53 bits (cyrb53, the
 * same in Node and every browser): the build refuses two values with the same name (`filterSetFiles`), which at
 * thousands of values is a chance of about one in 10^9.
 */
export function setName(filter: string, value: string): string {
  const hash = cyrb53();
  const text = `${filter}\u0000${value}`;
  for (let i = 0; i < text.length; i++) hash.add(text.charCodeAt(i));
  return hash.end();
}

/** cyrb53, fed one number (a UTF-16 unit or a byte) at a time; no node:crypto, as the search page uses it too. */
function cyrb53(): { add: (c: number) => void; end: () => string } {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  return {
    add: (c) => {
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    },
    end: () => {
      const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
      const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
      return (4294967296 * (2097151 & b) + (a >>> 0)).toString(36);
    },
  };
}

/** Record numbers are bit positions in 32-bit words; a set file holds fewer records than this. */
const MAX_RECORDS = 2 ** 31;

function pushVarint(out: number[], n: number): void {
  while (n >= 0x80) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
}

function gaps(members: readonly number[]): number[] {
  const out: number[] = [];
  pushVarint(out, members.length);
  let last = -1;
  for (const m of members) {
    pushVarint(out, m - last - 1);
    last = m;
  }
  return out;
}

/** The record numbers below `size` that ascending `members` lacks. */
function absentFrom(members: readonly number[], size: number): number[] {
  const absent: number[] = [];
  for (let i = 0, j = 0; i < size; i++) {
    if (members[j] === i) j++;
    else absent.push(i);
  }
  return absent;
}

/** Encodes a set of record numbers (ascending, each below `size`) in the smallest of the three forms. */
export function encodeSet(members: readonly number[], size: number): Uint8Array {
  if (size >= MAX_RECORDS) throw new Error(`搜索记录过多（${size} 条）（too many records for a set file）`);
  const head: number[] = [];
  pushVarint(head, size);
  const listed = gaps(members);
  // The records a set lacks are worth listing only when it has most of them.
  const complement = members.length * 2 > size ? gaps(absentFrom(members, size)) : listed;
  const bitmapBytes = Math.ceil(size / 8);
  const smallest = Math.min(listed.length, complement.length, bitmapBytes);
  if (smallest === listed.length) return Uint8Array.from([MEMBERS, ...head, ...listed]);
  if (smallest === complement.length) return Uint8Array.from([COMPLEMENT, ...head, ...complement]);
  const out = new Uint8Array(1 + head.length + bitmapBytes);
  out[0] = BITMAP;
  out.set(head, 1);
  for (const m of members) out[1 + head.length + (m >> 3)]! |= 1 << (m & 7);
  return out;
}

/** A decoded set: a bitmap of `size` bits, 32 to a word. */
export interface DecodedSet {
  size: number;
  words: Uint32Array;
}

/** Decodes a set file; undefined when the bytes are not one (a damaged or truncated download). */
export function decodeSet(bytes: Uint8Array): DecodedSet | undefined {
  let at = 1;
  const varint = (): number | undefined => {
    let n = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (at >= bytes.length) return undefined;
      const b = bytes[at++]!;
      n += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return n;
    }
    return undefined;
  };
  const format = bytes[0];
  const size = varint();
  if (size === undefined || size >= MAX_RECORDS) return undefined;
  // Checked before the bitmap is made: a damaged size must not allocate gigabytes.
  if (format === BITMAP ? bytes.length - at !== Math.ceil(size / 8) : bytes.length - at > 5 * (size + 1))
    return undefined;
  const words = new Uint32Array(Math.ceil(size / 32));
  if (format === BITMAP) {
    for (let i = 0; i < size; i++)
      if (bytes[at + (i >> 3)]! & (1 << (i & 7))) words[i >> 5]! |= 1 << (i & 31);
    return { size, words };
  }
  if (format !== MEMBERS && format !== COMPLEMENT) return undefined;
  const count = varint();
  if (count === undefined) return undefined;
  let last = -1;
  for (let k = 0; k < count; k++) {
    const gap = varint();
    if (gap === undefined) return undefined;
    last += gap + 1;
    if (last >= size) return undefined;
    words[last >> 5]! |= 1 << (last & 31);
  }
  if (at !== bytes.length) return undefined;
  if (format === COMPLEMENT) {
    for (let w = 0; w < words.length; w++) words[w] = ~words[w]!;
    // The bits past `size` in the last word are not records.
    const spare = words.length * 32 - size;
    if (spare > 0) words[words.length - 1]! &= 0xffffffff >>> spare;
  }
  return { size, words };
}

/** How many records are in every one of `sets`; undefined when they are not of one build (different sizes). */
export function countCommon(sets: readonly DecodedSet[]): number | undefined {
  if (sets.length === 0 || sets.some((s) => s.size !== sets[0]!.size)) return undefined;
  let n = 0;
  for (let w = 0; w < sets[0]!.words.length; w++) {
    let word = sets[0]!.words[w]!;
    for (let s = 1; s < sets.length && word !== 0; s++) word &= sets[s]!.words[w]!;
    // Population count of a 32-bit word.
    word -= (word >>> 1) & 0x55555555;
    word = (word & 0x33333333) + ((word >>> 2) & 0x33333333);
    n += Math.imul((word + (word >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
  }
  return n;
}

/** One set file: its name, filter, value and bytes. */
export interface SetFile {
  name: string;
  filter: string;
  value: string;
  bytes: Uint8Array;
}

/** Every set file of a build, and the version naming their folder (`setsFolder`). */
export interface SetFiles {
  version: string;
  files: SetFile[];
  /** Their bytes in all. */
  bytes: number;
}

/**
 * At most this many bytes of sets in all (KB = 1000 bytes), the search page counts every option against the chosen
 * filters, reading every set once a filter is chosen: a city's are a few KB, a province's or a nation's too many.
 */
export const LIVE_COUNTS_BYTES = 50_000;

/**
 * The set file of every value of every filter, from each record's filters in the build's order. Throws when two
 * values would share a file name, rather than publish a wrong count. `nameOf` is `setName` but in a test.
 */
export function filterSetFiles(
  records: Iterable<Readonly<Record<string, readonly string[]>>>,
  nameOf: (filter: string, value: string) => string = setName,
): SetFiles {
  const members = new Map<string, Map<string, number[]>>();
  let size = 0;
  for (const filters of records) {
    for (const [filter, values] of Object.entries(filters)) {
      let byValue = members.get(filter);
      if (!byValue) members.set(filter, (byValue = new Map()));
      for (const value of values) {
        const list = byValue.get(value);
        // A value listed twice for one record is one membership.
        if (!list) byValue.set(value, [size]);
        else if (list[list.length - 1] !== size) list.push(size);
      }
    }
    size++;
  }
  const files: SetFile[] = [];
  const taken = new Map<string, string>();
  // Every name and byte of every file: a build with other sets gets another folder.
  const version = cyrb53();
  for (const [filter, byValue] of members) {
    for (const [value, list] of byValue) {
      const name = nameOf(filter, value);
      const other = taken.get(name);
      if (other !== undefined)
        throw new Error(
          `筛选值“${other}”与“${filter}：${value}”算出的计数文件名相同（${name}）（set file name collision）`,
        );
      taken.set(name, `${filter}：${value}`);
      const bytes = encodeSet(list, size);
      for (let i = 0; i < name.length; i++) version.add(name.charCodeAt(i));
      for (const byte of bytes) version.add(byte);
      files.push({ name, filter, value, bytes });
    }
  }
  return { version: version.end(), files, bytes: files.reduce((n, f) => n + f.bytes.length, 0) };
}
