import { describe, expect, it } from 'vitest';
import { buildHistory } from '../../src/lib/history.ts';
import { listOrder } from '../../src/lib/lists.ts';
import { loadDataDir } from '../../src/node/load.ts';
import { BULLETIN, NEW_MEDIA_HEADER, SEED_DATA, tempDir, writeQuarter } from '../support/fixtures.ts';

const order = (dir: string) => listOrder(buildHistory(loadDataDir(dir).quarters));

describe('order of the index lists', () => {
  it('lists websites, units and accounts by 所属地区 (市直 first, then pinyin), then by name', () => {
    const lists = order('test/fixtures/history');
    expect(lists.websites.map((w) => `${w.region} ${w.name}`)).toEqual([
      '市直 虚构市教育局网站',
      '丙县 虚构丙县人民政府网站',
      '甲区 虚构甲区人民政府网站',
      '乙县 虚构乙县人民政府网站',
    ]);
    expect(lists.units.map((u) => `${u.region} ${u.name}`)).toEqual([
      '市直 虚构市教育局',
      '甲区 虚构甲区人民政府',
      '乙县 虚构乙县公安局',
    ]);
    // A unit's accounts in order of first appearance.
    expect(lists.accounts.map((r) => `${r.unit.name} ${r.account.account}（${r.account.platform}）`)).toEqual(
      [
        '虚构市教育局 虚构教育发布（微信）',
        '虚构市教育局 虚构教育（抖音）',
        '虚构甲区人民政府 虚构甲区发布（新浪微博）',
        '虚构乙县公安局 虚构平安乙县（今日头条）',
        '虚构乙县公安局 虚构乙县公安（微信）',
      ],
    );
  });

  it('lists data without 所属地区 by name alone (zh-CN collation)', () => {
    const lists = order(SEED_DATA);
    const names = lists.units.map((u) => u.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect([names[0], names.at(-1)]).toEqual(['潮州市城市管理和综合执法局', '饶平县人民政府办公室']);
    expect(lists.websites.map((w) => w.name)[0]).toBe('潮安区人民政府公众网');
  });

  it('lists an account that moved to another unit once, under its latest unit, so the list has one row per account', () => {
    const dir = tempDir();
    const header = `${NEW_MEDIA_HEADER},所属地区`;
    writeQuarter(dir, '2021-Q1', {
      'new-media.csv': `${header}\n1,虚构甲局,微信,虚构发布,合格,甲区\n2,虚构乙局,抖音,虚构乙视窗,合格,乙县\n`,
    });
    writeQuarter(dir, '2021-Q2', {
      'bulletin.mdx': BULLETIN.replace('2021年第一季度', '2021年第二季度').replace(
        '2021-04-20',
        '2021-07-20',
      ),
      'new-media.csv': `${header}\n1,虚构乙局,微信,虚构发布,不合格,乙县\n2,虚构乙局,抖音,虚构乙视窗,合格,乙县\n`,
    });
    const history = buildHistory(loadDataDir(dir).quarters);
    const lists = listOrder(history);
    expect(lists.units.map((u) => u.name)).toEqual(['虚构甲局', '虚构乙局']);
    expect(lists.accounts.map((r) => `${r.unit.name} ${r.account.account}（${r.account.platform}）`)).toEqual(
      ['虚构乙局 虚构乙视窗（抖音）', '虚构乙局 虚构发布（微信）'],
    );
    expect(lists.accounts).toHaveLength(history.accounts.length);
  });
});
