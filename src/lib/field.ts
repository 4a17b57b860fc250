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
