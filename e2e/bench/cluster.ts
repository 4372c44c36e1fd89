// Benchmark 7: cluster suggestions. Adjusted Rand index of the suggestions
// against the facilitators' own clusters in the real OZG workshop (boards that
// have them), and the time for 500 notes made from the workshop's texts —
// through shared/src/cluster's own benchmark entry points.
import {
  type BoardEvaluation,
  evaluateBoard,
  type LabelledWorkshop,
  timeSuggestions,
} from '@pinnwand/shared/cluster/evaluate';
import { OZG_FIXTURE } from '@pinnwand/shared/testing/ozgFixture';
import { type Spread, spread } from './lib/stats.ts';

export interface ClusterResult {
  boards: (Omit<BoardEvaluation, 'repeated'> & { title: string })[];
  time500Ms: Spread;
  clustersFor500: number;
  runs: number;
}

export function runCluster(runs: number): ClusterResult {
  const workshop: LabelledWorkshop = OZG_FIXTURE;
  const boards = workshop.boards
    .filter((b) => b.clusters.length >= 2)
    .map((b) => {
      const { repeated: _repeated, ...evaluation } = evaluateBoard(b.clusters);
      return { title: b.title, ...evaluation };
    });
  const texts = workshop.boards.flatMap((b) => [...b.notes, ...b.clusters.flatMap((c) => c.notes)]);
  timeSuggestions(texts, () => performance.now(), { count: 500, runs: 1 }); // warm-up
  const times: number[] = [];
  let clusters = 0;
  for (let r = 0; r < runs; r++) {
    const t = timeSuggestions(texts, () => performance.now(), { count: 500, runs: 1, seed: 1 });
    times.push(t.milliseconds);
    clusters = t.clusters;
  }
  return { boards, time500Ms: spread(times), clustersFor500: clusters, runs };
}
