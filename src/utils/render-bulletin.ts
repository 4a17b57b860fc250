/** A quarter's prose (bulletin.mdx) rendered by MDX, from the bulletins collection (src/content.config.ts). */
import { getEntry, render } from 'astro:content';
import type { Quarter } from '../lib/load.ts';

export async function renderBulletin(quarter: Quarter) {
  const entry = await getEntry('bulletins', quarter.id);
  if (!entry) throw new Error(`缺少 ${quarter.id}/bulletin.mdx`);
  return render(entry);
}
