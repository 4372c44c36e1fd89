import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from './adjustedRandIndex.ts';

describe('adjustedRandIndex', () => {
  it('is 1 for the same grouping under other names', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
    expect(adjustedRandIndex(['a', 'a', 'b'], [7, 7, 3])).toBe(1);
  });

  it('matches reference values (scikit-learn)', () => {
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714285715);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5);
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2])).toBeCloseTo(
      0.24242424242424246,
    );
  });

  it('gives the trivial groupings 0 against any real one', () => {
    const truth = [0, 0, 0, 1, 1, 2, 2, 2];
    expect(
      adjustedRandIndex(
        truth,
        truth.map(() => 0),
      ),
    ).toBe(0);
    expect(
      adjustedRandIndex(
        truth,
        truth.map((_, i) => i),
      ),
    ).toBe(0);
  });

  it('treats 1 and "1" as different labels', () => {
    expect(adjustedRandIndex([1, '1', 2, 2], [0, 1, 2, 2])).toBe(1);
  });

  it('refuses labellings of different length', () => {
    expect(() => adjustedRandIndex([0], [0, 1])).toThrow(RangeError);
  });
});
