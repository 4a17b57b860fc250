/** The published quarters, newest first, with their rendered prose. */
import { getEntry, render } from 'astro:content';
import type { Quarter } from '../lib/load.ts';
import { compareQuarters } from '../lib/quarter.ts';
import { formatReport, passes } from '../lib/report.ts';
import { loadedData } from './dataset.ts';

export async function publishedQuarters(): Promise<Quarter[]> {
  const result = loadedData();
  // The content loader already refused such data; in `astro dev` an edit may have broken it since.
  if (!passes(result.findings)) throw new Error(`数据校验未通过：\n${formatReport(result)}`);
  return result.quarters.filter((q) => q.published).sort((a, b) => compareQuarters(b, a));
}

export async function renderBulletin(quarter: Quarter) {
  const entry = await getEntry('bulletins', quarter.id);
  if (!entry) throw new Error(`缺少 ${quarter.id}/bulletin.mdx`);
  return render(entry);
}
