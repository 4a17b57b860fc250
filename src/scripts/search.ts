/**
 * The search page's client: loads the Pagefind bundle, runs `?q=` on load, keeps the URL shareable, renders
 * results as DOM nodes (never HTML from data), and lets the keyboard move through them.
 */
import { FILTERS, QUARTER_RESULT, quarterResult, SORT_KEY } from '../lib/search-vocabulary';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
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
 * Pagefind 1.6 matches Chinese query parts inside longer indexed words too (`安` in `平安`); weighting exact word
 * matches strongly puts `潮安区…` above `平安潮州` for the query `潮安`. Verified by test/e2e/search.test.ts.
 */
export const RANKING = { termSimilarity: 10 };
/** Phone widths, as in src/styles/global.css: the filters start closed there. */
const NARROW = '(max-width: 40rem)';

/**
 * The filters Pagefind is asked for. A record covers every quarter of a website or account, so 季度 and 结果 chosen
 * together become the one hidden 季度结果 filter (“had that result in that quarter”, src/lib/search.ts).
 */
export function pagefindFilters(chosen: Filters): Filters {
  const { [FILTERS.quarter]: quarter, [FILTERS.result]: result, ...rest } = chosen;
  if (quarter && result) return { ...rest, [QUARTER_RESULT]: quarterResult(quarter, result) };
  return chosen;
}

/** Splits a Pagefind excerpt (escaped text with `<mark>` around matches) into text and highlighted parts. */
export function excerptParts(excerpt: string): { text: string; mark: boolean }[] {
  const decode = (s: string) =>
    s
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&(lt|gt|quot|apos|#39|nbsp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: ' ' })[e] ?? '')
      .replace(/&amp;/g, '&');
  const parts: { text: string; mark: boolean }[] = [];
  const pieces = excerpt.split(/<mark>|<\/mark>/);
  // Between the tags, odd pieces are inside <mark>.
  pieces.forEach((piece, i) => {
    if (piece) parts.push({ text: decode(piece.replace(/<[^>]*>/g, '')), mark: i % 2 === 1 });
  });
  return parts;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
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

  let pagefind: Pagefind | undefined;
  let results: PagefindResult[] = [];
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
   * The filters' options and counts are in the page (src/lib/search.ts `filterOptions`): asking Pagefind for them
   * would download every filter file before the first query. A shared link's choices are restored if offered.
   */
  for (const select of filterSelects) {
    const wanted = params.get(select.dataset.filter!) ?? '';
    if ([...select.options].some((o) => o.value === wanted)) select.value = wanted;
  }

  const renderResult = (data: PagefindResultData): HTMLLIElement => {
    const item = el('li', 'search-result');
    const link = el('a', 'result-link');
    link.href = data.url;
    link.append(el('span', 'result-title', data.meta.title ?? data.url));
    item.append(link);
    const tags = el('p', 'result-tags');
    if (data.meta.type) tags.append(el('span', 'result-type', data.meta.type));
    if (data.meta.quarter) tags.append(el('span', 'result-quarter', data.meta.quarter));
    if (data.meta.detail) tags.append(el('span', 'result-detail', data.meta.detail));
    item.append(tags);
    const excerpt = el('p', 'result-excerpt');
    for (const part of excerptParts(data.excerpt)) excerpt.append(part.mark ? el('mark', undefined, part.text) : document.createTextNode(part.text));
    item.append(excerpt);
    return item;
  };

  /** Appends the next page of results. */
  const showMore = async (mine: number) => {
    const batch = results.slice(shown, shown + PAGE_SIZE);
    shown += batch.length;
    const data = await Promise.all(batch.map((r) => r.data()));
    if (mine !== generation) return;
    for (const d of data) list.append(renderResult(d));
    more.hidden = shown >= results.length;
  };

  const run = async (debounced: boolean) => {
    writeUrl();
    if (!pagefind) return;
    const term = input.value.trim();
    const filters = chosenFilters();
    const filtered = Object.keys(filters).length > 0;
    const mine = ++generation;
    if (!term && !filtered) {
      results = [];
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      list.setAttribute('aria-busy', 'false');
      return;
    }
    // Busy until this query's results are on screen (set before the first await, so it is never stale).
    list.setAttribute('aria-busy', 'true');
    const newest = sortSelect.value === 'newest' || !term;
    const options: SearchOptions = { filters: pagefindFilters(filters), ...(newest ? { sort: { [SORT_KEY]: 'desc' } } : {}) };
    const search = debounced ? await pagefind.debouncedSearch(term || null, options, 250) : await pagefind.search(term || null, options);
    if (search === null || mine !== generation) return; // A newer query superseded this one; it clears busy.
    results = search.results;
    shown = 0;
    list.replaceChildren();
    await showMore(mine);
    if (mine !== generation) return;
    const what = term ? `“${term}”` : '所选条件';
    list.setAttribute('aria-busy', 'false');
    status.textContent = results.length === 0 ? `没有找到与${what}相关的结果。` : `找到 ${results.length} 条与${what}相关的结果。`;
  };

  const load = async () => {
    status.textContent = '正在加载搜索索引…';
    try {
      pagefind = (await import(/* @vite-ignore */ form.dataset.bundle!)) as Pagefind;
      await pagefind.options({ excerptLength: 36, ranking: RANKING });
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
    void showMore(generation).then(() => (list.children[firstNew]?.querySelector('a') as HTMLElement | undefined)?.focus());
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
