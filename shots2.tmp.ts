import { launch, serve } from './test/support/browser.ts';
const server = await serve('dist', '/');
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 390, height: 1000 } });
await page.goto(server.url + 'data/');
for (const [i, y] of [0, 1000, 2000].entries()) { await page.evaluate((y) => window.scrollTo(0, y), y); await page.screenshot({ path: `/tmp/d390-${i}.png` }); }
await page.goto(server.url + 'bulletins/2020-q3/');
await page.screenshot({ path: `/tmp/b390-0.png` });
await browser.close(); await server.close();
