/**
 * "Suggest clusters": group a board's unclustered notes by what they say.
 *
 * Runs in the browser on the facilitator's device; nothing leaves it. The
 * pipeline: German-aware features (`features.ts`) → TF-IDF over the board and
 * cosine similarity (`vectors.ts`) → average-linkage dendrogram
 * (`linkage.ts`) → cut where the mean silhouette is best, above a similarity
 * floor (`silhouette.ts`) → a heading and the shared terms per group
 * (`labels.ts`). Groups of one note are returned as leftovers: a suggestion
 * should show what belongs together, not file every note somewhere.
 *
 * Deterministic: no randomness anywhere, ties broken by input order.
 */
import { extractFeatures, type NoteFeatures } from './features.ts';
import { describeCluster, type SharedTerm } from './labels.ts';
import { averageLinkage, cut } from './linkage.ts';
import { chooseThreshold } from './silhouette.ts';
import type { ClusterNote } from './types.ts';
import { inverseDocumentFrequency, similarityMatrix, vectorize } from './vectors.ts';

export interface SuggestOptions {
  /** Cut at exactly this similarity (0–1) instead of choosing the cut by silhouette. */
  readonly threshold?: number;
  /** Lowest similarity at which the automatic choice may group notes. Default 0.2. */
  readonly minSimilarity?: number;
  /** Share of whole words in the similarity; the rest is character n-grams. Default 0.6. */
  readonly wordShare?: number;
  /** Most shared terms reported per cluster. Default 3. */
  readonly maxTerms?: number;
}

export interface SuggestedCluster<Id extends string = string> {
  /** A proposed heading from the strongest shared terms, as people wrote them. */
  readonly title: string;
  /** Members in input order. */
  readonly noteIds: Id[];
  /** Why these notes belong together: their strongest shared terms, strongest first. */
  readonly terms: SharedTerm[];
  /** Mean pairwise similarity of the members, 0–1. */
  readonly cohesion: number;
}

export interface ClusterSuggestions<Id extends string = string> {
  /** Largest first; among equal sizes the more cohesive first. */
  readonly clusters: SuggestedCluster<Id>[];
  /** Notes that fit no proposed cluster, in input order. */
  readonly leftovers: Id[];
  /** The similarity at which the dendrogram was cut. */
  readonly threshold: number;
}

const DEFAULTS = { minSimilarity: 0.2, wordShare: 0.6, maxTerms: 3 } as const;

export interface BoardSimilarity {
  readonly features: NoteFeatures[];
  /** Row-major n×n cosine similarities. */
  readonly similarity: Float64Array;
}

/** Features and pairwise similarities of a board's texts. */
export function boardSimilarity(texts: readonly string[], wordShare: number): BoardSimilarity {
  const features = extractFeatures(texts);
  const vectors = vectorize([
    { docs: features.map((f) => f.words), share: wordShare },
    { docs: features.map((f) => f.ngrams), share: 1 - wordShare },
  ]);
  return { features, similarity: similarityMatrix(vectors) };
}

function meanPairwise(members: readonly number[], similarity: Float64Array, n: number): number {
  let sum = 0;
  let pairs = 0;
  for (let x = 0; x < members.length; x++) {
    for (let y = x + 1; y < members.length; y++) {
      sum += similarity[members[x]! * n + members[y]!]!;
      pairs++;
    }
  }
  return pairs > 0 ? sum / pairs : 1;
}

export function suggestClusters<Id extends string>(
  notes: readonly ClusterNote<Id>[],
  options: SuggestOptions = {},
): ClusterSuggestions<Id> {
  const { minSimilarity, wordShare, maxTerms } = { ...DEFAULTS, ...options };
  const n = notes.length;
  const { features, similarity } = boardSimilarity(
    notes.map((note) => note.text),
    wordShare,
  );
  const merges = averageLinkage(similarity, n);
  const threshold = options.threshold ?? chooseThreshold(similarity, merges, n, minSimilarity);
  const labels = cut(merges, n, threshold);

  const groups = new Map<number, number[]>();
  labels.forEach((label, index) => {
    const group = groups.get(label);
    if (group) group.push(index);
    else groups.set(label, [index]);
  });
  const idf = inverseDocumentFrequency(features.map((f) => f.words));
  const clusters: Array<SuggestedCluster<Id> & { first: number }> = [];
  const leftovers: number[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) {
      leftovers.push(...members);
      continue;
    }
    const { title, terms } = describeCluster(members, features, idf, maxTerms);
    clusters.push({
      title,
      noteIds: members.map((index) => notes[index]!.id),
      terms,
      cohesion: meanPairwise(members, similarity, n),
      first: members[0]!,
    });
  }
  clusters.sort(
    (x, y) => y.noteIds.length - x.noteIds.length || y.cohesion - x.cohesion || x.first - y.first,
  );
  return {
    clusters: clusters.map(({ first: _, ...cluster }) => cluster),
    leftovers: leftovers.sort((x, y) => x - y).map((index) => notes[index]!.id),
    threshold,
  };
}
