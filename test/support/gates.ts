/** The quality gates every built site must pass: html-validate on every page, axe-core in Chromium (links: dist.ts). */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { htmlPages } from './dist.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Chinese punctuation and long official titles are legitimate content.
    'long-title': 'off',
    'no-trailing-whitespace': 'off',
    // A wide table's scroll box (TableScroll.astro) is a labelled div[role=region], not a <section>: a section wants a
    // heading (W3C Nu checker), and the box has a name but no heading of its own.
    'prefer-native-element': ['error', { exclude: ['region'] }],
  },
});

/** Every html-validate message on every page of a built site, as `page:line:column rule message`. */
export async function htmlProblems(dist: string): Promise<string[]> {
  const problems: string[] = [];
  for (const page of htmlPages(dist)) {
    const report = await validator.validateString(readFileSync(join(dist, page), 'utf8'), page);
    for (const r of report.results)
      for (const m of r.messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  return problems;
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** WCAG 2.x A/AA violations axe-core finds on the page (open it in a context with bypassCSP: true). */
export async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    // @ts-expect-error injected global
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(
      (v: { id: string; help: string; nodes: { target: string[] }[] }) =>
        `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }, TAGS);
}

/** axe violations on each of `paths` (under `baseUrl`) at phone and desktop width, as `390px /path violation`. */
export async function axeAtBothWidths(
  browser: Browser,
  baseUrl: string,
  paths: readonly string[],
): Promise<string[]> {
  const violations: string[] = [];
  for (const width of [390, 1280]) {
    // The site's CSP forbids injected scripts such as axe: bypass it for the audit only.
    const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    for (const path of paths) {
      await page.goto(`${baseUrl}${path}`);
      if (path.includes('?q=')) await page.waitForSelector('.search-result');
      for (const v of await axe(page)) violations.push(`${width}px /${path} ${v}`);
    }
    await context.close();
  }
  return violations;
}
