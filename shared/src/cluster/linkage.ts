/**
 * Agglomerative clustering with average linkage (UPGMA) on a similarity matrix.
 *
 * Average linkage: two groups are as similar as their notes are on average —
 * less prone than single linkage to chaining unrelated notes through one
 * shared word, less strict than complete linkage with short, noisy notes.
 *
 * Built with the nearest-neighbour-chain algorithm, O(n²) time for a dense
 * matrix (500 notes: a few milliseconds), exact for average linkage because it
 * is "reducible". Ties are broken by the lower index, so the result depends
 * only on the input order, never on chance.
 */

export interface Merge {
  /** A note of each of the two groups merged (their lowest-numbered slot). */
  readonly a: number;
  readonly b: number;
  /** Average similarity between the two groups. */
  readonly similarity: number;
}

/**
 * The dendrogram as merges, most similar first. `similarity` is row-major n×n
 * and is not modified.
 */
export function averageLinkage(similarity: Float64Array, n: number): Merge[] {
  const s = Float64Array.from(similarity);
  const size = new Int32Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const merges: Merge[] = [];
  const chain: number[] = [];
  let remaining = n;

  while (remaining > 1) {
    if (chain.length === 0) chain.push(active.indexOf(1));
    const top = chain[chain.length - 1]!;
    const previous = chain.length > 1 ? chain[chain.length - 2]! : -1;
    // The previous chain element wins ties, which keeps the chain from cycling.
    let best = previous;
    let bestSimilarity = previous >= 0 ? s[top * n + previous]! : Number.NEGATIVE_INFINITY;
    for (let c = 0; c < n; c++) {
      if (c === top || !active[c]) continue;
      const value = s[top * n + c]!;
      if (value > bestSimilarity) {
        best = c;
        bestSimilarity = value;
      }
    }
    if (best !== previous) {
      chain.push(best);
      continue;
    }
    chain.length -= 2;
    const keep = Math.min(top, previous);
    const drop = Math.max(top, previous);
    merges.push({ a: keep, b: drop, similarity: bestSimilarity });
    const sizeKeep = size[keep]!;
    const sizeDrop = size[drop]!;
    // Lance–Williams update for average linkage.
    for (let c = 0; c < n; c++) {
      if (!active[c] || c === keep || c === drop) continue;
      const value =
        (sizeKeep * s[keep * n + c]! + sizeDrop * s[drop * n + c]!) / (sizeKeep + sizeDrop);
      s[keep * n + c] = value;
      s[c * n + keep] = value;
    }
    size[keep] = sizeKeep + sizeDrop;
    active[drop] = 0;
    remaining--;
  }
  // Stable sort: equal similarities keep the order they were found in.
  return merges.sort((x, y) => y.similarity - x.similarity);
}

/**
 * Cut the dendrogram: apply every merge at least `threshold` similar. Returns
 * a group label per note (the lowest note index of its group). Average linkage
 * never merges at a higher similarity after a lower one along one branch, so
 * this is exactly the set of groups that exist at that height.
 */
export function cut(merges: readonly Merge[], n: number, threshold: number): Int32Array {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root]!;
    while (parent[x] !== root) {
      const next = parent[x]!;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  for (const merge of merges) {
    if (merge.similarity < threshold) break;
    const ra = find(merge.a);
    const rb = find(merge.b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  return Int32Array.from({ length: n }, (_, i) => find(i));
}
