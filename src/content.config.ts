import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { bulletinSchema } from './lib/bulletin.ts';
import { quartersLoader } from './loaders/quarters.ts';

/** The data folder; tests and benchmarks point it elsewhere. */
const dataDir = process.env.DATA_DIR ?? 'data';

export const collections = {
  /** Each quarter's prose (bulletin.mdx), rendered by MDX; id = quarter folder, e.g. `2020-Q3`. */
  bulletins: defineCollection({
    loader: glob({ pattern: '*/bulletin.mdx', base: dataDir, generateId: ({ entry }) => entry.split('/')[0]! }),
    schema: bulletinSchema,
  }),
  /** Each quarter's validated annex records and figures (src/lib/load.ts `Quarter`). */
  quarters: defineCollection({ loader: quartersLoader(dataDir) }),
};
