import { describe, expect, it } from 'vitest';
import { pageCount, pageItems, pageOf, pagerNumbers } from '../../src/lib/paginate.ts';

describe('pagination', () => {
  it('counts pages, at least one', () => {
    expect(pageCount(0, 500)).toBe(1);
    expect(pageCount(500, 500)).toBe(1);
    expect(pageCount(501, 500)).toBe(2);
    expect(pageCount(140000, 500)).toBe(280);
  });

  it('finds the page of a row and the rows of a page', () => {
    expect(pageOf(0, 500)).toBe(1);
    expect(pageOf(499, 500)).toBe(1);
    expect(pageOf(500, 500)).toBe(2);
    const items = Array.from({ length: 1201 }, (_, i) => i);
    expect(pageItems(items, 3, 500)).toEqual(items.slice(1000));
    expect(pageItems(items, 3, 500)).toHaveLength(201);
  });

  it('offers first, last and the pages around the current one', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pagerNumbers(10, 280)).toEqual([1, null, 8, 9, 10, 11, 12, null, 280]);
    expect(pagerNumbers(280, 280)).toEqual([1, null, 278, 279, 280]);
  });
});
