/**
 * The validated rows of the annex tables, as the site and the downloads use them. No field is written here: each
 * record type follows from its table's column list (columns.ts) and the facts every row carries (tables.ts RowFacts).
 */
import type { NEW_MEDIA_COLUMNS, WEBSITE_COLUMNS } from './columns.ts';
import type { RecordOf, TableDef } from './tables.ts';

/** A row of 附件1 (websites.csv). */
export type WebsiteRecord = RecordOf<TableDef<typeof WEBSITE_COLUMNS>>;
/** A row of 附件2 (new-media.csv). */
export type AccountRecord = RecordOf<TableDef<typeof NEW_MEDIA_COLUMNS>>;
