/**
 * The dataset of this build: the data folder, read and validated once, and everything derived from it (published
 * quarters, history, index lists, lookups, downloads, data package, site name), each computed the first time a page
 * asks and then kept on the one object. Pages, the content loader (src/loaders/validated-bulletins.ts) and the data
 * endpoints all read this object; nothing else caches data.
 *
 * Why not Astro's content store: it serialises every entry to disk and back (devalue) and digests it, which for a
 * national dataset (1.2 million annex rows) took most of the build and gigabytes of memory. The rows stay here, in
 * memory, once.
 *
 * Why globalThis: Astro loads the content config (with its loader) and the prerendered pages as separate module
 * instances in one process, so a module variable would read the data folder twice. This slot is the only state
 * shared between them besides the slug cache of src/lib/identity.ts, whose values depend on the text alone. It is keyed by the folder's file sizes and times, so `astro dev` sees edits (a new object).
 * The site URL and base path (src/site.ts) are the same constants in every module instance of a build, so it does
 * not matter which instance computes a download.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dataPackage } from '../lib/datapackage.ts';
import { dataFiles, fileFacts, versionFiles, type DataFile, type FileFacts } from '../lib/export.ts';
import {
  buildHistory,
  type AccountHistory,
  type History,
  type UnitHistory,
  type WebsiteHistory,
} from '../lib/history.ts';
import { listOrder, type ListOrder } from '../lib/lists.ts';
import type { QuarterLedger } from '../lib/ledger.ts';
import type { LoadResult, Quarter } from '../lib/load.ts';
import { compareQuarters } from '../lib/quarter.ts';
import { formatReport, passes } from '../lib/report.ts';
import { paths, slugOf } from '../lib/routes.ts';
import { searchSetFiles, siteRecords, type SearchRecord } from '../lib/search-records.ts';
import type { SetFiles } from '../lib/search-sets.ts';
import type { SiteConfig } from '../lib/site-config.ts';
import { dataDirFromEnv } from '../node/data-dir.ts';
import { loadData } from '../node/load.ts';
import { SITE_DESCRIPTION, SITE_TITLE, absoluteUrl } from '../site.ts';

/** The data folder of this build: tests and benchmarks point DATA_DIR elsewhere. */
export const dataDir = (): string => dataDirFromEnv();

const bulletinUrl = (q: Quarter) => absoluteUrl(paths.bulletin(q));

/** One data folder, loaded, with what the site derives from it. */
export class Dataset {
  #published?: Quarter[];
  #history?: History;
  #lists?: ListOrder;
  #searchSets?: SetFiles;
  #accountsByKey?: Map<string, AccountHistory>;
  #dataFiles?: DataFile[];
  #facts = new Map<string, FileFacts>();

  /** Every quarter and finding, as `npm run validate` reads them. */
  readonly loaded: LoadResult;

  constructor(loaded: LoadResult) {
    this.loaded = loaded;
  }

  /** Whether the data has no error (a build with errors stops in the content loader). */
  get valid(): boolean {
    return passes(this.loaded.findings);
  }

  /** The published quarters, newest first. */
  get quarters(): Quarter[] {
    return (this.#published ??= this.loaded.quarters
      .filter((q) => q.published)
      .sort((a, b) => compareQuarters(b, a)));
  }

  /** The published quarters' history (src/lib/history.ts): search and pages share it. */
  get history(): History {
    return (this.#history ??= buildHistory(this.loaded.quarters));
  }

  /** The index lists in reading order (region, then name), sorted once rather than once per list page. */
  get lists(): ListOrder {
    return (this.#lists ??= listOrder(this.history));
  }

  /** Every account by its key. */
  get accountsByKey(): Map<string, AccountHistory> {
    return (this.#accountsByKey ??= new Map(this.history.accounts.map((a) => [a.key, a])));
  }

  /** The search index's records (src/lib/search-records.ts), from the history the pages use: made anew, not kept. */
  searchRecords(): SearchRecord[] {
    return siteRecords(this.loaded, this.history);
  }

  /** Which records have each filter value (src/lib/search-sets.ts): the search page names their folder, the files follow. */
  get searchSets(): SetFiles {
    return (this.#searchSets ??= searchSetFiles(this.history, this.history.quarters));
  }

  /** A quarter's published versions (src/lib/ledger.ts), when the data folder's history was read. */
  ledger(id: string): QuarterLedger | undefined {
    return this.loaded.ledger?.get(id);
  }

  /** Every download of the published quarters (src/lib/export.ts `dataFiles`), then those of each committed version. */
  get dataFiles(): DataFile[] {
    return (this.#dataFiles ??= [
      ...dataFiles(this.quarters, bulletinUrl),
      ...versionFiles(
        [...this.quarters].reverse().flatMap((q) => this.ledger(q.id) ?? []),
        bulletinUrl,
      ),
    ]);
  }

  /**
   * A download's bytes (UTF-8), made when its route renders and then let go (national scale: about 1 GB of text in all); its
   * size and digest are kept for the downloads page and the data package.
   */
  dataFileBody(file: DataFile): Uint8Array<ArrayBuffer> {
    // Encoded once, here: the response and the digest share these bytes (the text itself is let go at once).
    // Buffer.from(text) is a view of an ordinary ArrayBuffer (never shared memory), as Response wants.
    const body = Buffer.from(file.body(), 'utf8') as Uint8Array<ArrayBuffer>;
    this.#facts.set(file.path, fileFacts(body));
    return body;
  }

  /** A download's size and digest: kept from when its route rendered, else made once for them. */
  dataFileFacts(file: DataFile): FileFacts {
    if (!this.#facts.has(file.path)) this.dataFileBody(file);
    return this.#facts.get(file.path)!;
  }

  /** datapackage.json describing every download (rendered, like the downloads page, after the files when it can). */
  get dataPackage(): ReturnType<typeof dataPackage> {
    return dataPackage(
      this.quarters,
      this.dataFiles.map((f) => ({ ...f, ...this.dataFileFacts(f) })),
      {
        homepage: absoluteUrl(paths.data),
        urlOf: bulletinUrl,
        title: `${this.siteName}：附件数据`,
        description: `${SITE_DESCRIPTION}各季度附件1（政府网站）与附件2（政务新媒体）的表格数据，与通报附件一致；CSV 为 UTF-8（带 BOM）、逗号分隔，表头为附件的中文列名。`,
      },
    );
  }

  /** data/site.yml when there is one. */
  get site(): SiteConfig | undefined {
    return this.loaded.site;
  }

  /** The site's name: site.yml `name`, else the generic title. */
  get siteName(): string {
    return this.site?.name ?? SITE_TITLE;
  }
}

interface Slot {
  fingerprint: string;
  dataset: Dataset;
}

const SLOT = Symbol.for('gov-inspection-report.dataset');
const slots = ((globalThis as Record<symbol, unknown>)[SLOT] ??= new Map<string, Slot>()) as Map<
  string,
  Slot
>;

/** Names, sizes and modification times of every file in the folder and its quarter folders. */
function fingerprint(dir: string): string {
  const parts: string[] = [];
  const visit = (path: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(path).sort();
    } catch {
      parts.push(`${path}:unreadable`);
      return;
    }
    for (const name of names) {
      const child = join(path, name);
      const stat = statSync(child, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) {
        if (depth < 1) visit(child, depth + 1);
      } else {
        parts.push(`${child}:${stat.size}:${stat.mtimeMs}`);
      }
    }
  };
  visit(dir, 0);
  return parts.join('\n');
}

/** The dataset of `dir`, read once for as long as its files do not change; valid or not (the loader reports). */
export function loadDataset(dir = dataDir()): Dataset {
  // Files change under `astro dev` only; a build reads them once (fingerprinting them for each page took ~0.4 ms a page).
  const print = import.meta.env.DEV ? fingerprint(dir) : '';
  const hit = slots.get(dir);
  if (hit && hit.fingerprint === print) return hit.dataset;
  const dataset = new Dataset(loadData(dir));
  slots.set(dir, { fingerprint: print, dataset });
  return dataset;
}

/**
 * The dataset the content loader read, for code outside Vite's modules (an integration, where `import.meta.env` is
 * undefined): the build's one dataset, read now only if the loader has not run.
 */
export function loadedDataset(dir = dataDir()): Dataset {
  return slots.get(dir)?.dataset ?? loadDataset(dir);
}

/** The dataset pages render: refuses data that no longer validates (an edit during `astro dev`). */
export function siteData(): Dataset {
  const dataset = loadDataset();
  // The content loader already refused such data; in `astro dev` an edit may have broken it since.
  if (!dataset.valid) throw new Error(`数据校验未通过：\n${formatReport(dataset.loaded)}`);
  return dataset;
}

// Accessors for pages and components, one per derived value.
/** The published quarters, newest first. */
export const publishedQuarters = async (): Promise<Quarter[]> => siteData().quarters;
export const siteHistory = async (): Promise<History> => siteData().history;
export const siteLists = async (): Promise<ListOrder> => siteData().lists;
export const searchSets = (): SetFiles => siteData().searchSets;
export const publishedDataFiles = async (): Promise<DataFile[]> => siteData().dataFiles;
export const publishedDataPackage = async () => siteData().dataPackage;
/** A download's text (src/lib/export.ts), made as its route renders. */
export const dataFileBody = (file: DataFile): Uint8Array<ArrayBuffer> => siteData().dataFileBody(file);
/** A download's size and digest. */
export const dataFileFacts = (file: DataFile): FileFacts => siteData().dataFileFacts(file);
export const siteConfig = (): SiteConfig | undefined => siteData().site;
export const siteName = (): string => siteData().siteName;

/** Where each kind of entity page is (src/lib/routes.ts). */
const ENTITY_PATHS = {
  websites: (site: WebsiteHistory) => paths.website(site),
  accounts: (account: AccountHistory) => paths.account(account),
  units: (unit: UnitHistory) => paths.unit({ unit: unit.name, unitKey: unit.key }),
};
type EntityList = keyof typeof ENTITY_PATHS;

/** Props of a website, account or unit page: the entity and the history it is part of. */
export interface EntityProps<K extends EntityList> {
  entity: History[K][number];
  history: History;
}

/** getStaticPaths of the website, account or unit pages: one page per entity, at its path. */
export async function entityPaths<K extends EntityList>(list: K) {
  const history = await siteHistory();
  const pathOf = ENTITY_PATHS[list] as (entity: History[K][number]) => string;
  const entities = history[list] as History[K][number][];
  return entities.map((entity) => ({
    params: { slug: slugOf(pathOf(entity)) },
    props: { entity, history } satisfies EntityProps<K>,
  }));
}

/** A quarter's published versions (src/lib/ledger.ts). */
export const quarterLedger = (id: string): QuarterLedger | undefined => siteData().ledger(id);
