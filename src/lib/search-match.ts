/**
 * What the search page does with Pagefind's candidates: keeps those that hold the query as a contiguous string,
 * ranks them (exact name, name starting with it, name containing it, unit or region, problem, other text), cuts
 * clean excerpts, reads pinyin, and suggests names for a query with one slip. Pure functions, no DOM: the browser code
 * (src/client/search.ts) and the unit tests (test/lib/search-match.test.ts) use them; the indexer (src/lib/search-records.ts)
 * writes the fields they read.
 *
 * Pagefind splits a Chinese query into words and also matches parts of longer indexed words, so its results for
 * `首页不更新` include sites whose text has only `不更新` (of 栏目不更新); it cannot re-rank by our fields, and it does
 * not know pinyin. Everything here runs on the results' own data, so it needs no file of its own.
 */
import { editDistance } from './normalize.ts';
import { TYPES } from './search-vocabulary.ts';

/** Meta key of the fields below (JSON), on every record. */
export const FIELDS_META = 's';

/** What a record carries for matching and ranking, in its meta (src/lib/search-records.ts writes it). */
export interface MatchFields {
  /** Names: a website's names; an account's names and its title (`平安潮州（微信）`); a bulletin's title. */
  n: string[];
  /** Units (accounts). */
  u?: string[];
  /** Region. */
  r?: string;
  /** Problems (单项否决 flags, 其他问题 and 问题描述 items, 不合格) with the quarters each was found in. */
  p?: [label: string, quarters: string[]][];
  /** Pinyin of names and units: the text and one syllable per character, separated by spaces (`-` for none). */
  y?: [text: string, syllables: string][];
}

/**
 * Hidden filter holding a Pagefind page's members (JSON list of `Member`, `membersValue`). A filter, not metadata:
 * Pagefind adds metadata to the words it searches (here URLs, filter values, pinyin), not filter values; and the
 * search page never asks for this filter, so its file is never downloaded.
 */
export const MEMBERS_FILTER = 'm';

/**
 * Members as the `MEMBERS_FILTER` value. Pagefind collapses runs of white space in a filter value, so every white
 * space but a lone ordinary space is written as a JSON escape, which parsing reads back as it was.
 */
export const membersValue = (members: readonly Member[]): string =>
  JSON.stringify(members).replace(
    /\s(?=\s)|[^\S ]/gu,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/**
 * A website, account or bulletin on a Pagefind page (src/lib/search-records.ts `searchPages`): enough to list it, match
 * and rank it, and check the chosen filters on it alone, with its own text (the page's content has each phrase once).
 */
export interface Member {
  url: string;
  title: string;
  quarter: string;
  type: string;
  detail: string;
  /** What it is matched and ranked by. */
  fields: MatchFields;
  /** Its filter values; left out when it is alone on its page, whose filters are its own (`pageMembers` fills them in). */
  filters?: Record<string, string[]>;
  /** Its latest quarter (`2021-Q3`), for “最新季度在前”. */
  sort: string;
  /** Its text, as indexed (its hidden pinyin words apart: `keysOfFields`). */
  text: string;
}

/** A member as a candidate (`raw`: its text with its hidden pinyin words, `keysOfFields`). */
export type MemberCandidate = Candidate & { member: Member; raw: string };

/** The members of a Pagefind page (its filters as Pagefind returns them). */
export function pageMembers(page: { filters?: Record<string, string[] | undefined> }): MemberCandidate[] {
  let members: Member[];
  try {
    members = JSON.parse(page.filters?.[MEMBERS_FILTER]?.[0] ?? '[]') as Member[];
  } catch {
    return [];
  }
  const { [MEMBERS_FILTER]: _, ...own } = page.filters ?? {};
  return members.map((member) => ({
    member: { ...member, filters: member.filters ?? (own as Record<string, string[]>) },
    raw: `${member.text} ${keysOfFields(member.fields)}`,
    type: member.type,
    text: member.text,
    fields: member.fields,
    url: member.url,
  }));
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Where each word of `text` starts (`Intl.Segmenter`), in characters; 0 always. */
function wordStarts(text: string): Set<number> {
  const starts = new Set([0]);
  let at = 0;
  for (const { segment } of segmenter.segment(text)) {
    starts.add(at);
    at += [...segment].length;
  }
  return starts;
}

/**
 * The pinyin words a name is found by, from its syllables (`MatchFields.y`): from each word of it to the end of its
 * run of letters, in full and as initials. Pagefind matches a latin query as the start of a word, so `chaozhou` and
 * `czs` find names with 潮州 or 潮州市 at any word (not at any character: that would multiply the index by the length
 * of the names). The indexer writes them into the pages; the search page works them out again from the fields.
 */
export function keysOf(text: string, syllables: string): string[] {
  const units = syllables.split(' ');
  const starts = wordStarts(text);
  const keys: string[] = [];
  for (const start of [...starts].sort((a, b) => a - b)) {
    let end = start;
    while (end < units.length && units[end] !== '-') end++;
    if (end - start < 1) continue;
    const run = units.slice(start, end);
    keys.push(run.join(''));
    if (run.length > 1) keys.push(run.map((s) => s[0]).join(''));
  }
  return keys;
}

/** The pinyin words of a record's names and units, from its fields, each once. */
export const keysOfFields = (fields: MatchFields): string =>
  [...new Set((fields.y ?? []).flatMap(([text, syllables]) => keysOf(text, syllables)))].join(' ');

/** Whether every term starts a word of `text` (its letters and digits), as Pagefind matches a latin query. */
export function startsWord(text: string, terms: readonly string[]): boolean {
  const words = foldText(text).split(/[^a-z0-9]+/);
  return terms.every((t) => words.some((w) => w.startsWith(t)));
}

/**
 * Whether a member has every chosen filter value. A page is filed under all its members' values, so Pagefind's
 * filtered pages hold members without them; this keeps results and counts per website and account.
 */
export const hasFilters = (member: Member, filters: Readonly<Record<string, string>>): boolean =>
  Object.entries(filters).every(([name, value]) => member.filters?.[name]?.includes(value) ?? false);

/** Reads a record's fields; a record without them (an older index) matches on its text alone. */
export function parseFields(meta: string | undefined): MatchFields {
  if (!meta) return { n: [] };
  try {
    const value = JSON.parse(meta) as MatchFields;
    return Array.isArray(value.n) ? value : { n: [] };
  } catch {
    return { n: [] };
  }
}

/** Text folded for matching (NFKC, lower case), with each folded code unit's index in the original. */
export interface Folded {
  text: string;
  at: number[];
}

export function fold(original: string): Folded {
  let text = '';
  const at: number[] = [];
  let i = 0;
  for (const ch of original) {
    const f = ch.normalize('NFKC').toLowerCase();
    text += f;
    for (let k = 0; k < f.length; k++) at.push(i);
    i += ch.length;
  }
  at.push(i);
  return { text, at };
}

const foldText = (s: string) => fold(s).text;

/** A query as typed: its terms (split at spaces), whether it could be pinyin, whether it names a period. */
export interface Query {
  terms: string[];
  /** Letters only: also read as pinyin (full, initials, or a mix: `chaozhou`, `czs`). */
  latin: boolean;
  /** A year and/or quarter (`2020年第四季度`, `第三季度`): bulletins of that period come first. */
  period: boolean;
}

export function parseQuery(raw: string): Query {
  const terms = foldText(raw).split(/\s+/).filter(Boolean);
  const joined = terms.join('');
  return {
    terms,
    latin: terms.length > 0 && terms.every((t) => /^[a-z]+$/.test(t)),
    period: /^(?:\d{4}年度?)?(?:第[一二三四1-4]季度)?$/.test(joined) && /年|季度/.test(joined),
  };
}

/** Rank tiers, best first. */
export const TIER = {
  period: 0,
  exactName: 1,
  nameStarts: 2,
  nameContains: 3,
  unitExact: 4,
  unit: 5,
  problem: 6,
  text: 7,
} as const;

/** A result as ranked: its type (`通报`, …), its text as indexed (hidden pinyin words removed) and its fields. */
export interface Candidate {
  type: string;
  text: string;
  fields: MatchFields;
  /** The result's URL, the last tie-breaker. */
  url?: string;
}

const BULLETIN: string = TYPES.bulletin;
const TYPE_ORDER: string[] = [TYPES.bulletin, TYPES.website, TYPES.account];

/**
 * The record's text without what Pagefind and the indexer add: the hidden pinyin words after a website's or account's
 * last `。` (src/lib/search-records.ts ends their text there), and the ` .` Pagefind puts at the end of a block.
 */
export function cleanText(content: string, type: string): string {
  let text = content.replace(/\s*\.\s*$/, '');
  if (type !== BULLETIN) {
    const end = text.lastIndexOf('。');
    if (end >= 0) text = text.slice(0, end + 1);
  }
  return text;
}

function termTier(c: Candidate, term: string, period: boolean): number | undefined {
  const names = c.fields.n.map(foldText);
  if (period && c.type === BULLETIN && names.some((n) => n.includes(term))) return TIER.period;
  if (names.includes(term)) return TIER.exactName;
  if (names.some((n) => n.startsWith(term))) return TIER.nameStarts;
  if (names.some((n) => n.includes(term))) return TIER.nameContains;
  const units = [...(c.fields.u ?? []), ...(c.fields.r ? [c.fields.r] : [])].map(foldText);
  if (units.includes(term)) return TIER.unitExact;
  if (units.some((u) => u.includes(term))) return TIER.unit;
  if ((c.fields.p ?? []).some(([label]) => foldText(label).includes(term))) return TIER.problem;
  if (foldText(c.text).includes(term)) return TIER.text;
  return undefined;
}

/**
 * The tier of a candidate for a query, or undefined when some term is not in it as a contiguous string (in a name,
 * unit, region, problem or its text). With several terms every one must be there; the best term's tier counts.
 */
export function tierOf(c: Candidate, query: Query): number | undefined {
  let best: number | undefined;
  for (const term of query.terms) {
    const tier = termTier(c, term, query.period);
    if (tier === undefined) return undefined;
    best = best === undefined ? tier : Math.min(best, tier);
  }
  return best;
}

const typeRank = (t: string) => (TYPE_ORDER.includes(t) ? TYPE_ORDER.indexOf(t) : TYPE_ORDER.length);

/** A ranked candidate: its tier and the length of its shortest name holding a term (closer to what was typed). */
export type Ranked<T extends Candidate = Candidate> = T & { tier: number; nameLength: number };

/**
 * Order of ranked candidates: tier, type (通报, 政府网站, 政务新媒体), shorter name, URL. Deterministic on purpose:
 * Pagefind's scores of equal matches vary from one search to the next, and pinyin must list what the characters list.
 */
export function compareRanked(a: Ranked, b: Ranked): number {
  return (
    a.tier - b.tier ||
    typeRank(a.type) - typeRank(b.type) ||
    a.nameLength - b.nameLength ||
    (a.url ?? '').localeCompare(b.url ?? '')
  );
}

/** Keeps the candidates that match, in `compareRanked` order; `keepOrder` (a sort was chosen) keeps the input order. */
export function rank<T extends Candidate>(
  candidates: readonly T[],
  query: Query,
  keepOrder = false,
): Ranked<T>[] {
  const matched: Ranked<T>[] = [];
  for (const c of candidates) {
    const tier = tierOf(c, query);
    if (tier === undefined) continue;
    const names = c.fields.n.filter((n) => query.terms.some((t) => foldText(n).includes(t)));
    matched.push({ ...c, tier, nameLength: names.length > 0 ? Math.min(...names.map(length)) : 0 });
  }
  return keepOrder ? matched : matched.sort(compareRanked);
}

/** A piece of an excerpt: text, highlighted when it is an occurrence of a query term. */
export interface Part {
  text: string;
  mark: boolean;
}

/** Splits `text` into parts, marking every occurrence of the terms (whole terms only, never single characters of them). */
export function highlight(text: string, terms: readonly string[]): Part[] {
  const { text: folded, at } = fold(text);
  const spans: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let i = folded.indexOf(term); i >= 0; i = folded.indexOf(term, i + term.length))
      spans.push([at[i]!, at[i + term.length]!]);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const parts: Part[] = [];
  let pos = 0;
  for (const [start, end] of spans) {
    if (start < pos) continue; // overlapping: the first wins
    if (start > pos) parts.push({ text: text.slice(pos, start), mark: false });
    parts.push({ text: text.slice(start, end), mark: true });
    pos = end;
  }
  if (pos < text.length) parts.push({ text: text.slice(pos), mark: false });
  return parts;
}

/** Blocks of a text (paragraphs, headings: Pagefind joins them with a space between Chinese text), as sentences ending in 。！？. */
export function blocks(text: string): string[][] {
  return text
    .split(/(?<=[\p{Script=Han}。！？：）”》])\s+(?=[\p{Script=Han}（“《])/u)
    .map((block) =>
      block
        .split(/(?<=[。！？])/)
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .filter((b) => b.length > 0);
}

/** Clauses of a sentence, each with its comma (for cutting a long sentence without cutting a phrase). */
const clauses = (sentence: string) => sentence.split(/(?<=[，、：；,;])/).filter(Boolean);

const length = (s: string) => [...s].length;

/**
 * Where an excerpt starts: at the first sentence holding a term (`match`); at the start (`first`: the match is in
 * the name, shown as the title); or at the first full sentence after the title (`body`: a bulletin found by its title).
 */
export type ExcerptStart = 'match' | 'first' | 'body';

/**
 * An excerpt of whole sentences of one block, from where `start` says, then following sentences of that block while it
 * stays within `max` characters. A sentence longer than `max` is cut only between clauses, and the cut shown with `…`.
 */
export function excerpt(text: string, terms: readonly string[], start: ExcerptStart, max = 64): Part[] {
  const all = blocks(text).flatMap((block, b) => block.map((sentence) => ({ sentence, b })));
  if (all.length === 0) return [];
  const holds = (s: string) => terms.some((t) => foldText(s).includes(t));
  let first =
    start === 'first'
      ? 0
      : start === 'body'
        ? all.findIndex((s, i) => i > 0 && s.b > 0 && /[。！？]$/.test(s.sentence))
        : all.findIndex((s) => holds(s.sentence));
  if (first < 0) first = 0;
  let out = all[first]!.sentence;
  if (length(out) > max) {
    const parts = clauses(out);
    let at = start === 'match' ? parts.findIndex(holds) : 0;
    if (at < 0) at = 0;
    let from = at;
    let to = at + 1;
    let size = length(parts[at]!);
    while (to < parts.length && size + length(parts[to]!) <= max) size += length(parts[to++]!);
    while (from > 0 && size + length(parts[from - 1]!) <= max) size += length(parts[--from]!);
    const kept = parts.slice(from, to).join('');
    out = `${from > 0 ? '…' : ''}${to < parts.length ? `${kept.replace(/[，、：；,;]$/, '')}…` : kept}`;
  } else {
    for (
      let i = first + 1;
      i < all.length && all[i]!.b === all[first]!.b && length(out) + length(all[i]!.sentence) <= max;
      i++
    )
      out += all[i]!.sentence;
  }
  return highlight(out, terms);
}

/** The problems of a candidate that hold a term, each with its quarters: `首页不更新（2021年第一季度、2021年第二季度）`. */
export function problemsWithQuarters(fields: MatchFields, terms: readonly string[]): string[] {
  return (fields.p ?? [])
    .filter(([label]) => terms.some((t) => foldText(label).includes(t)))
    .map(([label, quarters]) => `${label}（${quarters.join('、')}）`);
}

// Pinyin.

/** Character ranges of `text` spelled by `query` in pinyin: full syllables, initials, or both, the last syllable possibly unfinished. */
export function pinyinRanges(query: string, syllables: string): [number, number][] {
  const units = syllables.split(' ');
  const ranges: [number, number][] = [];
  /** End (exclusive) of a match of query[q..] starting at unit i, or -1. */
  const consume = (q: number, i: number, consumed: number, full: boolean): number => {
    if (q === query.length) return consumed > 1 || full ? i : -1;
    const s = units[i];
    if (!s || s === '-') return -1;
    if (query.startsWith(s, q)) {
      const end = consume(q + s.length, i + 1, consumed + 1, true);
      if (end >= 0) return end;
    }
    if (s.length > 1 && query[q] === s[0]) {
      const end = consume(q + 1, i + 1, consumed + 1, false);
      if (end >= 0) return end;
    }
    // The unfinished last syllable: `chaozh`.
    const rest = query.slice(q);
    return consumed > 0 && rest.length > 1 && rest.length < s.length && s.startsWith(rest) ? i + 1 : -1;
  };
  for (let i = 0; i < units.length; i++) {
    const end = consume(0, i, 0, false);
    if (end > i) ranges.push([i, end]);
  }
  return ranges;
}

/** A query as pinyin: its letters, spaces removed, lower case; undefined unless two letters or more and nothing else. */
function pinyinQuery(query: string): string | undefined {
  const q = foldText(query).replace(/\s+/g, '');
  return /^[a-z]{2,}$/.test(q) ? q : undefined;
}

/**
 * The Chinese strings a latin query spells in the candidates' names and units, most frequent first: `chaozhou` →
 * 潮州, `czs` → 潮州市 (and 潮州司 of 潮州司法). The search page then searches for these, so pinyin finds what the
 * characters find.
 */
export function pinyinTargets(
  query: string,
  candidates: readonly { fields: MatchFields }[],
  limit = 4,
): string[] {
  const q = pinyinQuery(query);
  if (!q) return [];
  const counts = new Map<string, number>();
  for (const c of candidates) {
    for (const [text, syllables] of c.fields.y ?? []) {
      const chars = [...text];
      for (const [start, end] of pinyinRanges(q, syllables)) {
        const target = chars.slice(start, end).join('');
        counts.set(target, (counts.get(target) ?? 0) + 1);
      }
    }
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || length(b[0]) - length(a[0]))
    .slice(0, limit)
    .map(([t]) => t);
}

/**
 * What a latin query spells in the filter values (platforms, districts, types, results: `[value, its syllables]`), two
 * characters or more from the start of a word: `weixin` and `wx` → 微信, `weibo` → 微博 (of 新浪微博), `chaoanqu` → 潮安区. These words are in
 * few records' names, so the search page looks for them by their characters, as for a name's.
 */
export function spelledValues(query: string, values: readonly (readonly [string, string])[]): string[] {
  const q = pinyinQuery(query);
  if (!q) return [];
  const spelled = new Set<string>();
  for (const [text, syllables] of values) {
    const chars = [...text];
    // From the start of a word, as Pagefind matches names' pinyin: `wx` is 微信, not 务新 of 政务新媒体.
    const starts = wordStarts(text);
    for (const [start, end] of pinyinRanges(q, syllables))
      if (end - start >= 2 && starts.has(start)) spelled.add(chars.slice(start, end).join(''));
  }
  return [...spelled];
}

// Suggestions.

/** Least edits turning `query` into some substring of `text` (approximate substring match). */
export function substringDistance(query: string, text: string): number {
  const q = [...query];
  const t = [...text];
  let prev = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= q.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++)
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (q[i - 1] === t[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return Math.min(...prev);
}

/**
 * Names within one or two edits of the query (two from five characters on): whole names first, then names with a
 * part that close (`卫生建康局` → 潮州市卫生健康局), nearest and closest in length first.
 */
export function suggestions(query: string, names: Iterable<string>, limit = 5): string[] {
  const q = query.trim();
  const n = length(q);
  if (n < 2) return [];
  const max = n >= 5 ? 2 : 1;
  const scored: { name: string; score: number }[] = [];
  for (const name of new Set(names)) {
    if (name === q) continue;
    const whole = editDistance(q, name, max);
    if (whole <= max) {
      scored.push({ name, score: whole * 100 + Math.abs(length(name) - n) });
      continue;
    }
    const part = substringDistance(q, name);
    if (part > 0 && part <= max) scored.push({ name, score: 1000 + part * 100 + Math.abs(length(name) - n) });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, limit)
    .map((s) => s.name);
}

/** Parts of a query to find suggestion candidates with: its two halves (one of them survives a one-character slip). */
export function suggestionProbes(query: string): string[] {
  const chars = [...query.replace(/\s+/g, '')];
  if (chars.length < 2) return [];
  const half = Math.ceil(chars.length / 2);
  return [...new Set([chars.slice(0, half).join(''), chars.slice(half).join('')])].filter(Boolean);
}
