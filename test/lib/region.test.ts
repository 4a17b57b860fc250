import { describe, expect, it } from 'vitest';
import {
  NO_REGION,
  cityLevelRank,
  compareRegions,
  groupByRegion,
  regionLabel,
} from '../../src/lib/region.ts';

describe('order of 所属地区', () => {
  it('puts city-level labels first, then the rest in pinyin order, then 未注明地区', () => {
    const regions = ['乙县', NO_REGION, '甲区', '市直', '丙县', '湘桥区', '潮安区', '饶平县'];
    expect([...regions].sort(compareRegions)).toEqual([
      '市直',
      '丙县',
      '潮安区',
      '甲区',
      '饶平县',
      '湘桥区',
      '乙县',
      NO_REGION,
    ]);
  });

  it('orders numbers in labels by value', () => {
    expect(['第10区', '第2区', '第1区'].sort(compareRegions)).toEqual(['第1区', '第2区', '第10区']);
  });

  it('orders several city-level labels 市直, 市本级, 市属, 市级, 本级, and longer forms after their prefix', () => {
    const regions = ['本级', '湘桥区', '市属单位', '市级', '市属', '市本级', '市直机关', '市直'];
    expect([...regions].sort(compareRegions)).toEqual([
      '市直',
      '市直机关',
      '市本级',
      '市属',
      '市属单位',
      '市级',
      '本级',
      '湘桥区',
    ]);
  });

  it('does not take district labels that merely contain 市 for city level', () => {
    expect(cityLevelRank('市区')).toBe(-1);
    expect(cityLevelRank('市辖区')).toBe(-1);
    expect(cityLevelRank('潮州市')).toBe(-1);
    expect(cityLevelRank('县直')).toBe(-1);
    expect(cityLevelRank('市　直')).toBe(0); // a full-width space typed into the cell
    expect(cityLevelRank(' 市本级 ')).toBe(1);
  });

  it('treats a missing or blank 所属地区 as 未注明地区, last', () => {
    expect(regionLabel(undefined)).toBe(NO_REGION);
    expect(regionLabel('  ')).toBe(NO_REGION);
    expect(regionLabel(' 甲区 ')).toBe('甲区');
    expect(['', '乙县', NO_REGION, '市直'].sort(compareRegions)).toEqual(['市直', '乙县', '', NO_REGION]);
    expect(compareRegions(undefined, '乙县')).toBeGreaterThan(0);
    expect(compareRegions(undefined, NO_REGION)).toBe(0);
    expect(compareRegions('甲区', ' 甲区')).toBe(0);
  });

  it('is a consistent order (antisymmetric, transitive) over mixed labels', () => {
    const labels = ['市直', '市本级', '本级', '甲区', '乙县', '丙县', NO_REGION, undefined, 'A区', '1区'];
    for (const a of labels) {
      for (const b of labels) {
        expect(Math.sign(compareRegions(a, b)), `${a} ${b}`).toBe(-Math.sign(compareRegions(b, a)) || 0);
        for (const c of labels) {
          if (compareRegions(a, b) <= 0 && compareRegions(b, c) <= 0)
            expect(compareRegions(a, c), `${a} ${b} ${c}`).toBeLessThanOrEqual(0);
        }
      }
    }
  });

  it('groups a sorted page into runs of one region each, keeping order', () => {
    const items = [
      { name: 'a', region: '市直' },
      { name: 'b', region: '市直' },
      { name: 'c', region: '甲区' },
      { name: 'd', region: undefined },
    ];
    expect(groupByRegion(items, (i) => i.region)).toEqual([
      { region: '市直', items: [items[0], items[1]] },
      { region: '甲区', items: [items[2]] },
      { region: NO_REGION, items: [items[3]] },
    ]);
    expect(groupByRegion([], () => undefined)).toEqual([]);
  });
});
