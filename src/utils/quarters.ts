/** The published quarters, newest first, with their rendered prose. */
import { getCollection, getEntry, render } from 'astro:content';
import type { Quarter } from '../lib/load.ts';

export async function publishedQuarters(): Promise<Quarter[]> {
  const entries = await getCollection('quarters');
  return entries
    .map((e) => e.data as unknown as Quarter)
    .filter((q) => q.published)
    .sort((a, b) => b.year - a.year || b.quarter - a.quarter);
}

export async function renderBulletin(quarter: Quarter) {
  const entry = await getEntry('bulletins', quarter.id);
  if (!entry) throw new Error(`缺少 ${quarter.id}/bulletin.mdx`);
  return render(entry);
}
