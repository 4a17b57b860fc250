/**
 * What the site search knows: filter names and values, and one search record per website and per account, covering
 * every quarter it was inspected in. Pure data; scripts/build/pagefind.ts feeds these records to Pagefind, the
 * bulletin page marks itself up with the same names, and the search page shows the same words.
 *
 * One record per entity rather than per annex row: a reader looking for an account wants that account once, with its
 * history one click away, and a national dataset has 154,000 entities but 1.2 million rows, which Pagefind could not
 * index in the time the build allows (BENCHMARKS.md). The 季度结果 filter keeps “failed in that quarter” exact.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { pinyin } from 'pinyin-pro';
import type { QuarterStats } from './aggregate.ts';
import type { BulletinMeta } from './bulletin.ts';
import { WEBSITE_FLAGS } from './columns.ts';
import { escapeXml } from './feed.ts';
import { FIGURES } from './figures.ts';
import { formatDate } from './format.ts';
import { statReferences } from './mdx.ts';
import type { AccountHistory, History, QuarterRef, WebsiteHistory } from './history.ts';
import { compareRegions, compareZh } from './region.ts';
import { formatScore } from './score.ts';
import {
  FIELDS_META,
  keysOf,
  keysOfFields,
  MEMBERS_FILTER,
  membersValue,
  type MatchFields,
  type Member,
} from './search-match.ts';
import { filterSetFiles, type SetFiles } from './search-sets.ts';
import { FILTERS, QUARTER_RESULT, quarterResult, SORT_KEY, TYPES } from './search-vocabulary.ts';
import { buildHistory } from './history.ts';
import type { LoadResult } from './load.ts';
import { paths } from './routes.ts';

/**
 * Language of the one search index. Pagefind files HTML under `<html lang>` as written (`zh-CN`) but custom records
 * under the lower-cased code (`zh-cn`), which would split the site into two indexes, of which a page loads one.
 * The integration therefore forces every page and record into `zh`; the browser, asked for `zh-CN`, falls back to it.
 */
export const SEARCH_LANGUAGE = 'zh';

export { FILTERS, QUARTER_RESULT, quarterResult, SORT_KEY, TYPES };

/**
 * One search record: what Pagefind stores for a hit (url, meta), indexes (content, and the hidden pinyin `keys`)
 * and filters and sorts by. The search page matches and ranks by the fields in `meta.s` (src/lib/search-match.ts).
 */
export interface SearchRecord {
  url: string;
  content: string;
  /** Pinyin words the record is also found by (`chaozhoushiweishengjiankangju czswsjkj …`), after the content. */
  keys?: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

const distinct = (values: (string | undefined | false)[]): string[] => [
  ...new Set(values.filter((v): v is string => !!v)),
];

/** Types in the order the search page lists them. */
const typeOrder: string[] = [TYPES.bulletin, TYPES.website, TYPES.account];

const syllableCache = new Map<string, string>();

/**
 * One pinyin syllable per character of `text`, separated by spaces: Chinese characters in pinyin without tones
 * (ü as v), letters and digits as themselves in lower case, anything else `-`. `潮州12` → `chao zhou 1 2`.
 */
export function pinyinSyllables(text: string): string {
  let value = syllableCache.get(text);
  if (value === undefined) {
    const chars = [...text];
    let read = pinyin(text, { type: 'array', toneType: 'none', nonZh: 'spaced', v: true });
    if (read.length !== chars.length)
      read = chars.map((ch) => pinyin(ch, { toneType: 'none', nonZh: 'consecutive', v: true }));
    value = chars
      .map((ch, i) => {
        if (/^[A-Za-z0-9]$/.test(ch)) return ch.toLowerCase();
        const s = (read[i] ?? '').toLowerCase();
        return /\p{Script=Han}/u.test(ch) && /^[a-z]+$/.test(s) ? s : '-';
      })
      .join(' ');
    syllableCache.set(text, value);
  }
  return value;
}

/**
 * The pinyin words a name is found by (`keysOf`, src/lib/search-match.ts): `中国潮州政府网站` →
 * `zhongguochaozhouzhengfuwangzhan zgczzfwz chaozhouzhengfuwangzhan czzfwz …`.
 */
export const pinyinKeys = (text: string): string[] => keysOf(text, pinyinSyllables(text));

/** Pinyin of names and units for the search page (`y` of the fields), and the hidden words for Pagefind. */
function pinyinOf(texts: readonly string[]): { y: [string, string][]; keys: string } {
  const unique = distinct([...texts]);
  return {
    y: unique.map((t) => [t, pinyinSyllables(t)]),
    keys: distinct(unique.flatMap(pinyinKeys)).join(' '),
  };
}

/** Each problem an entity had (latest wording), with the quarters it was found in. */
function problemQuarters(
  entries: readonly { quarter: { label: string }; problems: readonly { key: string; label: string }[] }[],
): [string, string[]][] {
  const byKey = new Map<string, { label: string; quarters: string[] }>();
  for (const e of entries) {
    for (const p of e.problems) {
      const seen = byKey.get(p.key);
      if (seen) {
        seen.label = p.label;
        if (!seen.quarters.includes(e.quarter.label)) seen.quarters.push(e.quarter.label);
      } else byKey.set(p.key, { label: p.label, quarters: [e.quarter.label] });
    }
  }
  return [...byKey.values()].map((p) => [p.label, p.quarters]);
}

/** The fields as the search page reads them (`meta.s`), without empty ones. */
function fieldsMeta(fields: MatchFields): string {
  const compact: MatchFields = { n: fields.n };
  if (fields.u?.length) compact.u = fields.u;
  if (fields.r) compact.r = fields.r;
  if (fields.p?.length) compact.p = fields.p;
  if (fields.y?.length) compact.y = fields.y;
  return JSON.stringify(compact);
}

/** `2020年第三季度`, or `2020年第三季度 至 2021年第二季度（4 期）` for an entity inspected in several quarters. */
export function quarterSpan(labels: readonly string[]): string {
  if (labels.length <= 1) return labels[0] ?? '';
  return `${labels[0]} 至 ${labels.at(-1)}（${labels.length} 期）`;
}

/** Filters from the entity's quarters and its rows' values. */
function entityFilters(
  type: string,
  entries: readonly { quarter: { label: string }; record: { region?: string; result?: string } }[],
  extra: Record<string, string[]> = {},
): Record<string, string[]> {
  const filters: Record<string, string[]> = {
    [FILTERS.quarter]: distinct(entries.map((e) => e.quarter.label)),
    [FILTERS.type]: [type],
  };
  const regions = distinct(entries.map((e) => e.record.region));
  if (regions.length > 0) filters[FILTERS.region] = regions;
  for (const [name, values] of Object.entries(extra)) if (values.length > 0) filters[name] = values;
  const results = distinct(entries.map((e) => e.record.result));
  if (results.length > 0) {
    filters[FILTERS.result] = results;
    filters[QUARTER_RESULT] = distinct(
      entries.map((e) => e.record.result && quarterResult(e.quarter.label, e.record.result)),
    );
  }
  return filters;
}

/** The words a website is found by: its names, region, category, veto flags and problems found, scores, verdicts. */
function websiteContent(site: WebsiteHistory): string {
  const records = site.entries.map((e) => e.record);
  const last = records.at(-1)!;
  const flags = WEBSITE_FLAGS.filter((f) => records.some((r) => r[f.key])).map((f) => f.name);
  const problems = distinct(records.flatMap((r) => r.problems));
  const results = distinct(records.map((r) => r.result));
  const rectifications = distinct(records.map((r) => r.rectification));
  return (
    [
      site.names.join('、'),
      site.region && `所属地区：${site.region}`,
      site.category,
      flags.length > 0 && `单项否决：${flags.join('、')}`,
      problems.length > 0 && `其他问题：${problems.join('；')}`,
      `最近一期加分 ${formatScore(last.bonus)}，扣分 ${formatScore(last.deduction)}，总分 ${formatScore(last.total)}`,
      results.length > 0 && `结果：${results.join('、')}`,
      rectifications.length > 0 && `整改情况：${rectifications.join('；')}`,
    ]
      .filter(Boolean)
      .join('。') + '。'
  ); // ends in 。: the search page cuts the hidden pinyin words after it (search-match.ts cleanText)
}

/** The words an account is found by: its names, units, platform, region, verdicts, problems. */
function accountContent(account: AccountHistory): string {
  const records = account.entries.map((e) => e.record);
  const problems = distinct(records.map((r) => r.problem));
  const rectifications = distinct(records.map((r) => r.rectification));
  return (
    [
      account.names.join('、'),
      `单位：${account.units.join('、')}`,
      `平台：${account.platform}`,
      account.region && `所属地区：${account.region}`,
      `结果：${distinct(records.map((r) => r.result)).join('、')}`,
      problems.length > 0 && `问题：${problems.join('；')}`,
      rectifications.length > 0 && `整改情况：${rectifications.join('；')}`,
    ]
      .filter(Boolean)
      .join('。') + '。'
  ); // ends in 。: the search page cuts the hidden pinyin words after it (search-match.ts cleanText)
}

/** “最近一期…” only where there is more than one quarter to tell apart. */
const latest = (entries: readonly unknown[], text: string) => (entries.length > 1 ? `最近一期${text}` : text);

/** `不合格 2 次`, when an entity inspected in several quarters failed in any. */
function failures(entries: readonly { record: { result?: string } }[]): string | undefined {
  const n = entries.filter((e) => e.record.result === '不合格').length;
  return n > 0 && entries.length > 1 ? `不合格 ${n} 次` : undefined;
}

/**
 * One record per website and per account, linked where `urlOf` says (its own page).
 * Quarter labels are left out of the content on purpose: a query like `2020年第三季度` should find the bulletin
 * itself first, and the 季度 filter already selects a quarter's websites and accounts.
 */
export function searchRecords(
  history: { websites: readonly WebsiteHistory[]; accounts: readonly AccountHistory[] },
  urlOf: (entity: { kind: 'website' | 'account'; key: string }) => string,
): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const site of history.websites) {
    const last = site.entries.at(-1)!;
    const detail = distinct([
      site.region,
      site.category,
      latest(site.entries, `总分 ${formatScore(last.record.total)}`),
      last.record.result,
      failures(site.entries),
    ]).join(' · ');
    const { y, keys } = pinyinOf(site.names);
    const fields = fieldsMeta({ n: site.names, r: site.region, p: problemQuarters(site.entries), y });
    records.push({
      url: urlOf({ kind: 'website', key: site.key }),
      content: websiteContent(site),
      keys,
      language: SEARCH_LANGUAGE,
      meta: {
        title: site.name,
        quarter: quarterSpan(site.entries.map((e) => e.quarter.label)),
        type: TYPES.website,
        detail,
        [FIELDS_META]: fields,
      },
      filters: entityFilters(TYPES.website, site.entries),
      sort: { [SORT_KEY]: last.quarter.id },
    });
  }
  for (const account of history.accounts) {
    const last = account.entries.at(-1)!;
    const detail = distinct([
      account.unit,
      account.region,
      latest(account.entries, last.record.result),
      failures(account.entries),
    ]).join(' · ');
    const title = `${account.account}（${account.platform}）`;
    const { y, keys } = pinyinOf([...account.names, ...account.units]);
    const fields = fieldsMeta({
      n: [...account.names, title],
      u: account.units,
      r: account.region,
      p: problemQuarters(account.entries),
      y,
    });
    records.push({
      url: urlOf({ kind: 'account', key: account.key }),
      content: accountContent(account),
      keys,
      language: SEARCH_LANGUAGE,
      meta: {
        title,
        quarter: quarterSpan(account.entries.map((e) => e.quarter.label)),
        type: TYPES.account,
        detail,
        [FIELDS_META]: fields,
      },
      filters: entityFilters(TYPES.account, account.entries, { [FILTERS.platform]: [account.platform] }),
      sort: { [SORT_KEY]: last.quarter.id },
    });
  }
  return records;
}

/** One filter of the search page: its name and its values, in the order offered, with how many records have each. */
export interface FilterOption {
  name: string;
  values: { value: string; count: number }[];
}

/**
 * The search page's filters and their counts, written into the page at build time. Pagefind could report them, but
 * only by downloading every filter file first, which for a national dataset is 7 MB before the first query; a query
 * then loads only the filters it uses. Counts use the records' own filters (entityFilters), so they cannot disagree.
 * `quarters` are the published quarters, oldest first: each has a bulletin, filed under 季度 and 类型 通报.
 */
export function filterOptions(
  history: { websites: readonly WebsiteHistory[]; accounts: readonly AccountHistory[] },
  quarters: readonly Pick<QuarterRef, 'label'>[],
): FilterOption[] {
  const counts = filterCounts(history, quarters);
  counts.delete(QUARTER_RESULT);
  const quarterOrder = new Map([...quarters].reverse().map((q, i) => [q.label, i]));
  const order: Record<string, (a: string, b: string) => number> = {
    [FILTERS.quarter]: (a, b) => (quarterOrder.get(a) ?? 0) - (quarterOrder.get(b) ?? 0), // newest first
    [FILTERS.type]: (a, b) => typeOrder.indexOf(a) - typeOrder.indexOf(b),
    [FILTERS.region]: compareRegions, // city level first, as in the lists
  };
  return [...counts].map(([name, byValue]) => ({
    name,
    values: [...byValue]
      .sort(([a], [b]) => (order[name] ?? compareZh)(a, b))
      .map(([value, count]) => ({ value, count })),
  }));
}

/** The filters of every record: each published quarter's bulletin, then each website and account (entityFilters). */
function* recordFilters(
  history: { websites: readonly WebsiteHistory[]; accounts: readonly AccountHistory[] },
  quarters: readonly Pick<QuarterRef, 'label'>[],
): Generator<Record<string, string[]>> {
  for (const q of quarters) yield { [FILTERS.quarter]: [q.label], [FILTERS.type]: [TYPES.bulletin] };
  for (const site of history.websites) yield entityFilters(TYPES.website, site.entries);
  for (const account of history.accounts)
    yield entityFilters(TYPES.account, account.entries, { [FILTERS.platform]: [account.platform] });
}

/** How many records have each value of each filter, the hidden 季度结果 included (entityFilters). */
function filterCounts(
  history: { websites: readonly WebsiteHistory[]; accounts: readonly AccountHistory[] },
  quarters: readonly Pick<QuarterRef, 'label'>[],
): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>(
    [...Object.values(FILTERS), QUARTER_RESULT].map((name) => [name, new Map()]),
  );
  for (const filters of recordFilters(history, quarters)) {
    for (const [name, values] of Object.entries(filters)) {
      const byValue = counts.get(name);
      if (byValue) for (const value of values) byValue.set(value, (byValue.get(value) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The set file of every filter value (src/lib/search-sets.ts): which records have it, for the search page to count
 * two or more filters chosen without a query by intersecting their sets rather than reading every page they match.
 */
export function searchSetFiles(
  history: { websites: readonly WebsiteHistory[]; accounts: readonly AccountHistory[] },
  quarters: readonly Pick<QuarterRef, 'label'>[],
): SetFiles {
  return filterSetFiles(recordFilters(history, quarters));
}

/**
 * How many websites and accounts had each result in each quarter (the hidden 季度结果 filter, which a quarter and a
 * result chosen together become), for the search page to tell the number of results without reading them all.
 */
export function quarterResultCounts(history: {
  websites: readonly WebsiteHistory[];
  accounts: readonly AccountHistory[];
}): Record<string, number> {
  return Object.fromEntries(filterCounts(history, []).get(QUARTER_RESULT)!);
}

/** The parts of a published quarter its bulletin's search record needs. */
export interface BulletinSource {
  id: string;
  label: string;
  meta: Pick<BulletinMeta, 'title' | 'issuer' | 'issued' | 'corrections'>;
  /** The MDX prose, with `<Stat name="…" />` figures. */
  body: string;
  stats: QuarterStats;
}

/**
 * The bulletin's text as a reader sees it on its page: `<Stat>` figures filled in from the annex data (as the page
 * does), Markdown reduced to its words, one block per line.
 */
export function bulletinText(body: string, stats: QuarterStats): string {
  // The figures where the MDX compiler finds them (mdx.ts), the same tags the page renders and validation checks.
  let filled = '';
  let at = 0;
  for (const ref of statReferences(body)) {
    if (ref.start === undefined || ref.end === undefined) continue;
    filled += body.slice(at, ref.start) + (FIGURES[ref.name]?.value(stats) ?? '');
    at = ref.end;
  }
  filled += body.slice(at);
  const tree = fromMarkdown(filled);
  // A list's items on lines of their own, so that they are not run together (`…统计表第三季度…`).
  const blocks = tree.children.flatMap((block) => (block.type === 'list' ? block.children : [block]));
  return blocks
    .map((block) => toString(block))
    .filter(Boolean)
    .join('\n');
}

/**
 * A bulletin's search record. Built from the data rather than read from the built page, so that the whole index is
 * written while Astro is still writing pages (at national scale writing it took a minute after the last page).
 * The title comes first, so a query such as `2020年第三季度` finds the bulletin before anything else.
 */
export function bulletinRecord(q: BulletinSource, url: string): SearchRecord {
  const corrections = (q.meta.corrections ?? []).map((c) => `${formatDate(c.date)}更正：${c.note}`);
  return {
    url,
    content: [
      q.meta.title,
      // Found by its quarter (“2020年第四季度”, “第四季度”) whether or not its title names it.
      q.label,
      bulletinText(q.body, q.stats),
      `${q.meta.issuer}，${formatDate(q.meta.issued)}`,
      ...corrections,
    ].join('\n'),
    language: SEARCH_LANGUAGE,
    meta: {
      title: q.meta.title,
      quarter: q.label,
      type: TYPES.bulletin,
      detail: `${q.meta.issuer} · ${formatDate(q.meta.issued)}`,
      [FIELDS_META]: fieldsMeta({ n: [q.meta.title] }),
    },
    filters: { [FILTERS.quarter]: [q.label], [FILTERS.type]: [TYPES.bulletin] },
    sort: { [SORT_KEY]: q.id },
  };
}

/**
 * At most about this many Pagefind pages. Pagefind's start-up file lists every page (about 9 bytes each compressed,
 * with the sort), and a query reads whole pages: a city's records each get a page of their own, a national dataset's
 * 186,000 share 8,000 pages (80 KB to start, a query reading pages of about 24).
 */
export const MAX_PAGES = 8000;

/** Records per Pagefind page for `records` records (`searchPages`). */
export const membersPerPage = (records: number): number => Math.max(1, Math.ceil(records / MAX_PAGES));

/**
 * What Pagefind indexes: up to `membersPerPage` websites or accounts (a bulletin alone), filed under every filter value
 * of any of them and sorted by the latest quarter they share.
 */
export interface SearchPage {
  url: string;
  language: string;
  members: Member[];
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

function member(record: SearchRecord): Member {
  const { title = '', quarter = '', type = '', detail = '', [FIELDS_META]: fields } = record.meta;
  return {
    url: record.url,
    title,
    quarter,
    type,
    detail,
    fields: JSON.parse(fields ?? '{"n":[]}') as MatchFields,
    filters: record.filters,
    sort: record.sort[SORT_KEY] ?? '',
    text: record.content,
  };
}

/**
 * The records as Pagefind pages of up to `size` members. A page per record made a national first search download
 * 1.5 MB of Pagefind's start-up file (`MAX_PAGES`); the search page checks each member on its own, so results and
 * counts stay per website and account.
 * Members of a page share their type and latest quarter (so the page sorts as each of them), and sit beside their
 * neighbours by region and unit, so that a query's pages hold mostly members that match it.
 */
export function searchPages(
  records: readonly SearchRecord[],
  size = membersPerPage(records.length),
): SearchPage[] {
  const members = records.map((record) => ({ record, m: member(record) }));
  const bulletins = members.filter(({ m }) => m.type === TYPES.bulletin);
  const entities = members
    .filter(({ m }) => m.type !== TYPES.bulletin)
    .sort(
      ({ m: a }, { m: b }) =>
        b.sort.localeCompare(a.sort) ||
        typeOrder.indexOf(a.type) - typeOrder.indexOf(b.type) ||
        (a.fields.r ?? '').localeCompare(b.fields.r ?? '') ||
        (a.fields.u?.[0] ?? '').localeCompare(b.fields.u?.[0] ?? '') ||
        a.title.localeCompare(b.title) ||
        a.url.localeCompare(b.url),
    );
  const chunks: (typeof members)[] = bulletins.map((b) => [b]);
  for (const entry of entities) {
    const last = chunks.at(-1);
    const head = last?.[0]?.m;
    if (
      last &&
      head &&
      last.length < size &&
      head.type === entry.m.type &&
      head.sort === entry.m.sort &&
      head.type !== TYPES.bulletin
    )
      last.push(entry);
    else chunks.push([entry]);
  }
  return chunks.map((chunk, i) => {
    const filters: Record<string, string[]> = {};
    for (const { record } of chunk)
      for (const [name, values] of Object.entries(record.filters))
        filters[name] = distinct([...(filters[name] ?? []), ...values]);
    return {
      url: `/p/${i}/`,
      language: SEARCH_LANGUAGE,
      // A member alone on its page has the page's filters (pageMembers): not written twice.
      members: chunk.map(({ m: { filters, ...rest } }) => (chunk.length === 1 ? rest : { ...rest, filters })),
      filters,
      sort: { [SORT_KEY]: chunk[0]!.m.sort },
    };
  });
}

/** Splits a text into phrases: the runs between white space and punctuation. */
const PHRASE_BREAK = /[\s。，、；：！？（）“”《》]+/u;
/**
 * Words as Pagefind's search page splits a query into them (`Intl.Segmenter`, word granularity); punctuation and
 * spaces are not words.
 */
const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });
/** Words of phrases already split: names and labels recur on many pages. Emptied now and then, to stay small. */
const phraseWordsCache = new Map<string, string[]>();

function phraseWords(phrase: string): string[] {
  // Pinyin words and numbers are one word each already.
  if (/^[a-z0-9]+$/.test(phrase)) return [phrase];
  let words = phraseWordsCache.get(phrase);
  if (!words) {
    words = [];
    for (const s of wordSegmenter.segment(phrase)) if (s.isWordLike) words.push(s.segment);
    if (phraseWordsCache.size >= 100_000) phraseWordsCache.clear();
    phraseWordsCache.set(phrase, words);
  }
  return words;
}

/**
 * The words Pagefind finds a page by: each word of its members' texts and pinyin words once. Pagefind stores a position
 * for every time a word occurs on a page and a query downloads them all, so a word such as 潮州, in nearly every name of
 * a page of many members, made the index chunk of a common word 143 KB at national scale; written once per page it is a
 * few bytes a page. The words are split as the search page splits a query, so a query's words are the words found.
 * Which member of the page holds them is the search page's to tell (src/lib/search-match.ts).
 */
export function pageWords(page: Pick<SearchPage, 'members'>): string[] {
  const words = new Set<string>();
  for (const m of page.members)
    for (const phrase of `${m.text} ${keysOfFields(m.fields)}`.split(PHRASE_BREAK))
      if (phrase) for (const word of phraseWords(phrase)) words.add(word);
  return [...words];
}

/**
 * A page as the tiny HTML file Pagefind reads it from (scripts/build/pagefind.ts): its words (`pageWords`) as the body's
 * only text; members (a hidden filter), filters and sort key as `<meta>` tags whose `content` attribute Pagefind
 * captures. Every value is escaped, so a cell holding markup stays text.
 */
export function pageHtml(page: SearchPage): string {
  const tag = (kind: 'filter' | 'sort', name: string, value: string) =>
    `<meta data-pagefind-${kind}="${escapeXml(name)}[content]" content="${escapeXml(value)}">`;
  const head = [
    tag('filter', MEMBERS_FILTER, membersValue(page.members)),
    ...Object.entries(page.filters).flatMap(([name, values]) =>
      values.map((value) => tag('filter', name, value)),
    ),
    ...Object.entries(page.sort).map(([name, value]) => tag('sort', name, value)),
  ];
  return `<!doctype html><html lang="${escapeXml(page.language)}"><head>${head.join('')}</head><body><p>${escapeXml(pageWords(page).join('。'))}</p></body></html>`;
}

/**
 * Where a search hit on a website or account leads: its own page, with every quarter it was inspected in.
 * The one place to change if search results should link elsewhere.
 * URLs are without the base path: Pagefind's browser side prefixes the folder it is served from.
 */
export function entityUrl(entity: { kind: 'website' | 'account'; key: string }): string {
  return entity.kind === 'website' ? paths.website(entity) : paths.account(entity);
}

/**
 * Every record of the site: the published bulletins, then each website and account. `history` is the data's
 * (buildHistory), passed by a caller that already has it (the build's dataset) so that it is not built twice.
 */
export function siteRecords(
  data: LoadResult,
  history: History = buildHistory(data.quarters),
): SearchRecord[] {
  return [...bulletinRecords(data), ...searchRecords(history, entityUrl)];
}

/**
 * What the build's search pages are made from (scripts/build/search-pages.ts, on a worker thread): the bulletins'
 * records, the websites and accounts, and each one's URL.
 */
export interface SearchPagesInput {
  bulletins: SearchRecord[];
  websites: readonly WebsiteHistory[];
  accounts: readonly AccountHistory[];
  /** Each website's URL, then each account's, in the order of `websites` and `accounts`. */
  urls: string[];
}

/** The records of the published bulletins. */
export const bulletinRecords = (data: LoadResult): SearchRecord[] =>
  data.quarters.filter((q) => q.published).map((q) => bulletinRecord(q, paths.bulletin(q)));
