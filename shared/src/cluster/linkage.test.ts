import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertProperty, PROPERTY_TIMEOUT_MS } from '../testing/propertySeeds.ts';
import { averageLinkage, cut } from './linkage.ts';

/**
 * Textbook average linkage, O(n³): always merge the most similar pair of
 * groups. Null when two pairs tie for the most similar at some step: then
 * either merge is right and the dendrograms may differ. Distinct similarities
 * do not rule that out, as groups' averages can meet ((3 + 5) / 2 = 4).
 */
function naiveAverageLinkage(similarity: Float64Array, n: number): number[] | null {
  const groups: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const heights: number[] = [];
  while (groups.length > 1) {
    let best = { x: 0, y: 1, value: Number.NEGATIVE_INFINITY };
    let runnerUp = Number.NEGATIVE_INFINITY;
    for (let x = 0; x < groups.length; x++) {
      for (let y = x + 1; y < groups.length; y++) {
        let sum = 0;
        for (const i of groups[x]!) for (const j of groups[y]!) sum += similarity[i * n + j]!;
        const value = sum / (groups[x]!.length * groups[y]!.length);
        if (value > best.value) {
          runnerUp = best.value;
          best = { x, y, value };
        } else if (value > runnerUp) runnerUp = value;
      }
    }
    if (best.value - runnerUp < 1e-9) return null;
    groups[best.x] = [...groups[best.x]!, ...groups[best.y]!];
    groups.splice(best.y, 1);
    heights.push(best.value);
  }
  return heights.sort((a, b) => b - a);
}

function symmetric(n: number, values: number[]): Float64Array {
  const matrix = new Float64Array(n * n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    matrix[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      matrix[i * n + j] = values[k]!;
      matrix[j * n + i] = values[k++]!;
    }
  }
  return matrix;
}

describe('averageLinkage', () => {
  it('merges the two obvious pairs first and joins them last', () => {
    // 0–1 and 2–3 are close pairs; the pairs are far apart.
    const matrix = symmetric(4, [0.9, 0.1, 0.1, 0.1, 0.1, 0.8]);
    const merges = averageLinkage(matrix, 4);
    expect(merges.map((m) => [m.a, m.b])).toEqual([
      [0, 1],
      [2, 3],
      [0, 2],
    ]);
    expect(merges.map((m) => m.similarity)).toEqual([0.9, 0.8, expect.closeTo(0.1)]);
  });

  it(
    'finds the same merge heights as the textbook algorithm when there are no ties',
    () => {
      assertProperty(
        'averageLinkage',
        fc.property(
          fc.integer({ min: 2, max: 9 }).chain((n) =>
            fc.tuple(
              fc.constant(n),
              // Distinct values, and runs where groups tie are skipped (naiveAverageLinkage).
              fc.uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), {
                minLength: (n * (n - 1)) / 2,
                maxLength: (n * (n - 1)) / 2,
              }),
            ),
          ),
          ([n, values]) => {
            const matrix = symmetric(
              n,
              values.map((v) => v / 1_000_000),
            );
            const expected = naiveAverageLinkage(matrix, n);
            fc.pre(expected !== null);
            const heights = averageLinkage(matrix, n).map((m) => m.similarity);
            expect(heights).toHaveLength(expected.length);
            heights.forEach((h, i) => {
              expect(h).toBeCloseTo(expected[i]!, 9);
            });
          },
        ),
        // 1204003269: a fresh seed whose groups tied ((3 + 5) / 2 = 4), once a failure.
        { numRuns: 200, regressionSeeds: [42, 1204003269] },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('handles empty and single-note boards', () => {
    expect(averageLinkage(new Float64Array(0), 0)).toEqual([]);
    expect(averageLinkage(Float64Array.of(1), 1)).toEqual([]);
  });
});

describe('cut', () => {
  it('keeps exactly the merges at or above the threshold', () => {
    const matrix = symmetric(4, [0.9, 0.1, 0.1, 0.1, 0.1, 0.8]);
    const merges = averageLinkage(matrix, 4);
    expect([...cut(merges, 4, 0.85)]).toEqual([0, 0, 2, 3]);
    expect([...cut(merges, 4, 0.5)]).toEqual([0, 0, 2, 2]);
    expect([...cut(merges, 4, 0)]).toEqual([0, 0, 0, 0]);
  });
});
