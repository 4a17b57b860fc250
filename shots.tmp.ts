import { launch, serve } from './test/support/browser.ts';
const server = await serve('dist', '/');
const browser = await launch();
for (const width of [390, 1280]) {
  for (const [name, path] of [['data', 'data/'], ['bulletin', 'bulletins/2020-q3/'], ['404', 'nope/']]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(server.url + path);
    await page.screenshot({ path: `/tmp/shot-${name}-${width}.png`, fullPage: name !== 'bulletin' });
    if (name === 'bulletin') { await page.locator('#annex-1').scrollIntoViewIfNeeded(); await page.screenshot({ path: `/tmp/shot-annex-${width}.png` }); }
    await page.close();
  }
}
await browser.close(); await server.close();
