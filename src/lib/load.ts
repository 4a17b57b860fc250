/**
 * A data folder's bytes → every quarter, every finding. Pure: src/node/load.ts reads the folder from disk and hands
 * its files here (`loadDataFolder`, `loadQuarterFiles`); CLI and site both go through it.
 */
import { join } from 'node:path';
import { applyAcknowledgements, type Acknowledgement } from './acknowledge.ts';
import {
  ALIAS_FILE,
  applyAliases,
  nearNameWarnings,
  noAliases,
  readAliasesBytes,
  type Aliases,
} from './aliases.ts';
import { aggregate, type QuarterStats } from './aggregate.ts';
import { BULLETIN_FIELDS, isPublished, parseBulletin, type BulletinMeta } from './bulletin.ts';
import { copyFindings, type ComparedQuarter } from './copycheck.ts';
import { decodeBytes, type Encoding } from './decode.ts';
import { FIGURES } from './figures.ts';
import type { QuarterLedger } from './ledger.ts';
import type { Finding } from './findings.ts';
import { checkMdx, statReferences } from './mdx.ts';
import { parseTable } from './parse.ts';
import { compareQuarters, type QuarterId } from './quarter.ts';
import {
  TABLE_KINDS,
  TABLES,
  type QuarterTables,
  type RecordOf,
  type TableDef,
  type TableKind,
  type TableRecord,
} from './tables.ts';
import { readTable, type TableResult } from './validate.ts';
import { SITE_FILE, validateSiteConfig, type PublicFiles, type SiteConfig } from './site-config.ts';

export const BULLETIN_FILE = 'bulletin.mdx';

export interface Quarter extends QuarterId {
  meta: BulletinMeta;
  /** MDX prose of the bulletin. */
  body: string;
  published: boolean;
  /** Each annex table the quarter published; a quarter has at least one. */
  tables: QuarterTables;
  stats: QuarterStats;
  /** Warnings staff have checked (bulletin.mdx `acknowledged:`); validation only, never published. */
  acknowledged?: Acknowledgement[];
}

export interface LoadResult {
  quarters: Quarter[];
  findings: Finding[];
  /** Every quarter folder (validly named), whether or not it loaded: the report counts them all. */
  folders?: string[];
  /** Renames from data/aliases.csv (empty when there is none); `canonicalUnit(aliases, unit)` gives a unit's current name. */
  aliases?: Aliases;
  /** data/site.yml when it is there and valid: the site's name and footer marks (site-config.ts). */
  site?: SiteConfig;
  /** Each published quarter's versions (ledger.ts), when the caller read the history (src/node/load.ts `loadData`). */
  ledger?: ReadonlyMap<string, QuarterLedger>;
}

/** Top-level files a data folder may hold besides quarter folders. */
export const DATA_FILES = new Set([ALIAS_FILE, SITE_FILE, 'README.md']);
const TABLE_FILES = TABLE_KINDS.map((kind) => TABLES[kind].file);
/** The files a quarter folder may hold. */
export const QUARTER_FILES = [BULLETIN_FILE, ...TABLE_FILES];
const ENCODING_NOTICE: Partial<Record<Encoding, string>> = {
  GB18030: 'GB18030/GBK（中文 Windows 版 Excel 的 CSV）',
  'UTF-16LE': 'UTF-16（Excel “Unicode 文本”）',
  'UTF-16BE': 'UTF-16（Excel “Unicode 文本”）',
};

/** One quarter folder as read from disk. */
export interface QuarterFolder {
  /** Its path as the user gave it (messages show it). */
  path: string;
  id: QuarterId;
  /** Its file names, hidden ones left out; undefined when the folder could not be read. */
  names?: string[];
  /** The bytes of each of QUARTER_FILES it holds. */
  files: ReadonlyMap<string, Uint8Array>;
}

/** A data folder as read from disk. */
export interface DataFolder {
  /** Its path as the user gave it (messages show it). */
  path: string;
  /** Its entries in name order, hidden ones left out; undefined when the folder could not be read. */
  entries?: { name: string; isDir: boolean }[];
  /**
   * Each entry that is a folder named like a quarter, by name: reads it when called, so that one quarter's bytes at a
   * time are held (a national data folder is hundreds of megabytes).
   */
  quarters: ReadonlyMap<string, () => QuarterFolder>;
  /** The bytes of each of DATA_FILES it holds as a file (aliases.csv, site.yml). */
  files: ReadonlyMap<string, Uint8Array>;
  /** What site.yml's `emblem` may point at. */
  publicFiles: PublicFiles;
}

/** Decodes, parses and reads one annex file of the registry. */
export function readTableBytes<K extends TableKind>(
  kind: K,
  bytes: Uint8Array,
  file: string,
): TableResult<TableRecord<K>> {
  return readTableFile<(typeof TABLES)[K]>(TABLES[kind], bytes, file);
}

/** Decodes, parses and reads one annex file of a table definition. */
export function readTableFile<D extends TableDef>(
  def: D,
  bytes: Uint8Array,
  file: string,
): TableResult<RecordOf<D>> {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    const message = {
      empty: '文件是空的；应有表头和数据行',
      binary:
        '不是文本格式的表格（可能是 Excel 的 .xlsx 文件改了扩展名）；请在 Excel 中“另存为”CSV（逗号分隔）或“Unicode 文本”',
      'unknown-encoding': '无法识别文件编码；请另存为 UTF-8 或 GB18030/GBK 编码的 CSV',
    }[decoded.reason];
    return {
      records: [],
      columns: [],
      findings: [{ severity: 'error', file, message, gloss: `${decoded.reason} file` }],
    };
  }
  const parsed = parseTable(decoded.text, file, { utf16: decoded.encoding.startsWith('UTF-16') });
  const result = readTable(def, parsed, file);
  const encodingNote = ENCODING_NOTICE[decoded.encoding];
  if (encodingNote) {
    result.findings.unshift({
      severity: 'notice',
      file,
      message: `已按 ${encodingNote} 编码读取${parsed.delimiter === '\t' ? '，制表符分隔' : ''}`,
      gloss: `decoded as ${decoded.encoding}`,
    });
  }
  return result;
}

/**
 * Each `<Stat>` of the prose against the quarter's figures. `has`: the tables the quarter has a file for; `failed`:
 * those with errors, whose figures are knock-ons of those errors and are not reported.
 */
function checkBody(
  body: string,
  bodyLine: number,
  stats: QuarterStats,
  file: string,
  has: ReadonlySet<TableKind>,
  failed: ReadonlySet<TableKind>,
): Finding[] {
  const findings: Finding[] = [];
  for (const ref of statReferences(body)) {
    const line = bodyLine + ref.line - 1;
    const figure = FIGURES[ref.name];
    const at = { severity: 'error' as const, file, line, column: 'Stat', value: ref.name };
    if (!figure) {
      findings.push({
        ...at,
        message: `没有这个数字；可用的有：${Object.keys(FIGURES).join('、')}`,
        gloss: 'unknown figure name',
      });
    } else if (!has.has(figure.table)) {
      const def = TABLES[figure.table];
      findings.push({
        ...at,
        message: `本季度没有附件${def.annex}（${def.file}），算不出这个数字（${figure.what}）；请删除这个数字，或补上 ${def.file}`,
        gloss: `figure needs ${def.file}, which this quarter does not have`,
      });
    } else if (failed.size === 0 && figure.value(stats) === undefined) {
      findings.push({
        ...at,
        message: `本季度的数据算不出这个数字（${figure.what}）${figure.needs ? `；请在元数据中填写 ${figure.needs}，或删除这个数字` : ''}`,
        gloss: 'figure not available for this quarter',
      });
    }
  }
  return findings;
}

/** Validates one quarter folder's files. */
export function loadQuarterFiles(folder: QuarterFolder): { quarter?: Quarter; findings: Finding[] } {
  const { path: dir, id, names, files } = folder;
  const findings: Finding[] = [];
  if (!names) {
    return {
      findings: [{ severity: 'error', file: dir, message: '无法读取此文件夹', gloss: 'cannot read folder' }],
    };
  }
  for (const name of names) {
    if (!QUARTER_FILES.includes(name)) {
      const hint = /\.xlsx?$/i.test(name)
        ? '；Excel 文件请另存为 CSV 后命名为 websites.csv 或 new-media.csv'
        : '';
      findings.push({
        severity: 'error',
        file: join(dir, name),
        message: `季度文件夹中只能有 ${QUARTER_FILES.join('、')} 三个文件${hint}`,
        gloss: 'unexpected file in quarter folder',
      });
    }
  }
  if (!names.includes(BULLETIN_FILE)) {
    findings.push({
      severity: 'error',
      file: join(dir, BULLETIN_FILE),
      message: `缺少文件；每个季度文件夹都要有 ${BULLETIN_FILE}`,
      gloss: 'missing file',
    });
  }
  // A quarter may publish any of the annexes: some bulletins inspect only websites, some only new media.
  if (!TABLE_FILES.some((name) => names.includes(name))) {
    findings.push({
      severity: 'error',
      file: dir,
      message: `没有附件表格；季度文件夹中至少要有 ${TABLE_FILES.join('、')} 之一（本季度只检查了一类时，只放那一张表）`,
      gloss: 'no annex table',
    });
  }
  const read = (name: string) => (names.includes(name) ? files.get(name) : undefined);

  const readKind = <K extends TableKind>(kind: K): TableResult<TableRecord<K>> | undefined => {
    const bytes = read(TABLES[kind].file);
    if (!bytes) return undefined;
    const result = readTableBytes(kind, bytes, join(dir, TABLES[kind].file));
    findings.push(...result.findings);
    return result;
  };
  const results: { [K in TableKind]: TableResult<TableRecord<K>> | undefined } = {
    websites: readKind('websites'),
    newMedia: readKind('newMedia'),
  };

  const bulletinBytes = read(BULLETIN_FILE);
  const bulletinFile = join(dir, BULLETIN_FILE);
  let bulletin: ReturnType<typeof parseBulletin> | undefined;
  if (bulletinBytes) {
    const decoded = decodeBytes(bulletinBytes);
    if (!decoded.ok || decoded.encoding === 'GB18030') {
      findings.push({
        severity: 'error',
        file: bulletinFile,
        message: '请将 bulletin.mdx 保存为 UTF-8 编码的文本文件',
        gloss: 'bulletin.mdx must be UTF-8 text',
      });
    } else {
      bulletin = parseBulletin(decoded.text, bulletinFile);
      findings.push(...bulletin.findings, ...checkMdx(bulletin.body, bulletin.bodyLine, bulletinFile));
    }
  }

  const meta = bulletin?.meta;
  const has = new Set(TABLE_KINDS.filter((kind) => results[kind]));
  if (!meta || !bulletin || has.size === 0) return { findings };
  const totals: { [K in TableKind]?: number } = {};
  for (const kind of has) {
    const def = TABLES[kind];
    const total = meta[def.meta.total];
    const rows = results[kind]!.records.length;
    totals[kind] = total;
    if (total !== undefined && total < rows) {
      findings.push({
        severity: 'error',
        file: bulletinFile,
        column: `${def.meta.total}（${BULLETIN_FIELDS[def.meta.total].label}）`,
        value: String(total),
        message: `少于附件${def.annex}中的${def.noun}数 ${rows}；总数不能小于抽查数`,
        gloss: 'total below number inspected',
      });
    }
  }
  const tables: QuarterTables = {
    websites: results.websites && { records: results.websites.records, columns: results.websites.columns },
    newMedia: results.newMedia && { records: results.newMedia.records, columns: results.newMedia.columns },
  };
  const stats = aggregate(tables, totals);
  const failed = new Set(
    TABLE_KINDS.filter((kind) => results[kind]?.findings.some((f) => f.severity === 'error')),
  );
  findings.push(...checkBody(bulletin.body, bulletin.bodyLine, stats, bulletinFile, has, failed));
  return {
    findings,
    quarter: {
      ...id,
      meta,
      body: bulletin.body,
      published: isPublished(meta),
      tables,
      stats,
      acknowledged: bulletin.acknowledged ?? [],
    },
  };
}

/** Validates every quarter of a data folder, and the folder's own files. */
export function loadDataFolder(folder: DataFolder): LoadResult {
  const { path: dir, entries } = folder;
  const findings: Finding[] = [];
  const quarters: Quarter[] = [];
  const folders: string[] = [];
  if (!entries) {
    return {
      quarters,
      findings: [
        {
          severity: 'error',
          file: dir,
          message: '数据文件夹不存在或无法读取',
          gloss: 'data folder not found',
        },
      ],
    };
  }
  const names = entries.map((e) => e.name);
  for (const { name, isDir } of entries) {
    const path = join(dir, name);
    if (!isDir && DATA_FILES.has(name)) continue;
    const readQuarter = isDir ? folder.quarters.get(name) : undefined;
    if (!readQuarter) {
      const loose = /^(\d{4})\s*[-_ ]?\s*[Qq]\s*([1-4])$/.exec(name);
      const hint = loose
        ? `；是不是“${loose[1]}-Q${loose[2]}”？`
        : /^site\.(yaml|yml\.txt|txt)$/i.test(name)
          ? `；网站信息文件应命名为 ${SITE_FILE}`
          : '';
      findings.push({
        severity: 'error',
        file: path,
        message: isDir
          ? `不是有效的季度文件夹名：应为“年份-Q季度”，如 2020-Q3${hint}`
          : `数据文件夹中不应有这个文件；季度数据请放在如 2020-Q3 的文件夹中${hint}`,
        gloss: isDir ? 'invalid quarter folder name' : 'unexpected file in data folder',
      });
      continue;
    }
    folders.push(path);
    const loaded = loadQuarterFiles(readQuarter());
    findings.push(...loaded.findings);
    if (loaded.quarter) quarters.push(loaded.quarter);
  }
  if (names.filter((n) => !DATA_FILES.has(n)).length === 0) {
    findings.push({
      severity: 'error',
      file: dir,
      message: '数据文件夹中没有任何季度；请用 npm run new-quarter 新建，如 2020-Q3',
      gloss: 'no quarters',
    });
  }
  quarters.sort(compareQuarters);
  // Tables with errors are left out of the copy check: their rows are not all known.
  const failed = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.file));
  const compared = (q: Quarter): ComparedQuarter => ({
    id: q.id,
    tables: TABLE_KINDS.some((kind) => failed.has(join(dir, q.id, TABLES[kind].file))) ? {} : q.tables,
  });
  findings.push(...copyFindings(dir, quarters.map(compared)));
  let aliases = noAliases();
  const aliasBytes = folder.files.get(ALIAS_FILE);
  if (aliasBytes) {
    const read = readAliasesBytes(aliasBytes, join(dir, ALIAS_FILE));
    findings.push(...read.findings);
    aliases = read.aliases;
  }
  let site: SiteConfig | undefined;
  const siteBytes = folder.files.get(SITE_FILE);
  if (siteBytes) {
    const read = validateSiteConfig(siteBytes, join(dir, SITE_FILE), folder.publicFiles);
    findings.push(...read.findings);
    site = read.config;
  }
  // Without renames applyAliases would give every record the keys readTable gave it.
  if (Object.values(aliases).some((renames) => renames.size > 0))
    for (const quarter of quarters) applyAliases(quarter, aliases);
  findings.push(...nearNameWarnings(dir, quarters));
  applyAcknowledgements(
    findings,
    quarters.map((q) => ({ ...q, folder: join(dir, q.id), acknowledged: q.acknowledged ?? [] })),
  );
  return { quarters, findings, aliases, folders, ...(site && { site }) };
}
