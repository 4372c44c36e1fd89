/**
 * Entry points for the benchmark: how well the suggestions recover clusters a
 * facilitator made, and how long a large board takes. Reads nothing itself:
 * the caller passes the fixture's data and a clock (shared/ has no `performance`
 * typing and must not depend on Node).
 */
import { adjustedRandIndex } from './adjustedRandIndex.ts';
import { seededRandom } from './random.ts';
import { type SuggestOptions, suggestClusters } from './suggestClusters.ts';
import type { ClusterNote } from './types.ts';

/** A cluster as the fixture records it: a heading and the texts of its notes. */
export interface LabelledCluster {
  readonly title: string;
  readonly notes: readonly string[];
}

export interface LabelledNotes {
  readonly notes: ClusterNote[];
  /** The index of each note's facilitator cluster. */
  readonly labels: number[];
  /** Texts met again after their first occurrence, and therefore left out. */
  readonly repeated: string[];
}

/**
 * The notes of labelled clusters, one per distinct text. A text listed in two
 * clusters (the OZG example has three such notes) counts once, in the first
 * cluster that lists it: ARI needs one label per note, and the transcript does
 * not tell us whether it was one note filed twice or two identical notes.
 */
export function labelledNotes(clusters: readonly LabelledCluster[]): LabelledNotes {
  const seen = new Set<string>();
  const notes: ClusterNote[] = [];
  const labels: number[] = [];
  const repeated: string[] = [];
  clusters.forEach((cluster, label) => {
    for (const text of cluster.notes) {
      if (seen.has(text)) {
        repeated.push(text);
        continue;
      }
      seen.add(text);
      notes.push({ id: `n${notes.length}`, text });
      labels.push(label);
    }
  });
  return { notes, labels, repeated };
}

export interface BoardEvaluation {
  /** Adjusted Rand index of the suggestions against the facilitators' clusters, leftovers each alone. */
  readonly ari: number;
  /**
   * The same with all leftovers as one more cluster — what a facilitator does
   * who files the rest under "Weiteres", as the OZG facilitators did.
   */
  readonly ariLeftoversTogether: number;
  readonly noteCount: number;
  readonly facilitatorClusters: number;
  readonly suggestedClusters: number;
  readonly leftovers: number;
  /** Texts counted once only (see `labelledNotes`). */
  readonly repeated: string[];
  /** The trivial answers, for scale: everything together, and every note alone. */
  readonly baselines: { readonly allTogether: number; readonly allApart: number };
  /**
   * Of the note pairs that the suggestions put together, the share the
   * facilitators put together too; compare with `pairBaseRate`, the share
   * among all pairs. Tells "cautious but right" apart from "wrong".
   */
  readonly pairPrecision: number;
  readonly pairBaseRate: number;
  /** Proposed headings with their sizes, for a human to read in the report. */
  readonly titles: string[];
}

/** Among pairs with equal `grouping` labels, the share with equal `truth` labels (0 if none). */
function pairAgreement(grouping: readonly (string | number)[], truth: readonly number[]): number {
  let together = 0;
  let agreed = 0;
  for (let i = 0; i < grouping.length; i++) {
    for (let j = i + 1; j < grouping.length; j++) {
      if (grouping[i] !== grouping[j]) continue;
      together++;
      if (truth[i] === truth[j]) agreed++;
    }
  }
  return together > 0 ? agreed / together : 0;
}

/**
 * Run the suggestions on a labelled board and score them. Leftovers count as
 * clusters of one: that is what the facilitator is offered for them.
 */
export function evaluateBoard(
  clusters: readonly LabelledCluster[],
  options: SuggestOptions = {},
): BoardEvaluation {
  const { notes, labels, repeated } = labelledNotes(clusters);
  const result = suggestClusters(notes, options);
  const predicted = new Map<string, string>();
  result.clusters.forEach((cluster, index) => {
    for (const id of cluster.noteIds) predicted.set(id, `c${index}`);
  });
  const suggested = notes.map((note) => predicted.get(note.id) ?? `alone:${note.id}`);
  const rest = notes.map((note) => predicted.get(note.id) ?? 'rest');
  return {
    ari: adjustedRandIndex(labels, suggested),
    ariLeftoversTogether: adjustedRandIndex(labels, rest),
    noteCount: notes.length,
    facilitatorClusters: clusters.length,
    suggestedClusters: result.clusters.length,
    leftovers: result.leftovers.length,
    repeated,
    baselines: {
      allTogether: adjustedRandIndex(
        labels,
        notes.map(() => 0),
      ),
      allApart: adjustedRandIndex(
        labels,
        notes.map((_, i) => i),
      ),
    },
    pairPrecision: pairAgreement(suggested, labels),
    pairBaseRate: pairAgreement(
      notes.map(() => 0),
      labels,
    ),
    titles: result.clusters.map((c) => `${c.title} (${c.noteIds.length})`),
  };
}

/**
 * A board of `count` notes made from real note texts: each synthetic note is a
 * real one, sometimes with a few words of another appended, so vocabulary and
 * overlap resemble a workshop rather than random letters.
 */
export function syntheticNotes(texts: readonly string[], count: number, seed = 1): ClusterNote[] {
  if (texts.length === 0) throw new RangeError('syntheticNotes needs at least one text');
  const random = seededRandom(seed);
  const pick = (): string => texts[Math.floor(random() * texts.length)]!;
  return Array.from({ length: count }, (_, index) => {
    let text = pick();
    if (random() < 0.5) {
      const words = pick().split(/\s+/);
      const start = Math.floor(random() * words.length);
      text = `${text} ${words.slice(start, start + 3).join(' ')}`;
    }
    return { id: `s${index}`, text };
  });
}

export interface Timing {
  readonly noteCount: number;
  /** Wall time of one `suggestClusters` call (the median of `runs`). */
  readonly milliseconds: number;
  readonly clusters: number;
}

/** Time `suggestClusters` on a synthetic board of `count` notes; `now` is e.g. `performance.now`. */
export function timeSuggestions(
  texts: readonly string[],
  now: () => number,
  { count = 500, runs = 3, seed = 1 }: { count?: number; runs?: number; seed?: number } = {},
): Timing {
  const notes = syntheticNotes(texts, count, seed);
  const times: number[] = [];
  let clusters = 0;
  for (let run = 0; run < runs; run++) {
    const start = now();
    clusters = suggestClusters(notes).clusters.length;
    times.push(now() - start);
  }
  times.sort((x, y) => x - y);
  return { noteCount: count, milliseconds: times[Math.floor(times.length / 2)] ?? 0, clusters };
}

/** The parts of a workshop file (such as the OZG fixture) that the benchmark needs. */
export interface LabelledWorkshop {
  readonly boards: readonly {
    readonly title: string;
    readonly clusters: readonly LabelledCluster[];
    readonly notes: readonly string[];
  }[];
}

export interface ClusterBenchmark {
  /** ARI per board that has at least two facilitator clusters, by board title. */
  readonly ari: Record<string, number>;
  /** Median time of `suggestClusters` on 500 synthetic notes made from the workshop's texts. */
  readonly millisecondsFor500Notes: number;
}

/**
 * One call for the benchmark: "ARI on the example" and "time for 500 notes".
 * `now` is the caller's clock (`performance.now` in Node and browsers).
 */
export function clusterBenchmark(workshop: LabelledWorkshop, now: () => number): ClusterBenchmark {
  const ari: Record<string, number> = {};
  for (const board of workshop.boards) {
    if (board.clusters.length >= 2) ari[board.title] = evaluateBoard(board.clusters).ari;
  }
  const texts = workshop.boards.flatMap((board) => [
    ...board.notes,
    ...board.clusters.flatMap((cluster) => cluster.notes),
  ]);
  return { ari, millisecondsFor500Notes: timeSuggestions(texts, now).milliseconds };
}
