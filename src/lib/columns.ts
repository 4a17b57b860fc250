/**
 * The column definitions of the annex tables. One fact, one place: validation, the record types (tables.ts), the
 * published data dictionary and the data package are all generated from these lists.
 */

export type ColumnType = 'integer' | 'number' | 'flag' | 'result' | 'platform' | 'text' | 'siteCode' | 'url';

export interface ColumnDef {
  /** Identifier used in records, JSON and code. */
  key: string;
  /** Header as in the official annex (Chinese). */
  name: string;
  type: ColumnType;
  required: boolean;
  /** What the column means, for the data dictionary (Chinese). */
  description: string;
  /** Short English name, used in glosses. */
  gloss: string;
  /** A required column whose cells may be empty (empty means “none”). */
  allowEmpty?: boolean;
  /** Inclusive numeric bounds. */
  min?: number;
  max?: number;
  /** Regular expression every published (normalised) value matches; used by validation and the data package. */
  pattern?: string;
  /** What an empty cell of an `allowEmpty` column is read as, so page and downloads show the same word. */
  blank?: string;
}

/** The word a problems column uses for “none”, and what a blank 其他问题 is published as. */
export const NONE = '无';

/** Flag values: 是 = the problem was found. */
export const FLAG_VALUES = ['是', '否'] as const;
export const RESULT_VALUES = ['合格', '不合格'] as const;
export type Result = (typeof RESULT_VALUES)[number];

/** Platforms (账号类型): the ten of the 2020 Q3 seed, then the others seen in other cities' bulletins. */
export const PLATFORMS = [
  'APP',
  '百度贴吧',
  '百家号',
  '抖音',
  '今日头条',
  '南方号',
  '企鹅号',
  '人民号',
  '微信',
  '新浪微博',
  '快手',
  '小红书',
  '微信视频号',
  '小程序',
  '大鱼号',
  '学习强国',
  '其他',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Common ways of writing an accepted value, offered as the fix (never applied silently). */
export const SUGGESTIONS: Record<ColumnType, Record<string, string>> = {
  flag: {
    Y: '是',
    y: '是',
    yes: '是',
    YES: '是',
    1: '是',
    '√': '是',
    '✓': '是',
    有: '是',
    存在: '是',
    N: '否',
    n: '否',
    no: '否',
    NO: '否',
    0: '否',
    '×': '否',
    无: '否',
    不存在: '否',
  },
  result: {
    通过: '合格',
    达标: '合格',
    是: '合格',
    不通过: '不合格',
    未通过: '不合格',
    不达标: '不合格',
    否: '不合格',
  },
  platform: {
    微信公众号: '微信',
    公众号: '微信',
    微信号: '微信',
    服务号: '微信',
    订阅号: '微信',
    微博: '新浪微博',
    新浪: '新浪微博',
    头条: '今日头条',
    头条号: '今日头条',
    视频号: '微信视频号',
    百度百家号: '百家号',
    腾讯企鹅号: '企鹅号',
    贴吧: '百度贴吧',
    app: 'APP',
    App: 'APP',
    客户端: 'APP',
    移动客户端: 'APP',
    微信小程序: '小程序',
    抖音号: '抖音',
    快手号: '快手',
  },
  integer: {},
  number: {},
  text: {},
  siteCode: {},
  url: {},
};

/** 附件1's single-veto flag columns are declared with this, so each keeps its literal key and name in the types. */
const flag = <K extends string, N extends string>(key: K, name: N, gloss: string) =>
  ({
    key,
    name,
    type: 'flag',
    required: true,
    description: `单项否决指标“${name}”：是 = 检查发现该问题，否 = 未发现。`,
    gloss,
  }) as const;

/**
 * 附件1: one row per website. Declared `as const` so the record type is derived from this list (see tables.ts): a
 * column added here is validated, published, downloaded and documented without another edit.
 */
export const WEBSITE_COLUMNS = [
  {
    key: 'seq',
    name: '序号',
    type: 'integer',
    required: true,
    min: 1,
    description: '表内序号，从 1 起，不重复。',
    gloss: 'row number',
  },
  {
    key: 'name',
    name: '网站名称',
    type: 'text',
    required: true,
    description: '被检查网站的名称。',
    gloss: 'website name',
  },
  flag('homepageStale', '首页不更新', 'homepage not updated'),
  flag('columnsStale', '栏目不更新', 'columns not updated'),
  flag('poorInteraction', '互动回应差', 'poor interaction'),
  flag('servicesUnusable', '服务不实用', 'services not usable'),
  flag('seriousIncident', '安全、泄密事故等严重问题', 'security or leak incident'),
  {
    key: 'otherProblems',
    name: '其他问题',
    type: 'text',
    required: true,
    allowEmpty: true,
    blank: NONE,
    description:
      '其他问题的文字描述；“无”或留空表示没有（留空的单元格按“无”发布）。多个问题以逗号或分号分隔，分别计数。',
    gloss: 'other problems',
  },
  {
    key: 'bonus',
    name: '加分',
    type: 'number',
    required: true,
    min: 0,
    max: 30,
    description: '加分，0 至 30 分，可有小数。',
    gloss: 'bonus points',
  },
  {
    key: 'deduction',
    name: '扣分',
    type: 'number',
    required: true,
    min: 0,
    max: 100,
    description: '扣分，0 至 100 分，可有小数。',
    gloss: 'deducted points',
  },
  {
    key: 'total',
    name: '总分',
    type: 'number',
    required: true,
    min: 0,
    max: 130,
    description: '总分，应等于 100 + 加分 − 扣分。',
    gloss: 'total score',
  },
  {
    key: 'category',
    name: '网站类别',
    type: 'text',
    required: false,
    description: '网站类别，如门户网站、部门网站。',
    gloss: 'website category',
  },
  {
    key: 'region',
    name: '所属地区',
    type: 'text',
    required: false,
    description: '所属县（区），或“市直”“市本级”。',
    gloss: 'district',
  },
  {
    key: 'siteCode',
    name: '网站标识码',
    type: 'siteCode',
    required: false,
    pattern: '^[0-9A-Z]{10}$',
    description: '全国政府网站统一的 10 位网站标识码。',
    gloss: 'national site code',
  },
  {
    key: 'url',
    name: '网址',
    type: 'url',
    required: false,
    description: '网站首页地址，以 http:// 或 https:// 开头。',
    gloss: 'URL',
  },
  {
    key: 'result',
    name: '结果',
    type: 'result',
    required: false,
    description: '检查结果：合格或不合格（按通报公布）。',
    gloss: 'result',
  },
  {
    key: 'rectification',
    name: '整改情况',
    type: 'text',
    required: false,
    description: '整改情况说明。',
    gloss: 'rectification',
  },
] as const satisfies readonly ColumnDef[];

/** 附件2: one row per new-media account. */
export const NEW_MEDIA_COLUMNS = [
  {
    key: 'seq',
    name: '序号',
    type: 'integer',
    required: true,
    min: 1,
    description: '表内序号，从 1 起，不重复。',
    gloss: 'row number',
  },
  {
    key: 'unit',
    name: '单位名称',
    type: 'text',
    required: true,
    description: '开设账号的单位。',
    gloss: 'operating unit',
  },
  {
    key: 'platform',
    name: '账号类型',
    type: 'platform',
    required: true,
    description: `账号所在平台，取值：${PLATFORMS.join('、')}。`,
    gloss: 'platform',
  },
  {
    key: 'account',
    name: '账号名称',
    type: 'text',
    required: true,
    description: '账号在平台上的名称。',
    gloss: 'account name',
  },
  {
    key: 'result',
    name: '结果',
    type: 'result',
    required: true,
    description: '检查结果：合格或不合格。',
    gloss: 'result',
  },
  {
    key: 'region',
    name: '所属地区',
    type: 'text',
    required: false,
    description: '所属县（区），或“市直”“市本级”。',
    gloss: 'district',
  },
  {
    key: 'problem',
    name: '问题描述',
    type: 'text',
    required: false,
    description: '检查发现的问题；多个问题以逗号或分号分隔，分别计数。',
    gloss: 'problem found',
  },
  {
    key: 'rectification',
    name: '整改情况',
    type: 'text',
    required: false,
    description: '整改情况说明。',
    gloss: 'rectification',
  },
] as const satisfies readonly ColumnDef[];

type FlagColumn = Extract<(typeof WEBSITE_COLUMNS)[number], { type: 'flag' }>;
/** The five single-veto flags of 附件1, in the annex's order: its 是/否 columns. */
export const WEBSITE_FLAGS: readonly FlagColumn[] = WEBSITE_COLUMNS.filter(
  (c): c is FlagColumn => c.type === 'flag',
);
export type WebsiteFlagKey = FlagColumn['key'];

/** The TypeScript type a cell of each column type is read as. */
export interface ColumnValues {
  integer: number;
  number: number;
  flag: boolean;
  result: Result;
  platform: Platform;
  text: string;
  siteCode: string;
  url: string;
}

type RequiredKey<C> = C extends { required: true; key: infer K } ? K : never;
type OptionalKey<C> = C extends { required: false; key: infer K } ? K : never;
type ValueOf<C extends readonly ColumnDef[], K> = ColumnValues[Extract<C[number], { key: K }>['type']];

/** The fields of a row of a table with these columns: required columns always, optional ones when the table has them. */
export type ColumnFields<C extends readonly ColumnDef[]> = {
  [K in RequiredKey<C[number]> & string]: ValueOf<C, K>;
} & {
  [K in OptionalKey<C[number]> & string]?: ValueOf<C, K>;
};

/** A column's allowed values, where it has a closed list. */
export function allowedValues(column: ColumnDef): readonly string[] | undefined {
  if (column.type === 'flag') return FLAG_VALUES;
  if (column.type === 'result') return RESULT_VALUES;
  if (column.type === 'platform') return PLATFORMS;
  return undefined;
}
