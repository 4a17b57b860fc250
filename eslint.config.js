// @ts-check
/**
 * ESLint: typescript-eslint's and eslint-plugin-astro's recommended rules, and the layering rule of the README
 * (代码结构): which folder may import which. The rule is `no-restricted-imports` per folder; test/lint.test.ts proves
 * that it fails when src/lib reaches up to src/site.ts or into Astro.
 */
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node modules that do input/output or run processes (node:path and node:crypto compute, and are allowed in src/lib). */
const NODE_IO = [
  'node:*',
  '!node:path',
  '!node:crypto',
  'fs',
  'fs/*',
  'child_process',
  'os',
  'net',
  'http',
  'https',
  'worker_threads',
];
const ASTRO = ['astro', 'astro:*', 'astro/*', '@astrojs/*'];

/**
 * One `no-restricted-imports` rule from groups of forbidden specifiers, each with the reason shown to the developer.
 * @param {...[string[], string]} groups
 * @returns {import('eslint').Linter.RulesRecord}
 */
const forbid = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })) }],
});

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.astro/',
      '.tmp/',
      'node_modules/',
      'test/fixtures/',
      '.*-build-*/',
      '.gitlab-ci-local/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_` marks a parameter a callback signature requires but the function does not use.
      // `const { A, ...rest } = obj` drops A from rest on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // A classic script in <head>, written for every browser a government site must serve: `catch (e) {}` rather than
    // ES2019's `catch {}`, and an empty catch where localStorage is unavailable (private mode) and nothing is to be done.
    files: ['src/client/reading.js'],
    languageOptions: { globals: { ...globals.browser }, ecmaVersion: 5, sourceType: 'script' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // Astro escapes every expression except set:html, the one way a hostile cell could run in a reader's browser. Its
    // few uses emit rows built by src/lib/html.ts's escaping, each marked where it stands; a new one must say why too.
    files: ['src/**/*.astro'],
    rules: { 'astro/no-set-html-directive': 'error' },
  },
  {
    // Tests write the full-width spaces (U+3000) Excel users type, inside template strings.
    files: ['test/**'],
    rules: { 'no-irregular-whitespace': ['error', { skipTemplates: true }] },
  },
  {
    // src/lib: the domain, pure. Imports only src/lib and npm packages that do no I/O.
    files: ['src/lib/**'],
    rules: {
      ...forbid(
        [
          ['../*', '../../*'],
          'src/lib imports only src/lib: pages, site.ts, utils and node code depend on it, not the other way round (README 代码结构).',
        ],
        [
          NODE_IO,
          'src/lib does no file system or process work: read files in src/node/, run processes in scripts/.',
        ],
        [ASTRO, 'src/lib does not depend on Astro: Astro-only code goes in src/utils/ or src/site.ts.'],
        [['pagefind', 'playwright-core', 'vitest'], 'src/lib does not run tools.'],
      ),
      'no-restricted-globals': [
        'error',
        {
          name: 'process',
          message: 'src/lib is pure: take what you need from process as an argument (src/node/).',
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MetaProperty[meta.name='import']",
          message: 'src/lib does not read import.meta (Vite-only): see src/site.ts.',
        },
      ],
    },
  },
  {
    // src/node: reads the data folder from disk for scripts/ and the Astro side. Imports src/lib and Node.
    files: ['src/node/**'],
    rules: forbid(
      [
        ['../*', '!../lib', '!../lib/*'],
        'src/node imports only src/lib (and node:*): it is below Astro and the scripts.',
      ],
      [ASTRO, 'src/node does not depend on Astro: scripts/ use it without Vite.'],
    ),
  },
  {
    // src/client: browser code. Pure src/lib modules only; nothing from Node or Astro.
    files: ['src/client/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: forbid(
      [['node:*', ...NODE_IO.slice(3)], 'Browser code cannot use Node modules.'],
      [ASTRO, 'Browser code cannot import Astro.'],
      [
        ['**/utils/*', '**/node/*', '**/loaders/*', '**/site', '**/site.ts', '**/pages/*', '**/components/*'],
        'Browser code imports only src/lib and src/client.',
      ],
    ),
  },
  {
    // The Astro side's helpers: the dataset, the content loader, integrations. Not pages or components.
    files: ['src/utils/**', 'src/loaders/**', 'src/integrations/**', 'src/content.config.ts', 'src/site.ts'],
    rules: forbid([
      ['**/pages/*', '**/components/*', '**/layouts/*', '**/client/*'],
      'Helpers do not import pages, components or browser code.',
    ]),
  },
  {
    // Pages, components, layouts: import src/lib, src/utils, src/site.ts, components and layouts (and browser code in
    // <script>); the data comes through src/utils/dataset.ts, never from the disk.
    files: ['src/pages/**', 'src/components/**', 'src/layouts/**'],
    rules: forbid(
      [['**/node/*', '**/loaders/*'], 'Pages read the data through src/utils/dataset.ts.'],
      [NODE_IO, 'Pages read the data through src/utils/dataset.ts, not from the disk.'],
    ),
  },
  {
    // The command-line scripts run in plain Node: src/lib and src/node, never Astro's side (src/site.ts needs Vite).
    files: ['scripts/**'],
    rules: forbid([
      [
        '**/src/utils/*',
        '**/src/site',
        '**/src/site.ts',
        '**/src/pages/*',
        '**/src/components/*',
        '**/test/*',
        ...ASTRO,
      ],
      'Scripts use src/lib and src/node only (no Vite, no test code).',
    ]),
  },
);
