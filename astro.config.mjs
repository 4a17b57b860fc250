// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

// SITE_URL and BASE_PATH let the same build serve from a domain root or a sub-path.
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.gov.cn',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  integrations: [mdx()],
  // Nothing inline: every script and stylesheet is a file, so the Content-Security-Policy can forbid inline code.
  build: { format: 'directory', inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  // Parallel builds of different data folders (tests, benchmark) must not share a content cache.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
});
