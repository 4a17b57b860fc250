/** Where the data folder is, for every entry point (CLI, build, Astro): one default, one rule for an empty value. */

/** `$DATA_DIR` (tests and benchmarks point it elsewhere), else `data`; an empty DATA_DIR counts as unset. */
export const dataDirFromEnv = (env: NodeJS.ProcessEnv = process.env): string => env.DATA_DIR || 'data';
