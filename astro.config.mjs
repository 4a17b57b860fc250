// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { writeSearchPagesAside } from './scripts/build/search-pages.ts';
import searchIndex from './src/integrations/search-index.ts';
import sitemap from './src/integrations/sitemap.ts';

/**
 * Astro wraps each content entry that carries styles (our bulletin.mdx files, as `…bulletin.mdx?astroPropagatedAssets`)
 * in a module starting with its own marker directive "use astro:head-inject" (astro/dist/content/vite-plugin-content-assets.js).
 * Astro reads the marker before bundling; Rolldown then warns, once per bulletin, that it cannot keep a module-level
 * directive it does not know. Harmless and not ours to fix, so exactly that warning is dropped; every other log passes on.
 * @type {NonNullable<import('vite').Rolldown.InputOptions['onLog']>}
 */
const onLog = (level, log, handler) => {
  if (
    level === 'warn' &&
    log.code === 'MODULE_LEVEL_DIRECTIVE' &&
    log.message.includes('"use astro:head-inject"')
  )
    return;
  handler(level, log);
};

// SITE_URL and BASE_PATH let the same build serve from a domain root or a sub-path.
// An inherited BASE_URL variable (vitest sets one, so do some CI systems) would override import.meta.env.BASE_URL
// in server-rendered modules and silently drop the base from every link; BASE_PATH is the only knob.
delete process.env.BASE_URL;
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://example.gov.cn',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  // sitemap-index.xml + sitemap-0.xml… list every HTML page (the 404 page excluded) with absolute URLs under site + base.
  // The search index: written while pages render, from the data Astro has read, when `npm run build` asks for it.
  integrations: [mdx(), sitemap(), searchIndex(writeSearchPagesAside)],
  // Nothing inline: every script and stylesheet is a file, so the Content-Security-Policy can forbid inline code.
  // Four pages at a time: while one page's files are being written, the next is rendered (national scale: 229 s
  // against 252 s one at a time, BENCHMARKS.md).
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  // One stylesheet for the whole site (18 KB, 4 KB gzip): cached once on a phone, one <link> per page rather than five.
  vite: { build: { assetsInlineLimit: 0, cssCodeSplit: false, rolldownOptions: { onLog } } },
  devToolbar: { enabled: false },
  // Parallel builds of different data folders (tests, benchmark) must not share a content cache.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
});
