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
  /** Feature indices, ascending. */
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

type Entries = Array<[index: number, value: number]>;

export interface Block {
  /** Per note: feature → term frequency. */
  readonly docs: readonly ReadonlyMap<string, number>[];
  /** Share of this block in the similarity; the shares should add up to 1. */
  readonly share: number;
  /** Weigh by IDF over the board (default), or by the note's own counts only. */
  readonly idf?: boolean;
}

function weighBlock(block: Block, vocabulary: Map<string, number>): Entries[] {
  const idf = block.idf === false ? undefined : inverseDocumentFrequency(block.docs);
  const scale = Math.sqrt(block.share);
  return block.docs.map((doc) => {
    const entries: Entries = [];
    let norm = 0;
    for (const [key, tf] of doc) {
      const weight = idf ? tf * (idf.get(key) ?? 0) : tf;
      let index = vocabulary.get(key);
      if (index === undefined) {
        index = vocabulary.size;
        vocabulary.set(key, index);
      }
      entries.push([index, weight]);
      norm += weight * weight;
    }
    const factor = norm > 0 ? scale / Math.sqrt(norm) : 0;
    for (const entry of entries) entry[1] *= factor;
    return entries;
  });
}

/** One vector per note from one or more feature blocks. */
export function vectorize(blocks: readonly Block[]): SparseVector[] {
  const count = blocks[0]?.docs.length ?? 0;
  const merged: Entries[] = Array.from({ length: count }, () => []);
  let offset = 0;
  for (const block of blocks) {
    // Separate vocabularies per block: "aus" the word and "aus" the n-gram differ.
    const vocabulary = new Map<string, number>();
    weighBlock(block, vocabulary).forEach((entries, doc) => {
      for (const [index, value] of entries) merged[doc]?.push([offset + index, value]);
    });
    offset += vocabulary.size;
  }
  return merged.map((entries) => {
    entries.sort((a, b) => a[0] - b[0]);
    return {
      indices: Int32Array.from(entries, (entry) => entry[0]),
      values: Float64Array.from(entries, (entry) => entry[1]),
    };
  });
}

export function dot(a: SparseVector, b: SparseVector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.indices.length && j < b.indices.length) {
    const x = a.indices[i]!;
    const y = b.indices[j]!;
    if (x === y) sum += a.values[i++]! * b.values[j++]!;
    else if (x < y) i++;
    else j++;
  }
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
