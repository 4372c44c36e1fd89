/**
 * "Find duplicates": notes that say the same thing in (nearly) the same words,
 * offered to the facilitator for merging.
 *
 * Deliberately stricter and more literal than the cluster similarity: the
 * whole text is compared as written — stop words included, since "mit" and
 * "ohne" make different notes — through character trigrams after folding case,
 * umlauts and punctuation. The measure is the weighted Jaccard index of the
 * trigram counts (shared / all), which, unlike cosine, drops fast when one
 * note only contains the other ("Vernetzung der Projekte" / "Ende-zu-Ende
 * Digitalisierung, Vernetzung der Projekte": related, not duplicates), while a
 * typo or an added "und" costs only a few trigrams of many.
 */
import { foldWord } from './normalize.ts';
import { tokenize } from './tokenize.ts';
import type { ClusterNote } from './types.ts';

export interface DuplicateOptions {
  /** Lowest weighted trigram Jaccard index (0–1) for two notes to be duplicates. Default 0.7. */
  readonly threshold?: number;
}

export interface DuplicateGroup<Id extends string = string> {
  /** Two or more notes, in input order. */
  readonly noteIds: Id[];
  /**
   * The lowest similarity between two notes of the group: the weighted share
   * of letter trigrams they have in common after folding case, umlauts and
   * punctuation. 1 can mean "same words, different spelling"; `identical`
   * says whether the texts are really the same.
   */
  readonly similarity: number;
  /** Whether every note of the group has exactly the same text (white space aside). */
  readonly identical: boolean;
}

/** The share to show as "n %": 100 only for identical texts, never rounded up to it. */
export function similarityPercent(group: DuplicateGroup): number {
  return group.identical ? 100 : Math.min(99, Math.floor(group.similarity * 100));
}

const DEFAULT_THRESHOLD = 0.7;

function trigramCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  // Hyphen parts as separate words: "ÖZG-Koordination" duplicates "OZG Koordination".
  const words = tokenize(text).flatMap((token) => token.parts.map(foldWord));
  for (const word of words) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const gram = padded.slice(i, i + 3);
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * Pairwise Σmin / Σmax of the counts, row-major n×n. The shared part is summed
 * through an inverted index, so notes without a common trigram cost nothing.
 */
function weightedJaccard(docs: readonly Map<string, number>[]): Float64Array {
  const n = docs.length;
  const shared = new Float64Array(n * n);
  const postings = new Map<string, Array<[doc: number, count: number]>>();
  const totals = docs.map((doc, index) => {
    let total = 0;
    for (const [gram, count] of doc) {
      total += count;
      const list = postings.get(gram);
      if (list) list.push([index, count]);
      else postings.set(gram, [[index, count]]);
    }
    return total;
  });
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      const [i, x] = list[a]!;
      for (let b = a + 1; b < list.length; b++) {
        const [j, y] = list[b]!;
        shared[i * n + j] = shared[i * n + j]! + Math.min(x, y);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const union = totals[i]! + totals[j]! - shared[i * n + j]!;
      shared[i * n + j] = union > 0 ? shared[i * n + j]! / union : 0;
    }
  }
  return shared;
}

export function findDuplicates<Id extends string>(
  notes: readonly ClusterNote<Id>[],
  options: DuplicateOptions = {},
): DuplicateGroup<Id>[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const n = notes.length;
  const docs = notes.map((note) => trigramCounts(note.text));
  const similarity = weightedJaccard(docs);

  // Groups are the connected components of "at least threshold similar";
  // reporting their weakest pair keeps a chain A≈B≈C from looking tighter than it is.
  const group = Int32Array.from({ length: n }, (_, i) => i);
  const root = (x: number): number => {
    while (group[x] !== x) x = group[x]!;
    return x;
  };
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (similarity[i * n + j]! < threshold) continue;
      const a = root(i);
      const b = root(j);
      if (a !== b) group[Math.max(a, b)] = Math.min(a, b);
    }
  }
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    // Empty notes are alike but duplicate nothing.
    if (docs[i]!.size === 0) continue;
    const key = root(i);
    const list = members.get(key);
    if (list) list.push(i);
    else members.set(key, [i]);
  }
  const groups: Array<DuplicateGroup<Id> & { first: number }> = [];
  for (const list of members.values()) {
    if (list.length < 2) continue;
    let weakest = 1;
    for (const a of list)
      for (const b of list) if (a < b) weakest = Math.min(weakest, similarity[a * n + b]!);
    const texts = new Set(list.map((i) => notes[i]!.text.trim().replace(/\s+/g, ' ')));
    groups.push({
      noteIds: list.map((i) => notes[i]!.id),
      similarity: weakest,
      identical: texts.size === 1,
      first: list[0]!,
    });
  }
  groups.sort((x, y) => y.similarity - x.similarity || x.first - y.first);
  return groups.map(({ first: _, ...rest }) => rest);
}
