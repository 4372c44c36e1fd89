/**
 * TF-IDF vectors and cosine similarity over one board's notes.
 *
 * Word features and character n-grams are weighted and L2-normalised as two
 * separate blocks and then scaled by √share, so that the dot product of two
 * notes is `share · cos(words) + (1 − share) · cos(n-grams)`. Mixing them in
 * one vector instead would let the many n-grams of a long note drown its few
 * words. IDF is computed over the board itself: on a board about
 * "Digitalisierung" that word separates little, and the weighting knows it.
 */

export interface SparseVector {
  /** Feature indices, each at most once, in no particular order. */
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

/** Smoothed inverse document frequency, ln((1 + n) / (1 + df)) + 1, as scikit-learn does. */
export function inverseDocumentFrequency(
  docs: readonly ReadonlyMap<string, number>[],
): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) for (const key of doc.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [key, count] of df) idf.set(key, Math.log((1 + docs.length) / (1 + count)) + 1);
  return idf;
}

export interface Block {
  /** Per note: feature → term frequency. */
  readonly docs: readonly ReadonlyMap<string, number>[];
  /** Share of this block in the similarity; the shares should add up to 1. */
  readonly share: number;
  /** Weigh by IDF over the board (default), or by the note's own counts only. */
  readonly idf?: boolean;
}

/**
 * One vector per note from one or more feature blocks. Written straight into
 * typed arrays: on a 500-note board this runs over ~100,000 entries, and
 * per-entry objects made the garbage collector the bottleneck.
 */
export function vectorize(blocks: readonly Block[]): SparseVector[] {
  const count = blocks[0]?.docs.length ?? 0;
  const sizes = new Int32Array(count);
  for (const block of blocks) {
    block.docs.forEach((doc, d) => {
      sizes[d]! += doc.size;
    });
  }
  const vectors = Array.from(sizes, (size) => ({
    indices: new Int32Array(size),
    values: new Float64Array(size),
  }));
  const filled = new Int32Array(count);
  let offset = 0;
  for (const block of blocks) {
    // Separate vocabularies per block: "aus" the word and "aus" the n-gram differ.
    const vocabulary = new Map<string, number>();
    const df: number[] = [];
    const local = block.docs.map((doc) => {
      const indices = new Int32Array(doc.size);
      let k = 0;
      for (const key of doc.keys()) {
        let index = vocabulary.get(key);
        if (index === undefined) {
          index = df.length;
          vocabulary.set(key, index);
          df.push(0);
        }
        df[index]!++;
        indices[k++] = index;
      }
      return indices;
    });
    // Same formula as `inverseDocumentFrequency`, on indices instead of keys.
    const idf = df.map((c) => (block.idf === false ? 1 : Math.log((1 + count) / (1 + c)) + 1));
    const scale = Math.sqrt(block.share);
    block.docs.forEach((doc, d) => {
      const vector = vectors[d]!;
      const indices = local[d]!;
      const start = filled[d]!;
      let k = 0;
      let norm = 0;
      for (const tf of doc.values()) {
        const index = indices[k]!;
        const weight = tf * idf[index]!;
        vector.indices[start + k] = offset + index;
        vector.values[start + k] = weight;
        norm += weight * weight;
        k++;
      }
      const factor = norm > 0 ? scale / Math.sqrt(norm) : 0;
      for (let j = start; j < start + k; j++) vector.values[j]! *= factor;
      filled[d] = start + k;
    });
    offset += df.length;
  }
  return vectors;
}

/** Dot product of two sparse vectors (in any index order). */
export function dot(a: SparseVector, b: SparseVector): number {
  const values = new Map<number, number>();
  a.indices.forEach((index, k) => {
    values.set(index, a.values[k]!);
  });
  let sum = 0;
  b.indices.forEach((index, k) => {
    sum += (values.get(index) ?? 0) * b.values[k]!;
  });
  return sum;
}

/**
 * All pairwise similarities as a dense n×n matrix (row-major). Accumulated
 * through an inverted index, so pairs that share nothing cost nothing — most
 * pairs of sticky notes share nothing.
 */
export function similarityMatrix(vectors: readonly SparseVector[]): Float64Array {
  const n = vectors.length;
  const matrix = new Float64Array(n * n);
  // Postings as flat typed arrays grouped by feature (CSR): the inner loop
  // below runs millions of times on a large board.
  let features = 0;
  for (const vector of vectors) {
    for (const index of vector.indices) features = Math.max(features, index + 1);
  }
  const start = new Int32Array(features + 1);
  for (const vector of vectors) for (const index of vector.indices) start[index + 1]!++;
  for (let f = 0; f < features; f++) start[f + 1]! += start[f]!;
  const fill = start.slice(0, features);
  const docs = new Int32Array(start[features]!);
  const values = new Float64Array(start[features]!);
  vectors.forEach((vector, doc) => {
    vector.indices.forEach((index, k) => {
      const at = fill[index]!++;
      docs[at] = doc;
      values[at] = vector.values[k]!;
    });
  });
  for (let f = 0; f < features; f++) {
    const end = start[f + 1]!;
    for (let a = start[f]!; a < end; a++) {
      const row = docs[a]! * n;
      const u = values[a]!;
      // Docs were added in ascending order: b > a fills the upper triangle.
      for (let b = a; b < end; b++) matrix[row + docs[b]!]! += u * values[b]!;
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) matrix[j * n + i] = matrix[i * n + j]!;
  }
  return matrix;
}
