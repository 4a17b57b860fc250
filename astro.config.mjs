// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import searchIndex from './src/integrations/pagefind.ts';

// SITE_URL and BASE_PATH let the same build serve from a domain root or a sub-path.
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.gov.cn',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  integrations: [mdx(), searchIndex()],
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // Parallel builds of different data folders (tests, benchmark) must not share a content cache.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
});
