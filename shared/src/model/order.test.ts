import { describe, expect, it } from 'vitest';
import { compareByOrder, orderAfterLast, orderBetween, orderForIndex } from './order.ts';

describe('fractional order', () => {
  it('finds a value between neighbours, before the first and after the last', () => {
    expect(orderBetween(1, 2)).toBe(1.5);
    expect(orderBetween(undefined, 0)).toBe(-1);
    expect(orderBetween(3, undefined)).toBe(4);
    expect(orderBetween(undefined, undefined)).toBe(0);
  });

  it('stays strictly ordered after many insertions into the same gap', () => {
    let hi = 1;
    for (let i = 0; i < 60; i++) {
      const mid = orderBetween(0, hi);
      expect(mid).toBeGreaterThan(0);
      expect(mid).toBeLessThanOrEqual(hi);
      hi = mid;
    }
  });

  it('computes the order for moving an item to an index', () => {
    const items = [
      { id: 'a', order: 0 },
      { id: 'b', order: 1 },
      { id: 'c', order: 2 },
    ];
    const toFront = orderForIndex(items, 'c', 0);
    const moved = [...items.filter((i) => i.id !== 'c'), { id: 'c', order: toFront }].sort(
      compareByOrder,
    );
    expect(moved.map((i) => i.id)).toEqual(['c', 'a', 'b']);
    expect(orderForIndex(items, 'a', 99)).toBe(3);
    expect(orderAfterLast(items)).toBe(3);
    expect(orderAfterLast([])).toBe(0);
  });

  it('breaks ties by id so every peer sorts the same way', () => {
    const sorted = [
      { id: 'b', order: 1 },
      { id: 'a', order: 1 },
    ].sort(compareByOrder);
    expect(sorted.map((i) => i.id)).toEqual(['a', 'b']);
  });
});
