import { defineCollection } from 'astro:content';
import { validatedBulletins } from './loaders/validated-bulletins.ts';
import { dataDir } from './utils/dataset.ts';

export const collections = {
  /**
   * Each quarter's prose (bulletin.mdx), rendered by MDX; id = quarter folder, e.g. `2020-Q3`. Loading it validates
   * the whole data folder and fails the build on any error; the rows and figures stay in src/utils/dataset.ts.
   */
  bulletins: defineCollection({ loader: validatedBulletins(dataDir()) }),
};
