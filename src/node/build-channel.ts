/**
 * What `npm run build` (scripts/build.ts) and the Astro process it starts tell each other. The data is read and
 * validated once, in Astro (src/utils/dataset.ts): its content loader sends the validation verdict as soon as it has
 * it, so the build prints the report first and stops Astro early on an error; the search pages are written from the
 * same dataset (src/integrations/search-index.ts) while Astro renders pages, and indexed by the build once Astro has
 * exited.
 */

/**
 * Set by the build to its process id: write the search pages into its scratch folder. Without it (`astro build`,
 * `astro dev`) there is no index.
 */
export const SEARCH_INDEX_ENV = 'BUILD_SEARCH_INDEX';
/** Set by the build with --verbose: the report lists acknowledged warnings too. */
export const REPORT_ALL_ENV = 'BUILD_REPORT_ALL';

/** Search pages written to a scratch folder for Pagefind (scripts/build/pagefind.ts `writeSearchPages`). */
export interface WrittenPages {
  /** The scratch folder (`scratchFolders` of the build process that indexes it). */
  folder: string;
  /** How many pages, and how many records they hold. */
  pages: number;
  records: number;
}

/** A message from the Astro process over its IPC channel. */
export type BuildMessage =
  | { kind: 'validated'; ok: boolean; report: string }
  | ({ kind: 'search-pages'; ok: true; seconds: number } & WrittenPages)
  | { kind: 'search-pages'; ok: false; error: string };

/**
 * Sends `message` to scripts/build.ts when it started this process (else there is no channel: nothing to do);
 * settles once it is sent.
 */
export function tellBuild(message: BuildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });
}

/** Closes the channel at the end of the build: an open channel would keep the Astro process alive. */
export function closeBuildChannel(): void {
  if (process.connected) process.disconnect();
}

/** Whether the report should list acknowledged warnings. */
export const reportAll = (env: NodeJS.ProcessEnv = process.env): boolean => env[REPORT_ALL_ENV] === '1';

/** The build's line about the search index. */
export const indexedLine = (records: number, seconds: number): string =>
  `搜索索引：${records} 条记录（通报、网站和账号），用时 ${seconds.toFixed(1)} 秒`;
