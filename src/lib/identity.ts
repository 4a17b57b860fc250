/** Identity of a website or account across quarters, so that its record can be followed: keys, and URL slugs. */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { normalizeName } from './normalize.ts';

// The keys live in keys.ts, which validation imports without pinyin-pro (a large dictionary to load).
export { accountKey, unitKey, websiteKey } from './keys.ts';

// Readable URL segments for entities: pinyin, plus a short hash of the identity key.

const PLATFORM_SLUGS: Record<string, string> = {
  APP: 'app',
  百度贴吧: 'tieba',
  百家号: 'baijiahao',
  抖音: 'douyin',
  今日头条: 'toutiao',
  南方号: 'nanfanghao',
  企鹅号: 'qiehao',
  人民号: 'renminhao',
  微信: 'weixin',
  新浪微博: 'weibo',
  快手: 'kuaishou',
  小红书: 'xiaohongshu',
  微信视频号: 'shipinhao',
  小程序: 'xiaochengxu',
  大鱼号: 'dayuhao',
  学习强国: 'xuexiqiangguo',
  其他: 'qita',
};

/**
 * Slugs are asked for once per link (millions in a national build) and pinyin is slow: each is computed once per
 * build. Pinyin by text, entity slugs by identity key. The caches are shared through globalThis because Astro loads
 * this module more than once in one process (the search index's records, then the pages), and each copy would
 * otherwise work out every slug again; the values depend on the text alone, so sharing them changes nothing.
 */
const { pinyinCache, entitySlugCache } = ((globalThis as Record<symbol, unknown>)[
  Symbol.for('gov-inspection-report.slugs')
] ??= { pinyinCache: new Map<string, string>(), entitySlugCache: new Map<string, string>() }) as {
  pinyinCache: Map<string, string>;
  entitySlugCache: Map<string, string>;
};

function remember(cache: Map<string, string>, key: string, compute: () => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    cache.set(key, value);
  }
  return value;
}

/** `潮州人社` → `chao-zhou-ren-she`; letters and digits kept, everything else dropped; at most 48 characters. */
export function pinyinSlug(text: string): string {
  return remember(pinyinCache, text, () => computePinyinSlug(text));
}

function computePinyinSlug(text: string): string {
  const syllables = pinyin(normalizeName(text), {
    toneType: 'none',
    type: 'array',
    nonZh: 'consecutive',
    v: true,
  });
  const slug = syllables
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-'))
    .join('-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return slug.slice(0, 48).replace(/-[^-]*$/, (tail) => (slug.length > 48 ? '' : tail)) || 'x';
}

/** Six hex digits of the key's SHA-256: keeps homophones apart, and depends on nothing but the key. */
export function keyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 6);
}

/** URL segment of a website, from its identity key: the site code, or pinyin of the name and a hash. */
export function websiteSlug(key: string): string {
  if (key.startsWith('code:')) return key.slice(5).toLowerCase();
  return remember(entitySlugCache, key, () => `${pinyinSlug(key.replace(/^name:/, ''))}-${keyHash(key)}`);
}

/** URL segment of an account, from its identity key: platform, pinyin of the account name, and a hash. */
export function accountSlug(key: string): string {
  return remember(entitySlugCache, key, () => {
    const [platform, ...name] = key.split(':');
    return `${PLATFORM_SLUGS[platform!] ?? 'qita'}-${pinyinSlug(name.join(':'))}-${keyHash(key)}`;
  });
}

/** URL segment of a unit, from its identity key. */
export function unitSlug(key: string): string {
  return remember(entitySlugCache, key, () => `${pinyinSlug(key.replace(/^unit:/, ''))}-${keyHash(key)}`);
}
