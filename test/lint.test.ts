/**
 * The layering rule (eslint.config.js, README 代码结构) holds: ESLint refuses src/lib code that reaches up to
 * src/site.ts or into Astro, the Node file system or process, and browser code that imports Node. Each probe is linted
 * as if it were a file at that path (the file is not written).
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The rules a probe file breaks. */
async function broken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layering rule', () => {
  it.each([
    ["import { href } from '../site.ts';", 'no-restricted-imports'],
    ["import { getEntry } from 'astro:content';", 'no-restricted-imports'],
    ["import { siteHistory } from '../utils/dataset.ts';", 'no-restricted-imports'],
    ["import { loadDataDir } from '../node/load.ts';", 'no-restricted-imports'],
    ["import { readFileSync } from 'node:fs';", 'no-restricted-imports'],
    ["import { spawn } from 'node:child_process';", 'no-restricted-imports'],
    ['export const dir = process.env.DATA_DIR;', 'no-restricted-globals'],
    ['export const base = import.meta.env.BASE_URL;', 'no-restricted-syntax'],
  ])('src/lib refuses %s', async (code, rule) => {
    expect((await broken('src/lib/layer-probe.ts', `${code}\n`)).join('\n')).toContain(rule);
  });

  it('src/lib may import src/lib, node:path and pure packages', async () => {
    const code =
      "import { join } from 'node:path';\nimport { z } from 'zod';\nimport { TABLES } from './tables.ts';\nexport const x = [join, z, TABLES];\n";
    expect(await broken('src/lib/layer-probe.ts', code)).toEqual([]);
  });

  it('browser code refuses Node and Astro-side modules', async () => {
    expect(
      (
        await broken(
          'src/client/layer-probe.ts',
          "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
        )
      ).join('\n'),
    ).toContain('no-restricted-imports');
    expect(
      (
        await broken('src/client/layer-probe.ts', "import { href } from '../site';\nexport const h = href;\n")
      ).join('\n'),
    ).toContain('no-restricted-imports');
    expect(
      await broken(
        'src/client/layer-probe.ts',
        "import { FILTERS } from '../lib/search-vocabulary';\nexport const f = FILTERS;\n",
      ),
    ).toEqual([]);
  });

  it('src/node and scripts stay outside Astro', async () => {
    expect(
      (
        await broken(
          'src/node/layer-probe.ts',
          "import { siteName } from '../utils/dataset.ts';\nexport const s = siteName;\n",
        )
      ).join('\n'),
    ).toContain('no-restricted-imports');
    expect(
      (
        await broken(
          'scripts/layer-probe.ts',
          "import { paths } from '../src/site.ts';\nexport const p = paths;\n",
        )
      ).join('\n'),
    ).toContain('no-restricted-imports');
  });

  it('pages read data through the dataset, not the disk', async () => {
    expect(
      (
        await broken(
          'src/pages/layer-probe.ts',
          "import { loadDataDir } from '../node/load';\nexport const l = loadDataDir;\n",
        )
      ).join('\n'),
    ).toContain('no-restricted-imports');
  });

  it('pages and components may not emit raw HTML (set:html) unless the line says why', async () => {
    const probe = (code: string) =>
      broken('src/components/Probe.astro', `---\nconst cell = '<b>x</b>';\n---\n${code}\n`);
    expect((await probe('<p><Fragment set:html={cell} /></p>')).join('\n')).toContain(
      'astro/no-set-html-directive',
    );
    expect(await probe('<p>{cell}</p>')).toEqual([]);
    expect(
      await probe(
        '<p>\n  {/* eslint-disable-next-line astro/no-set-html-directive -- escaped above */}\n  <Fragment set:html={cell} />\n</p>',
      ),
    ).toEqual([]);
  });
});
