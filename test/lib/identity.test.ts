import { describe, expect, it } from 'vitest';
import {
  accountKey,
  accountSlug,
  pinyinSlug,
  unitKey,
  unitSlug,
  websiteKey,
  websiteSlug,
} from '../../src/lib/identity.ts';

describe('identity and URLs', () => {
  it('keys a website by site code when given, else by its name without spaces', () => {
    expect(websiteKey({ siteCode: '4451000001', name: '甲' })).toBe('code:4451000001');
    expect(websiteKey({ name: '中国潮州 政府网站' })).toBe(websiteKey({ name: '中国潮州政府网站' }));
  });

  it('keys an account by platform and name', () => {
    expect(accountKey({ platform: '微信', account: '潮州人社' })).not.toBe(
      accountKey({ platform: 'APP', account: '潮州人社' }),
    );
  });

  it('makes readable ASCII slugs', () => {
    expect(pinyinSlug('潮州人社')).toBe('chao-zhou-ren-she');
    expect(websiteSlug('code:4451000001')).toBe('4451000001');
    expect(websiteSlug(websiteKey({ name: '中国潮州政府网站' }))).toMatch(
      /^zhong-guo-chao-zhou-zheng-fu-wang-zhan-[0-9a-f]{6}$/,
    );
    expect(accountSlug(accountKey({ platform: '微信', account: '潮州人社' }))).toMatch(
      /^weixin-chao-zhou-ren-she-[0-9a-f]{6}$/,
    );
    expect(unitSlug(unitKey('潮州市民政局'))).toMatch(/^chao-zhou-shi-min-zheng-ju-[0-9a-f]{6}$/);
  });

  it('keeps homophones apart', () => {
    // 潮州 and 朝州 read the same in pinyin.
    expect(websiteSlug(websiteKey({ name: '潮州网' }))).not.toBe(websiteSlug(websiteKey({ name: '朝州网' })));
  });

  it('caps very long names', () => {
    expect(pinyinSlug('潮州市人力资源和社会保障局潮州市人力资源和社会保障局').length).toBeLessThanOrEqual(48);
  });
});
