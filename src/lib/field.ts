/** A field of a file staff write (bulletin.mdx frontmatter, its acknowledged and corrections entries). */
import type { z } from 'zod';

export interface Field<S extends z.ZodType = z.ZodType> {
  /** Chinese label, shown to readers and in messages. */
  label: string;
  /** What it expects, in Chinese: the message says “应为…”. */
  expects: string;
  schema: S;
}

/** A field; its schema's type is kept, so a zod object can be built from the fields. */
export const field = <S extends z.ZodType>(label: string, expects: string, schema: S): Field<S> => ({
  label,
  expects,
  schema,
});

/** File line (1-based, counting the opening ---) of the top-level frontmatter field `name:`; undefined without one. */
export function fieldLine(lines: readonly string[], name: string): number | undefined {
  const i = lines.findIndex((l) => l.startsWith(`${name}:`));
  return i === -1 ? undefined : i + 2;
}

/**
 * File line (1-based, counting the opening ---) of the `index`-th `- ` item of the frontmatter list `name:`, or of
 * `key` inside it (block or flow style: `  date: …` or `{ file: …, row: … }`).
 */
export function listItemLine(lines: readonly string[], name: string, index: number, key?: string): number {
  const start = lines.findIndex((l) => l.startsWith(`${name}:`));
  if (start === -1) return 1;
  let item = -1;
  let at = start;
  for (let i = start + 1; i < lines.length && /^(\s|-|$)/.test(lines[i]!); i++) {
    if (/^\s*-(\s|$)/.test(lines[i]!)) item++;
    if (item === index) {
      if (at === start) at = i;
      if (key === undefined || new RegExp(`(^[\\s-]*|[{,]\\s*)${key}\\s*:`).test(lines[i]!)) return i + 2;
    } else if (item > index) break;
  }
  return at + 2;
}
