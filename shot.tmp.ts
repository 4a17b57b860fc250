import { serve, launch } from '/work/wt-4/test/support/browser.ts';
const server = await serve('dist');
const browser = await launch();
for (const width of [390, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(server.url + 'search/?q=' + encodeURIComponent('平安潮州'));
  await page.waitForSelector('.search-result');
  await page.keyboard.press('ArrowDown');
  await page.screenshot({ path: `/tmp/pfexp/search-${width}.png`, fullPage: width === 390 });
  await page.goto(server.url + 'bulletins/2020-q3/');
  await page.screenshot({ path: `/tmp/pfexp/bulletin-${width}.png` });
  await page.close();
}
await browser.close(); await server.close();
