/**
 * data/site.yml: whose site this is: its name and the marks a Chinese government website shows in its footer
 * (政府网站发展指引, 国办发〔2017〕47号): 主办单位, 承办单位, 网站标识码, ICP 备案号, 公安机关备案号, contact details, and
 * the 党政机关网站标识. Optional as a whole: without it the site keeps its generic title and shows none of the marks.
 * Every value is shown as written; a key left out shows nothing (never an invented value).
 */
import { isAbsolute, join, normalize } from 'node:path';
import yaml from 'js-yaml';
import { decodeBytes } from './decode.ts';
import type { Finding } from './findings.ts';

export const SITE_FILE = 'site.yml';

export interface SiteConfig {
  /** 网站名称: the header and every page's `<title>`. */
  name: string;
  /** 主办单位. */
  owner: string;
  /** 承办单位. */
  operator?: string;
  /** 网站标识码: 10 characters, digits and capital letters. */
  siteCode?: string;
  /** ICP 备案号, linked to beian.miit.gov.cn. */
  icp?: string;
  /** 公安机关备案号, linked to `psbLink` when given. */
  psb?: string;
  psbLink?: string;
  /** 联系电话、邮箱: free text. */
  contact?: string;
  /** Path under public/ of the 党政机关网站标识 image. */
  emblem?: string;
}

type Key = keyof SiteConfig;
/** What a value must look like; returns the reason it does not (Chinese), or nothing when it is fine. */
type Check = (value: string, context: PublicFiles) => string | undefined;

/** The public/ folder as far as site.yml needs it: src/node/site-config.ts answers from the disk. */
export interface PublicFiles {
  publicDir: string;
  /** Whether `path` (under publicDir) is a file. */
  isFile: (path: string) => boolean;
}

const IMAGE = /\.(png|jpe?g|gif|svg|webp)$/i;

const checkEmblem: Check = (value, { publicDir, isFile }) => {
  if (value.startsWith('public/')) return '路径从 public/ 之后写起，如 images/emblem.png';
  if (isAbsolute(value) || value.startsWith('/') || /^[a-z]+:/i.test(value))
    return '应为 public/ 文件夹中的相对路径（不以 / 开头，不是网址），如 images/emblem.png';
  if (normalize(value).split(/[\\/]/).includes('..')) return '不能用 .. 指向 public/ 文件夹之外';
  if (!IMAGE.test(value)) return '应为图片文件（.png、.jpg、.gif、.svg 或 .webp）';
  const path = join(publicDir, value);
  if (!isFile(path)) return `找不到文件 ${path}：请把标识图片放到 public/ 文件夹中，或改正路径`;
  return undefined;
};

/** A field of site.yml: its Chinese label, what it expects (Chinese), whether it is required, and an extra check. */
interface SiteField {
  label: string;
  expects: string;
  required: boolean;
  check?: Check;
}

/** Key → its field. The table is the documentation. */
export const SITE_FIELDS: Record<Key, SiteField> = {
  name: { label: '网站名称', expects: '本网站的名称，显示在每页顶部和浏览器标题中', required: true },
  owner: { label: '主办单位', expects: '主办单位全称，如“某市人民政府办公室”', required: true },
  operator: { label: '承办单位', expects: '承办单位全称', required: false },
  siteCode: {
    label: '网站标识码',
    expects: '10 位数字或大写英文字母（全国政府网站基本信息数据库中的网站标识码）',
    required: false,
    check: (v) =>
      /^[0-9A-Z]{10}$/.test(v)
        ? undefined
        : /^[0-9A-Za-z]{10}$/.test(v)
          ? '英文字母应为大写'
          : `应为 10 位，现为 ${[...v].length} 位`,
  },
  icp: {
    label: 'ICP 备案号',
    expects: '工业和信息化部的 ICP 备案号，如“粤ICP备12345678号”或“粤ICP备12345678号-1”',
    required: false,
    check: (v) =>
      /^[\u4e00-\u9fa5]ICP备\d{4,12}号(-\d+)?$/.test(v)
        ? undefined
        : '格式应为“省份简称 + ICP备 + 数字 + 号”',
  },
  psb: {
    label: '公安机关备案号',
    expects: '如“粤公网安备44510202000001号”',
    required: false,
    check: (v) =>
      /^[\u4e00-\u9fa5]公网安备\s?\d{14}号$/.test(v)
        ? undefined
        : '格式应为“省份简称 + 公网安备 + 14 位数字 + 号”',
  },
  psbLink: {
    label: '公安机关备案号链接',
    expects: '以 https:// 或 http:// 开头的网址：全国互联网安全管理服务平台上本网站的备案信息页',
    required: false,
    check: (v) => {
      try {
        const url = new URL(v);
        return ['https:', 'http:'].includes(url.protocol) ? undefined : '不是 https:// 或 http:// 网址';
      } catch {
        return '不是完整的网址';
      }
    },
  },
  contact: { label: '联系方式', expects: '联系电话、电子邮箱等，照原样显示', required: false },
  emblem: {
    label: '党政机关网站标识',
    expects: 'public/ 文件夹中标识图片的路径，如 images/emblem.png',
    required: false,
    check: checkEmblem,
  },
};

const KEYS = Object.keys(SITE_FIELDS) as Key[];
const PLACEHOLDER = /（请填写[^）]*）/;

export interface SiteConfigResult {
  config?: SiteConfig;
  findings: Finding[];
}

/**
 * Validates site.yml. `file` is the path shown in messages; `publicFiles` is where `emblem` must exist.
 * Every value is read as text (YAML's failsafe schema), so a site code such as 0123456789 keeps its leading zero.
 */
export function validateSiteConfig(
  bytes: Uint8Array,
  file: string,
  publicFiles: PublicFiles,
): SiteConfigResult {
  const findings: Finding[] = [];
  const error = (message: string, gloss: string, at: Partial<Finding> = {}): SiteConfigResult => {
    findings.push({ severity: 'error', file, message, gloss, ...at });
    return { findings };
  };
  const decoded = decodeBytes(bytes);
  if (!decoded.ok && decoded.reason === 'empty')
    return error('文件是空的；不需要网站信息时请删除 site.yml，否则至少填写 name 和 owner', 'empty site.yml');
  if (!decoded.ok || !decoded.encoding.startsWith('UTF-8'))
    return error('请将 site.yml 保存为 UTF-8 编码的文本文件', 'site.yml must be UTF-8 text');
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  // The usual slip first, at its own line: a top-level line that is not `key: value` (a full-width colon, no space).
  const bad = lines.findIndex(
    (l) => /^[^\s#]/.test(l) && !/^[\w"'-][^:]*:(\s|$)/.test(l) && !/^---\s*$/.test(l),
  );
  if (bad !== -1) {
    const line = lines[bad]!;
    const fullWidth = /^\w+\s*：/.test(line) || /^\w+:\S/.test(line);
    return error(
      fullWidth
        ? '冒号应为英文冒号“:”，并在冒号后加一个空格，如“name: 某市政府网站”'
        : '这一行应为“字段: 值”，如“owner: 某市人民政府办公室”',
      'not a key: value line',
      { line: bad + 1, value: line.trim().slice(0, 40) },
    );
  }
  let data: unknown;
  try {
    data = yaml.load(text, { schema: yaml.FAILSAFE_SCHEMA });
  } catch (e) {
    const mark = (e as { mark?: { line?: number } }).mark;
    const reason = (e as { reason?: string }).reason ?? '';
    const duplicate = /duplicated mapping key/.test(reason);
    return error(
      duplicate
        ? '同一个字段写了两次；请只保留一行'
        : '格式有误：每行应为“字段: 值”，冒号用英文冒号并后跟空格；值里有冒号或以符号开头时请用引号括起来',
      `YAML syntax error${reason ? `: ${reason}` : ''}`,
      { line: mark?.line === undefined ? undefined : mark.line + 1 },
    );
  }
  if (data === null || data === undefined || (typeof data === 'string' && data.trim() === '')) {
    return error(
      '文件中没有任何字段；不需要网站信息时请删除 site.yml，否则至少填写 name 和 owner',
      'no fields',
    );
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return error('应为每行一个“字段: 值”，如“name: 某市政府网站检查情况通报”', 'site.yml must be a mapping', {
      line: 1,
    });
  }
  const lineOf = (key: string) => {
    const i = lines.findIndex(
      (l) => l.startsWith(`${key}:`) || l.startsWith(`"${key}":`) || l.startsWith(`'${key}':`),
    );
    return i === -1 ? undefined : i + 1;
  };
  const raw = data as Record<string, unknown>;
  const config: Partial<SiteConfig> = {};
  for (const [key, value] of Object.entries(raw)) {
    const line = lineOf(key);
    const field = SITE_FIELDS[key as Key];
    if (!field) {
      findings.push({
        severity: 'error',
        file,
        line,
        column: key,
        message: `不认识的字段；可用的字段为：${KEYS.join('、')}`,
        gloss: 'unknown field',
      });
      continue;
    }
    const { label, expects, check } = field;
    const column = `${key}（${label}）`;
    const optional = field.required ? '' : '；选填，不需要时请删除这一行';
    if (value === null || value === undefined) {
      findings.push({
        severity: 'error',
        file,
        line,
        column,
        message: `是空的；应为${expects}${optional}`,
        gloss: `${key} is empty`,
      });
      continue;
    }
    if (typeof value !== 'string') {
      findings.push({
        severity: 'error',
        file,
        line,
        column,
        message: `应为一行文字：${expects}`,
        gloss: `${key} must be text`,
      });
      continue;
    }
    const v = value.trim();
    if (v === '') {
      findings.push({
        severity: 'error',
        file,
        line,
        column,
        message: `是空的；应为${expects}${optional}`,
        gloss: `${key} is empty`,
      });
    } else if (PLACEHOLDER.test(v)) {
      findings.push({
        severity: 'error',
        file,
        line,
        column,
        value: v,
        message: `还没有填写；应为${expects}${optional}`,
        gloss: `${key} not filled in`,
      });
    } else {
      const problem = check?.(v, publicFiles);
      if (problem)
        findings.push({
          severity: 'error',
          file,
          line,
          column,
          value: v,
          message: `${problem}；应为${expects}`,
          gloss: `invalid ${key}`,
        });
      else config[key as Key] = v;
    }
  }
  for (const key of KEYS) {
    const { label, expects, required } = SITE_FIELDS[key];
    if (required && !(key in raw)) {
      findings.push({
        severity: 'error',
        file,
        column: `${key}（${label}）`,
        message: `缺少这一项，必填；应为${expects}`,
        gloss: `${key} missing`,
      });
    }
  }
  if ('psbLink' in raw && !('psb' in raw)) {
    findings.push({
      severity: 'error',
      file,
      line: lineOf('psbLink'),
      column: 'psbLink（公安机关备案号链接）',
      message: '链接显示在公安机关备案号上：请同时填写 psb（公安机关备案号），或删除这一行',
      gloss: 'psbLink without psb',
    });
  }
  if (findings.length > 0) return { findings };
  return { config: config as SiteConfig, findings };
}
