import { describe, expect, it } from 'vitest';
import { averageLinkage } from './linkage.ts';
import { chooseThreshold, meanSilhouette } from './silhouette.ts';

function blocks(sizes: number[], inside: number, across: number): Float64Array {
  const labels = sizes.flatMap((size, group) => Array.from({ length: size }, () => group));
  const n = labels.length;
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      matrix[i * n + j] = i === j ? 1 : labels[i] === labels[j] ? inside : across;
    }
  }
  return matrix;
}

describe('meanSilhouette', () => {
  it('is high for tight, separate groups and 0 for everything apart', () => {
    const matrix = blocks([3, 3], 0.9, 0.1);
    expect(meanSilhouette(matrix, Int32Array.of(0, 0, 0, 3, 3, 3))).toBeGreaterThan(0.8);
    expect(meanSilhouette(matrix, Int32Array.of(0, 1, 2, 3, 4, 5))).toBe(0);
    expect(meanSilhouette(matrix, Int32Array.of(0, 0, 0, 0, 0, 0))).toBe(0);
  });
});

describe('chooseThreshold', () => {
  it('cuts between the groups', () => {
    const matrix = blocks([3, 4, 2], 0.7, 0.05);
    const merges = averageLinkage(matrix, 9);
    const threshold = chooseThreshold(matrix, merges, 9, 0.2);
    expect(threshold).toBeGreaterThan(0.05);
    expect(threshold).toBeLessThanOrEqual(0.7);
  });

  it('never goes below the floor', () => {
    const matrix = blocks([9], 0.1, 0.1);
    const merges = averageLinkage(matrix, 9);
    expect(chooseThreshold(matrix, merges, 9, 0.2)).toBe(0.2);
  });
});
