/**
 * Choosing where to cut the dendrogram.
 *
 * The silhouette of a note compares how close it is to its own group with how
 * close it is to the nearest other group (distance = 1 − similarity); its mean
 * over all notes is high when groups are tight and apart. A note alone counts
 * 0, as in Rousseeuw's definition, so leaving everything apart is no way to win.
 * Only cuts above a similarity floor are candidates: below it, groups would
 * merely be "least unrelated", which helps no facilitator.
 */
import { cut, type Merge } from './linkage.ts';

/** Mean silhouette of a labelling (labels as returned by `cut`). */
export function meanSilhouette(similarity: Float64Array, labels: Int32Array): number {
  const n = labels.length;
  if (n === 0) return 0;
  const groupIndex = new Map<number, number>();
  const groupSize: number[] = [];
  for (const label of labels) {
    const index = groupIndex.get(label);
    if (index === undefined) {
      groupIndex.set(label, groupSize.length);
      groupSize.push(1);
    } else groupSize[index]!++;
  }
  const groups = groupSize.length;
  if (groups < 2) return 0;
  const group = Int32Array.from(labels, (label) => groupIndex.get(label)!);
  const sums = new Float64Array(groups);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = group[i]!;
    if (groupSize[own]! < 2) continue;
    sums.fill(0);
    for (let j = 0; j < n; j++) if (j !== i) sums[group[j]!]! += 1 - similarity[i * n + j]!;
    const a = sums[own]! / (groupSize[own]! - 1);
    let b = Number.POSITIVE_INFINITY;
    for (let g = 0; g < groups; g++) if (g !== own) b = Math.min(b, sums[g]! / groupSize[g]!);
    const spread = Math.max(a, b);
    if (spread > 0) total += (b - a) / spread;
  }
  return total / n;
}

/** At most this many cuts are scored: enough resolution, bounded cost on big boards. */
const MAX_CANDIDATES = 32;

/**
 * The similarity threshold whose cut has the best mean silhouette, among the
 * merge heights at or above `floor`. Ties go to the higher threshold (fewer,
 * tighter groups). Returns `floor` when nothing merges above it.
 */
export function chooseThreshold(
  similarity: Float64Array,
  merges: readonly Merge[],
  n: number,
  floor: number,
): number {
  const heights = [...new Set(merges.map((m) => m.similarity).filter((h) => h >= floor))];
  if (heights.length === 0) return floor;
  const step = Math.max(1, Math.ceil(heights.length / MAX_CANDIDATES));
  let bestThreshold = floor;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < heights.length; k += step) {
    const threshold = heights[k]!;
    const score = meanSilhouette(similarity, cut(merges, n, threshold));
    if (score > bestScore) {
      bestScore = score;
      bestThreshold = threshold;
    }
  }
  return bestThreshold;
}
