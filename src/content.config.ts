import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { bulletinFileSchema } from './lib/bulletin.ts';
import { quartersLoader } from './loaders/quarters.ts';
import { dataDir as currentDataDir } from './utils/dataset.ts';

/** The data folder; tests and benchmarks point it elsewhere. */
const dataDir = currentDataDir();

export const collections = {
  /** Each quarter's prose (bulletin.mdx), rendered by MDX; id = quarter folder, e.g. `2020-Q3`. */
  bulletins: defineCollection({
    loader: glob({ pattern: '*/bulletin.mdx', base: dataDir, generateId: ({ entry }) => entry.split('/')[0]! }),
    schema: bulletinFileSchema,
  }),
  /** Each quarter, validated: its label, figures and row counts (the rows themselves: src/utils/dataset.ts). */
  quarters: defineCollection({ loader: quartersLoader(dataDir) }),
};
