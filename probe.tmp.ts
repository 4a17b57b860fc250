import { serve, launch } from '/work/wt-4/test/support/browser.ts';
const [root, mode, ...queries] = process.argv.slice(2) as string[];
const server = await serve(root!);
const browser = await launch();
const page = await browser.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text()));
await page.goto(server.url + 'search/');
const out = await page.evaluate(async ({ queries, base, mode, top, ex, opts }) => {
  const pf: any = await import(base + 'pagefind/pagefind.js');
  if (opts) await pf.options(JSON.parse(opts)); await pf.init();
  const res: Record<string, string[]> = {};
  for (const q of queries) {
    const term = mode === 'seg' ? [...new Intl.Segmenter('zh-CN', { granularity: 'word' }).segment(q)].filter((x: any) => x.isWordLike).map((x: any) => x.segment).join(' ') : q;
    const s = await pf.search(term);
    const lines = await Promise.all(s.results.slice(0, top).map(async (r: any) => { const d = await r.data(); return `${r.score.toFixed(2)} ${d.meta.title} ${d.url}` + (ex ? " | " + d.excerpt.slice(0, 70) : ""); }));
    res[q] = [`[${term}] n=${s.results.length}`, ...lines];
  }
  return res;
}, { queries, base: server.url, mode, top: Number(process.env.TOP ?? 6), ex: !!process.env.EX, opts: process.env.OPTS });
for (const [q, lines] of Object.entries(out)) console.log(q, '\n  ' + lines.join('\n  '));
await browser.close(); await server.close();
