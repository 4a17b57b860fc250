import { loadDataDir } from './src/lib/load.ts';
import { searchRecords, rowAnchor } from './src/lib/search.ts';
const pfPath = process.argv[2]!; const dir = process.argv[3]!; const lang = process.argv[4] ?? 'zh';
const pagefind = await import(pfPath);
const { index } = await pagefind.createIndex({ forceLanguage: lang });
console.log((await index.addDirectory({ path: dir })).errors);
const { quarters } = loadDataDir('data');
for (const r of searchRecords(quarters, (row) => `/bulletins/${row.quarter.slug}/#${rowAnchor(row)}`)) { const x = await index.addCustomRecord({ ...r, language: lang }); if (x.errors.length) console.log(x.errors); }
console.log(await index.writeFiles({ outputPath: dir + '/pagefind' }));
await pagefind.close();
