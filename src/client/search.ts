/**
 * The search page's client: loads the Pagefind bundle, runs `?q=` on load, keeps the URL shareable, renders
 * results as DOM nodes (never HTML from data), and lets the keyboard move through them.
 */
import {
  compareRanked,
  excerpt,
  hasFilters,
  highlight,
  pageMembers,
  parseQuery,
  pinyinTargets,
  spelledValues,
  problemsWithQuarters,
  startsWord,
  rank,
  suggestionProbes,
  suggestions,
  TIER,
  type Member,
  type MemberCandidate,
  type Part,
} from '../lib/search-match';
import { countCommon, decodeSet, setName, type DecodedSet } from '../lib/search-sets';
import { pagefindFilters, SORT_KEY, TYPES } from '../lib/search-vocabulary';

interface PagefindResultData {
  url: string;
  excerpt: string;
  content: string;
  filters: Record<string, string[]>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
type Filters = Record<string, string>;
interface SearchOptions {
  filters?: Filters;
  sort?: Record<string, 'asc' | 'desc'>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, o?: SearchOptions) => Promise<PagefindSearch>;
  debouncedSearch: (term: string | null, o?: SearchOptions, ms?: number) => Promise<PagefindSearch | null>;
}

const PAGE_SIZE = 20;
/**
 * Pagefind's results are pages of several websites or accounts (src/lib/search-records.ts `searchPages`): the page
 * reads them (one fragment file each, `CANDIDATE_BATCH` at a time), keeps the members holding the query as typed and
 * having the chosen filters, and ranks them (src/lib/search-match.ts). Pages are read until `MAX_CANDIDATES` members
 * have been looked at; beyond that the status says so (a national query such as `潮州` has thousands).
 */
export const MAX_CANDIDATES = 300;
/** Members read at a time (pages of one record each, or fewer pages of many). */
const CANDIDATE_BATCH = 50;
/** Members read per half of a query that found nothing, for “您要找的是不是”. */
const SUGGEST_CANDIDATES = 30;
/**
 * Pagefind 1.6 matches Chinese query parts inside longer indexed words too (`安` in `平安`); weighting exact word
 * matches strongly puts `潮安区…` above `平安潮州` for the query `潮安`. Verified by test/e2e/search.test.ts.
 */
export const RANKING = { termSimilarity: 10 };
/** Phone widths, as in src/styles/global.css: the filters start closed there. */
const NARROW = '(max-width: 40rem)';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Wires up the search page (src/pages/search.astro). */
export function startSearch(): void {
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  if (!form) return;
  const input = document.getElementById('search-q') as HTMLInputElement;
  const status = document.getElementById('search-status') as HTMLElement;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const filtersBox = document.getElementById('search-filters') as HTMLDetailsElement;
  const filtersCount = document.getElementById('search-filters-count') as HTMLElement;
  const sortSelect = document.getElementById('search-sort') as HTMLSelectElement;
  const filterSelects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];

  const suggestBox = document.getElementById('search-suggest') as HTMLElement;
  /** Where the site is served from (`/`, or `/sub/` under a sub-path): members' URLs are without it. */
  const base = form.dataset.bundle!.replace(/pagefind\/pagefind\.js$/, '');
  /** How many websites, accounts and bulletins have a filter value (the options' counts; 季度结果 apart). */
  const counts: Record<string, Record<string, number>> = JSON.parse(form.dataset.hiddenCounts ?? '{}');
  for (const select of filterSelects)
    for (const option of select.options)
      if (option.dataset.count)
        (counts[select.dataset.filter!] ??= {})[option.value] = Number(option.dataset.count);
  /** How many have a filter value, 0 for a value no record has; undefined for a filter the page does not list. */
  const countOf = (name: string, value: string): number | undefined =>
    counts[name] ? (counts[name][value] ?? 0) : undefined;
  /** The websites' veto items (src/lib/columns.ts WEBSITE_FLAGS), as the search page lists them. */
  const flags = JSON.parse(form.dataset.flags ?? '[]') as string[];
  /** The filter values with their pinyin (src/pages/search.astro), for a query that spells one (`weixin` → 微信). */
  const optionPinyin = filterSelects.flatMap((select) =>
    [...select.options].flatMap((o) => (o.dataset.pinyin ? [[o.value, o.dataset.pinyin] as const] : [])),
  );
  let pagefind: Pagefind | undefined;
  let shown = 0;
  let generation = 0;

  // The query (and filters) of a shared link.
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  if (params.get('sort') === 'newest') sortSelect.value = 'newest';

  const chosenFilters = (): Filters => {
    const filters: Filters = {};
    for (const select of filterSelects) if (select.value) filters[select.dataset.filter!] = select.value;
    return filters;
  };

  /** Tells in the disclosure's summary how many filters are set, so that a closed one does not hide them. */
  const showFilterCount = () => {
    const n = Object.keys(chosenFilters()).length + (sortSelect.value ? 1 : 0);
    filtersCount.textContent = n > 0 ? `（已选 ${n} 项）` : '';
    void showOptionCounts();
  };

  /** Keeps the address bar a shareable link to what is on screen. */
  const writeUrl = () => {
    const next = new URLSearchParams();
    if (input.value.trim()) next.set('q', input.value.trim());
    for (const [name, value] of Object.entries(chosenFilters())) next.set(name, value);
    if (sortSelect.value) next.set('sort', sortSelect.value);
    const query = next.toString();
    history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}`);
  };

  /**
   * The filters' options and counts are in the page (src/lib/search-records.ts `filterOptions`): asking Pagefind for them
   * would download every filter file before the first query. A shared link's choices are restored if offered.
   */
  for (const select of filterSelects) {
    const wanted = params.get(select.dataset.filter!) ?? '';
    if ([...select.options].some((o) => o.value === wanted)) select.value = wanted;
  }

  /** A result ready to show: its member and what of it to highlight. */
  interface Hit {
    data: Member;
    excerpt: Part[];
    problems: Part[][];
  }

  const renderResult = (hit: Hit): HTMLLIElement => {
    const { data } = hit;
    const item = el('li', 'search-result');
    const link = el('a', 'result-link');
    link.href = `${base}${data.url.replace(/^\//, '')}`;
    link.append(el('span', 'result-title', data.title || data.url));
    item.append(link);
    const tags = el('p', 'result-tags');
    if (data.type) tags.append(el('span', 'result-type', data.type));
    if (data.quarter) tags.append(el('span', 'result-quarter', data.quarter));
    if (data.detail) tags.append(el('span', 'result-detail', data.detail));
    item.append(tags);
    const withParts = (node: HTMLElement, parts: Part[]) => {
      for (const part of parts)
        node.append(part.mark ? el('mark', undefined, part.text) : document.createTextNode(part.text));
      return node;
    };
    item.append(withParts(el('p', 'result-excerpt'), hit.excerpt));
    // The problems the query names, with the quarters each was found in.
    if (hit.problems.length > 0) {
      const line = el('p', 'result-problems', '问题及季度：');
      hit.problems.forEach((parts, i) => {
        if (i > 0) line.append('；');
        withParts(line, parts);
      });
      item.append(line);
    }
    return item;
  };

  /** Members of Pagefind's pages, read once per page (a fragment file each). */
  const membersCache = new Map<string, Promise<MemberCandidate[]>>();
  const membersOf = (r: PagefindResult) => {
    let members = membersCache.get(r.id);
    if (!members) membersCache.set(r.id, (members = r.data().then(pageMembers)));
    return members;
  };
  interface Read {
    /** The members having the chosen filters. */
    members: MemberCandidate[];
    /** Pages not read. */
    rest: PagefindResult[];
  }
  /**
   * Reads pages, a batch at a time, until `limit` members have been looked at; keeps those having `filters`.
   * Undefined when a newer query superseded this one.
   */
  const read = async (
    found: PagefindResult[],
    limit: number,
    filters: Filters,
    mine: number,
  ): Promise<Read | undefined> => {
    const members: MemberCandidate[] = [];
    let seen = 0;
    let i = 0;
    while (i < found.length && seen < limit) {
      // As many pages as hold about a batch of members, judged by the pages read so far (the first: four).
      const pages =
        i === 0
          ? 4
          : Math.max(1, Math.round((Math.min(CANDIDATE_BATCH, limit - seen) * i) / Math.max(seen, 1)));
      const batch = await Promise.all(found.slice(i, i + pages).map(membersOf));
      if (mine !== generation) return undefined;
      i += batch.length;
      for (const page of batch) {
        seen += page.length;
        members.push(...page.filter((m) => hasFilters(m.member, filters)));
      }
    }
    return { members, rest: found.slice(i) };
  };

  /** What is listed: hits ready to show, then (filters without a query) pages still to read, in order. */
  let hits: Hit[] = [];
  let pending: PagefindResult[] = [];
  let pendingFilters: Filters = {};
  /** How many results there are, when known before every page is read. */
  let known: number | undefined;
  const total = () => known ?? hits.length;

  const browseHit = (m: MemberCandidate): Hit => ({
    data: m.member,
    excerpt: excerpt(m.text, [], m.type === TYPES.bulletin ? 'body' : 'first'),
    problems: [],
  });

  /** Each filter value's set of records (src/lib/search-sets.ts), fetched once when first needed. */
  const setFiles = new Map<string, Promise<DecodedSet | undefined>>();
  const setOf = (filter: string, value: string) => {
    const name = setName(filter, value);
    let set = setFiles.get(name);
    if (!set) {
      set = fetch(`${form.dataset.sets!}${name}.bin`)
        .then(async (r) => (r.ok ? decodeSet(new Uint8Array(await r.arrayBuffer())) : undefined))
        .catch(() => undefined);
      setFiles.set(name, set);
      // A failed download is tried again next time rather than counting by reading pages for the rest of the visit.
      void set.then((got) => got ?? setFiles.delete(name));
    }
    return set;
  };
  /**
   * How many records have every chosen filter, from their sets; undefined when a set cannot be read or the sets are
   * not of one build (then every page is read to count).
   */
  const commonCount = async (filters: Filters): Promise<number | undefined> => {
    // A value no record has has no set to read (as 2020年第三季度：不合格 where none failed): none have them all.
    if (Object.entries(filters).some(([name, value]) => countOf(name, value) === 0)) return 0;
    const sets = await Promise.all(Object.entries(filters).map(([name, value]) => setOf(name, value)));
    return sets.every((s) => s !== undefined) ? countCommon(sets) : undefined;
  };

  /**
   * On a site whose sets are small (src/pages/search.astro `data-live-counts`): each option's count given the other
   * chosen filters, from the sets, and an option no record would have greyed out, so that “不合格（1）” never promises a
   * result the other choices rule out. Without filters, or where a set cannot be read, the counts in the page.
   */
  let countsGeneration = 0;
  const showOptionCounts = async () => {
    if (form.dataset.liveCounts === undefined) return;
    const mine = ++countsGeneration;
    const chosen = chosenFilters();
    const counted = await Promise.all(
      filterSelects.map((select) => {
        const { [select.dataset.filter!]: _, ...others } = chosen;
        return Promise.all(
          [...select.options].map((option) =>
            !option.value || Object.keys(others).length === 0
              ? undefined
              : commonCount(pagefindFilters({ ...others, [select.dataset.filter!]: option.value })),
          ),
        );
      }),
    );
    if (mine !== countsGeneration) return;
    filterSelects.forEach((select, s) => {
      [...select.options].forEach((option, o) => {
        if (!option.value) return;
        const n = counted[s]![o] ?? Number(option.dataset.count);
        option.textContent = `${option.value}（${n}）`;
        option.disabled = n === 0 && option.value !== select.value;
      });
    });
  };

  /** Appends the next page of results. */
  const showMore = async (mine: number) => {
    while (hits.length < shown + PAGE_SIZE && pending.length > 0) {
      const got = await read(pending, PAGE_SIZE, pendingFilters, mine);
      if (!got) return;
      hits.push(...got.members.map(browseHit));
      pending = got.rest;
    }
    // Every page read: the count is what was found, should a count from the sets have disagreed.
    if (pending.length === 0) known = undefined;
    const batch = hits.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    for (const hit of batch) list.append(renderResult(hit));
    more.hidden = shown >= total();
  };

  /** Ranked hits for a query: the candidates holding it, and for a latin query also what its pinyin spells. */
  const find = async (term: string, options: SearchOptions, mine: number, debounced: boolean) => {
    const query = parseQuery(term);
    const search = debounced
      ? await pagefind!.debouncedSearch(term, options, 250)
      : await pagefind!.search(term, options);
    if (search === null || mine !== generation) return undefined;
    const filters = options.filters ?? {};
    const first = await read(search.results, MAX_CANDIDATES, filters, mine);
    if (!first) return undefined;
    const keepOrder = !!options.sort;
    let ranked = rank(first.members, query, keepOrder);
    let truncated = first.rest.length > 0;
    const terms = [...query.terms];
    // Pinyin: search for the characters it spells in the names found (`chaozhou` → 潮州), as if they had been typed;
    // only in the members Pagefind found it in (a word starting with it), not in their neighbours on a page.
    const spelled = query.latin ? first.members.filter((m) => startsWord(m.raw, query.terms)) : [];
    const via = [...new Set([...pinyinTargets(term, spelled), ...spelledValues(term, optionPinyin)])];
    for (const target of via) {
      const also = await pagefind!.search(target, options);
      const more = mine === generation ? await read(also.results, MAX_CANDIDATES, filters, mine) : undefined;
      if (!more) return undefined;
      truncated ||= more.rest.length > 0;
      ranked = [...ranked, ...rank(more.members, parseQuery(target), keepOrder)];
      terms.push(...parseQuery(target).terms);
    }
    // One hit per result, at its best tier; ranked again across the searches.
    const best = new Map<string, (typeof ranked)[number]>();
    for (const r of ranked)
      if (!best.has(r.member.url) || best.get(r.member.url)!.tier > r.tier) best.set(r.member.url, r);
    const merged = [...best.values()];
    if (via.length > 0 && !keepOrder) merged.sort(compareRanked);
    const list: Hit[] = merged.map((r) => ({
      data: r.member,
      excerpt: excerpt(
        r.text,
        terms,
        r.tier > TIER.nameContains ? 'match' : r.type === TYPES.bulletin ? 'body' : 'first',
      ),
      problems: problemsWithQuarters(r.fields, terms).map((p) => highlight(p, terms)),
    }));
    return { hits: list, via, truncated };
  };

  /** Names close to a query that found nothing, from what its halves find (one half survives a one-character slip). */
  const suggest = async (term: string, mine: number): Promise<string[]> => {
    const names: string[] = [];
    for (const probe of suggestionProbes(term)) {
      const found = await pagefind!.search(probe);
      const got = mine === generation ? await read(found.results, SUGGEST_CANDIDATES, {}, mine) : undefined;
      if (!got) return [];
      for (const c of got.members)
        names.push(...(c.fields.y ? c.fields.y.map(([text]) => text) : c.fields.n));
    }
    return suggestions(term, names);
  };

  /** Under an empty result: the nearest names as links, and the filters (or clearing them) as the other way in. */
  const showSuggestions = (names: string[]) => {
    suggestBox.replaceChildren();
    if (names.length > 0) {
      const line = el('p', undefined, '您要找的是不是：');
      names.forEach((name, i) => {
        if (i > 0) line.append('、');
        const a = el('a', undefined, name);
        a.href = `?q=${encodeURIComponent(name)}`;
        a.addEventListener('click', (event) => {
          event.preventDefault();
          input.value = name;
          void run(false);
        });
        line.append(a);
      });
      line.append('？');
      suggestBox.append(line);
    }
    const filtered = Object.keys(chosenFilters()).length > 0;
    const line = el('p', undefined, filtered ? '已选的筛选条件可能太窄：' : '也可以不输入关键词，');
    const button = el(
      'button',
      'search-suggest-button',
      filtered ? '清除筛选条件' : '按季度、类型、地区或结果筛选',
    );
    button.type = 'button';
    button.addEventListener('click', () => {
      if (filtered) {
        for (const select of filterSelects) select.value = '';
        showFilterCount();
        void run(false);
      } else {
        filtersBox.hidden = false;
        filtersBox.open = true;
        filterSelects[0]?.focus();
      }
    });
    line.append(button);
    suggestBox.append(line);
    suggestBox.hidden = false;
  };

  const run = async (debounced: boolean) => {
    writeUrl();
    if (!pagefind) return;
    const term = input.value.trim();
    const filters = chosenFilters();
    const filtered = Object.keys(filters).length > 0;
    const mine = ++generation;
    suggestBox.hidden = true;
    if (!term && !filtered) {
      hits = [];
      pending = [];
      known = undefined;
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      list.setAttribute('aria-busy', 'false');
      return;
    }
    // Busy until this query's results are on screen (set before the first await, so it is never stale).
    list.setAttribute('aria-busy', 'true');
    const newest = sortSelect.value === 'newest' || !term;
    const wanted = pagefindFilters(filters);
    const options: SearchOptions = {
      filters: wanted,
      ...(newest ? { sort: { [SORT_KEY]: 'desc' } } : {}),
    };
    let note = '';
    if (term) {
      const found = await find(term, options, mine, debounced);
      if (!found) return; // A newer query superseded this one; it clears busy.
      hits = found.hits;
      pending = [];
      known = undefined;
      if (found.via.length > 0) note = `（按拼音：${found.via.join('、')}）`;
      if (found.truncated) note += `（只查看了最相关的 ${MAX_CANDIDATES} 条，可加上筛选条件缩小范围）`;
    } else {
      const search = debounced
        ? await pagefind.debouncedSearch(null, options, 250)
        : await pagefind.search(null, options);
      if (search === null || mine !== generation) return;
      hits = [];
      pending = search.results;
      pendingFilters = wanted;
      // The count of one filter value is in the page; of more, their sets' intersection. Without those, every page
      // must be read to count its members.
      const chosen = Object.entries(wanted);
      known = chosen.length === 1 ? countOf(...chosen[0]!) : await commonCount(wanted);
      if (mine !== generation) return;
      if (known === 0) pending = []; // its pages hold members with some of the values, none with all of them
      if (known === undefined) {
        const all = await read(pending, Infinity, wanted, mine);
        if (!all) return;
        hits = all.members.map(browseHit);
        pending = [];
      }
    }
    shown = 0;
    list.replaceChildren();
    await showMore(mine);
    if (mine !== generation) return;
    const what = term ? `“${term}”` : '所选条件';
    if (total() === 0 && term) {
      const names = await suggest(term, mine);
      if (mine !== generation) return;
      showSuggestions(names);
    }
    list.setAttribute('aria-busy', 'false');
    // A veto item no website had (the help's own example, 首页不更新, may be one): say so, not just “nothing found”.
    const noneHad =
      total() === 0 && flags.includes(term) && Object.keys(filters).length === 0
        ? `：各季度的检查中，没有政府网站被查出“${term}”`
        : '';
    status.textContent =
      total() === 0
        ? `没有找到与${what}相关的结果${noneHad}。`
        : `找到 ${total()} 条与${what}相关的结果${note}。`;
  };

  const load = async () => {
    status.textContent = '正在加载搜索索引…';
    try {
      pagefind = (await import(/* @vite-ignore */ form.dataset.bundle!)) as Pagefind;
      // In the page's own thread: a worker would be one more script (43 KB) to download before the first query.
      await pagefind.options({ ranking: RANKING, noWorker: true });
      await pagefind.init();
      showFilterCount();
      // Open on wide screens; on phones closed (it would fill the first screen) unless a shared link set a filter.
      filtersBox.open = !matchMedia(NARROW).matches || filtersCount.textContent !== '';
      filtersBox.hidden = false;
      status.textContent = '';
      await run(false);
    } catch (error) {
      status.textContent = '搜索索引加载失败，请刷新页面重试，或从“通报”列表查阅。';
      console.warn(error);
    }
  };

  input.addEventListener('input', () => void run(true));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(false);
  });
  for (const select of [...filterSelects, sortSelect]) {
    select.addEventListener('change', () => {
      showFilterCount();
      void run(false);
    });
  }
  more.addEventListener('click', () => {
    const firstNew = list.children.length;
    void showMore(generation).then(() =>
      (list.children[firstNew]?.querySelector('a') as HTMLElement | undefined)?.focus(),
    );
  });

  // Arrow keys: from the box into the results, between results, and back to the box.
  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a.result-link')];
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && links()[0]) {
      event.preventDefault();
      links()[0]!.focus();
    }
  });
  list.addEventListener('keydown', (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    if (event.key === 'ArrowDown' && at < all.length - 1) all[at + 1]!.focus();
    else if (event.key === 'ArrowUp') (at === 0 ? input : all[at - 1]!).focus();
    else if (event.key === 'Escape') input.focus();
    else return;
    event.preventDefault();
  });

  input.focus();
  void load();
}
