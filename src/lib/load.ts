/** Reads a data folder: every quarter, every file, every finding. The one entry point for CLI and site. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { applyAcknowledgements, type Acknowledgement } from './acknowledge.ts';
import { ALIAS_FILE, applyAliases, nearNameWarnings, noAliases, readAliasesBytes, type Aliases } from './aliases.ts';
import { aggregate, type QuarterStats } from './aggregate.ts';
import { isPublished, parseBulletin, type BulletinMeta } from './bulletin.ts';
import { TABLES, type TableKind } from './columns.ts';
import { copyFindings, type QuarterTables } from './copycheck.ts';
import { decodeBytes, type Encoding } from './decode.ts';
import { FIGURES } from './figures.ts';
import type { QuarterLedger } from './ledger.ts';
import type { Finding } from './findings.ts';
import { checkMdx, statReferences } from './mdx.ts';
import { parseTable } from './parse.ts';
import { parseQuarterId, compareQuarters, type QuarterId } from './quarter.ts';
import type { AccountRecord, WebsiteRecord } from './records.ts';
import { parseSiteConfig, SITE_FILE, type SiteConfig } from './site-config.ts';
import { readAccounts, readWebsites, type TableResult } from './validate.ts';

export const BULLETIN_FILE = 'bulletin.mdx';

export interface Quarter extends QuarterId {
  meta: BulletinMeta;
  /** MDX prose of the bulletin. */
  body: string;
  published: boolean;
  websites: WebsiteRecord[];
  newMedia: AccountRecord[];
  /** Keys of the columns each table has, in definition order. */
  websiteColumns: string[];
  newMediaColumns: string[];
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
  /** Each published quarter's versions (ledger.ts), when the caller read the history (src/node/load-data.ts). */
  ledger?: ReadonlyMap<string, QuarterLedger>;
}

/** Top-level files a data folder may hold besides quarter folders. */
const DATA_FILES = new Set([ALIAS_FILE, SITE_FILE, 'README.md']);
/** The files a quarter folder holds. */
export const QUARTER_FILES = [BULLETIN_FILE, TABLES.websites.file, TABLES.newMedia.file];
const ENCODING_NOTICE: Partial<Record<Encoding, string>> = {
  GB18030: 'GB18030/GBK（中文 Windows 版 Excel 的 CSV）',
  'UTF-16LE': 'UTF-16（Excel “Unicode 文本”）',
  'UTF-16BE': 'UTF-16（Excel “Unicode 文本”）',
};

const isHidden = (name: string) => name.startsWith('.');

/** Decodes, parses and reads one annex file. */
export function readTableBytes<K extends TableKind>(
  kind: K,
  bytes: Uint8Array,
  file: string,
): TableResult<K extends 'websites' ? WebsiteRecord : AccountRecord> {
  type R = TableResult<K extends 'websites' ? WebsiteRecord : AccountRecord>;
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) {
    const message = {
      empty: '文件是空的；应有表头和数据行',
      binary: '不是文本格式的表格（可能是 Excel 的 .xlsx 文件改了扩展名）；请在 Excel 中“另存为”CSV（逗号分隔）或“Unicode 文本”',
      'unknown-encoding': '无法识别文件编码；请另存为 UTF-8 或 GB18030/GBK 编码的 CSV',
    }[decoded.reason];
    return { records: [], columns: [], findings: [{ severity: 'error', file, message, gloss: `${decoded.reason} file` }] } as R;
  }
  const parsed = parseTable(decoded.text, file, { utf16: decoded.encoding.startsWith('UTF-16') });
  const result = (kind === 'websites' ? readWebsites(parsed, file) : readAccounts(parsed, file)) as R;
  const encodingNote = ENCODING_NOTICE[decoded.encoding];
  if (encodingNote) {
    result.findings.unshift({ severity: 'notice', file, message: `已按 ${encodingNote} 编码读取${parsed.delimiter === '\t' ? '，制表符分隔' : ''}`, gloss: `decoded as ${decoded.encoding}` });
  }
  return result;
}

/** `tablesFailed`: a table had errors, so a figure it cannot give is a knock-on of those errors and is not reported. */
function checkBody(body: string, bodyLine: number, stats: QuarterStats, file: string, tablesFailed = false): Finding[] {
  const findings: Finding[] = [];
  for (const ref of statReferences(body)) {
    const line = bodyLine + ref.line - 1;
    const figure = FIGURES[ref.name];
    if (!figure) {
      findings.push({ severity: 'error', file, line, column: 'Stat', value: ref.name, message: `没有这个数字；可用的有：${Object.keys(FIGURES).join('、')}`, gloss: 'unknown figure name' });
    } else if (!tablesFailed && figure[1](stats) === undefined) {
      findings.push({ severity: 'error', file, line, column: 'Stat', value: ref.name, message: `本季度的数据算不出这个数字（${figure[0]}）`, gloss: 'figure not available for this quarter' });
    }
  }
  return findings;
}

/** Reads one quarter folder. */
export function loadQuarter(dir: string, id: QuarterId): { quarter?: Quarter; findings: Finding[] } {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => !isHidden(n));
  } catch {
    return { findings: [{ severity: 'error', file: dir, message: '无法读取此文件夹', gloss: 'cannot read folder' }] };
  }
  const files = Object.fromEntries(names.filter((n) => QUARTER_FILES.includes(n)).map((n) => [n, readFileSync(join(dir, n))]));
  return loadQuarterFiles(files, dir, id, names);
}

/**
 * Reads a quarter from its files' contents (file name → bytes), as a folder holds them now or a commit held them
 * (ledger.ts). `dir` names the folder in messages; `names`: every name in the folder, to report unexpected ones.
 */
export function loadQuarterFiles(
  files: Readonly<Record<string, Uint8Array | undefined>>,
  dir: string,
  id: QuarterId,
  names: readonly string[] = Object.keys(files).filter((n) => files[n]),
): { quarter?: Quarter; findings: Finding[] } {
  const findings: Finding[] = [];
  for (const name of names) {
    if (!QUARTER_FILES.includes(name)) {
      const hint = /\.xlsx?$/i.test(name) ? '；Excel 文件请另存为 CSV 后命名为 websites.csv 或 new-media.csv' : '';
      findings.push({ severity: 'error', file: join(dir, name), message: `季度文件夹中只能有 ${QUARTER_FILES.join('、')} 三个文件${hint}`, gloss: 'unexpected file in quarter folder' });
    }
  }
  for (const name of QUARTER_FILES) {
    if (!files[name]) {
      findings.push({ severity: 'error', file: join(dir, name), message: `缺少文件；每个季度文件夹都要有 ${QUARTER_FILES.join('、')}`, gloss: 'missing file' });
    }
  }
  const read = (name: string) => files[name];

  const websitesBytes = read(TABLES.websites.file);
  const websites = websitesBytes ? readTableBytes('websites', websitesBytes, join(dir, TABLES.websites.file)) : undefined;
  if (websites) findings.push(...websites.findings);
  const accountsBytes = read(TABLES.newMedia.file);
  const accounts = accountsBytes ? readTableBytes('newMedia', accountsBytes, join(dir, TABLES.newMedia.file)) : undefined;
  if (accounts) findings.push(...accounts.findings);

  const bulletinBytes = read(BULLETIN_FILE);
  const bulletinFile = join(dir, BULLETIN_FILE);
  let bulletin: ReturnType<typeof parseBulletin> | undefined;
  if (bulletinBytes) {
    const decoded = decodeBytes(bulletinBytes);
    if (!decoded.ok || decoded.encoding === 'GB18030') {
      findings.push({ severity: 'error', file: bulletinFile, message: '请将 bulletin.mdx 保存为 UTF-8 编码的文本文件', gloss: 'bulletin.mdx must be UTF-8 text' });
    } else {
      bulletin = parseBulletin(decoded.text, bulletinFile);
      findings.push(...bulletin.findings, ...checkMdx(bulletin.body, bulletin.bodyLine, bulletinFile));
    }
  }

  const meta = bulletin?.meta;
  if (meta && websites) {
    if (meta.websitesTotal !== undefined && meta.websitesTotal < websites.records.length) {
      findings.push({ severity: 'error', file: bulletinFile, column: 'websitesTotal（政府网站总数）', value: String(meta.websitesTotal), message: `少于附件1中的网站数 ${websites.records.length}；总数不能小于抽查数`, gloss: 'total below number inspected' });
    }
  }
  if (meta && accounts) {
    if (meta.newMediaTotal !== undefined && meta.newMediaTotal < accounts.records.length) {
      findings.push({ severity: 'error', file: bulletinFile, column: 'newMediaTotal（政务新媒体总数）', value: String(meta.newMediaTotal), message: `少于附件2中的账号数 ${accounts.records.length}；总数不能小于抽查数`, gloss: 'total below number inspected' });
    }
  }
  if (!meta || !websites || !accounts || !bulletin) return { findings };
  const stats = aggregate(websites.records, accounts.records, { websites: meta.websitesTotal, newMedia: meta.newMediaTotal });
  const tablesFailed = [websites, accounts].some((t) => t.findings.some((f) => f.severity === 'error'));
  findings.push(...checkBody(bulletin.body, bulletin.bodyLine, stats, bulletinFile, tablesFailed));
  const order = (kind: TableKind, present: string[]) => TABLES[kind].columns.map((c) => c.key).filter((k) => present.includes(k));
  return {
    findings,
    quarter: {
      ...id,
      meta,
      body: bulletin.body,
      published: isPublished(meta),
      websites: websites.records,
      newMedia: accounts.records,
      websiteColumns: order('websites', websites.columns),
      newMediaColumns: order('newMedia', accounts.columns),
      stats,
      acknowledged: bulletin.acknowledged ?? [],
    },
  };
}

/** Reads every quarter of a data folder (path as the user gave it, so messages show it). */
export function loadDataDir(dir: string, options: { publicDir?: string } = {}): LoadResult {
  const findings: Finding[] = [];
  const quarters: Quarter[] = [];
  const folders: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => !isHidden(n)).sort();
  } catch {
    return { quarters, findings: [{ severity: 'error', file: dir, message: '数据文件夹不存在或无法读取', gloss: 'data folder not found' }] };
  }
  for (const name of names) {
    const path = join(dir, name);
    const isDir = statSync(path).isDirectory();
    if (!isDir && DATA_FILES.has(name)) continue;
    const id = isDir ? parseQuarterId(name) : undefined;
    if (!id) {
      const loose = /^(\d{4})\s*[-_ ]?\s*[Qq]\s*([1-4])$/.exec(name);
      const hint = loose ? `；是不是“${loose[1]}-Q${loose[2]}”？` : /^site\.(yaml|yml\.txt|txt)$/i.test(name) ? `；网站信息文件应命名为 ${SITE_FILE}` : '';
      findings.push({
        severity: 'error', file: path,
        message: isDir ? `不是有效的季度文件夹名：应为“年份-Q季度”，如 2020-Q3${hint}` : `数据文件夹中不应有这个文件；季度数据请放在如 2020-Q3 的文件夹中${hint}`,
        gloss: isDir ? 'invalid quarter folder name' : 'unexpected file in data folder',
      });
      continue;
    }
    folders.push(path);
    const loaded = loadQuarter(path, id);
    findings.push(...loaded.findings);
    if (loaded.quarter) quarters.push(loaded.quarter);
  }
  if (names.filter((n) => !DATA_FILES.has(n)).length === 0) {
    findings.push({ severity: 'error', file: dir, message: '数据文件夹中没有任何季度；请用 npm run new-quarter 新建，如 2020-Q3', gloss: 'no quarters' });
  }
  quarters.sort(compareQuarters);
  // Tables with errors are left out of the copy check: their rows are not all known.
  const failed = new Set(findings.filter((f) => f.severity === 'error').map((f) => f.file));
  const tables = (q: Quarter): QuarterTables => ({
    id: q.id,
    websites: failed.has(join(dir, q.id, TABLES.websites.file)) ? undefined : q.websites,
    newMedia: failed.has(join(dir, q.id, TABLES.newMedia.file)) ? undefined : q.newMedia,
  });
  findings.push(...copyFindings(dir, quarters.map(tables)));
  let aliases = noAliases();
  if (names.includes(ALIAS_FILE) && statSync(join(dir, ALIAS_FILE)).isFile()) {
    const read = readAliasesBytes(readFileSync(join(dir, ALIAS_FILE)), join(dir, ALIAS_FILE));
    findings.push(...read.findings);
    aliases = read.aliases;
  }
  let site: SiteConfig | undefined;
  if (names.includes(SITE_FILE) && statSync(join(dir, SITE_FILE)).isFile()) {
    const read = parseSiteConfig(readFileSync(join(dir, SITE_FILE)), join(dir, SITE_FILE), options.publicDir);
    findings.push(...read.findings);
    site = read.config;
  }
  for (const quarter of quarters) applyAliases(quarter, aliases);
  findings.push(...nearNameWarnings(dir, quarters));
  applyAcknowledgements(findings, quarters.map((q) => ({ ...q, folder: join(dir, q.id), acknowledged: q.acknowledged ?? [] })));
  return { quarters, findings, aliases, folders, ...(site && { site }) };
}
