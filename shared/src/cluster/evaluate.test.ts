/**
 * The suggestions measured against the real OZG workshop (shared/fixtures,
 * read by the test only: `evaluate.ts` itself reads nothing). The boards
 * "Bewährtes" and "Aufgaben" carry the facilitators' own clusters; "Neues"
 * was never clustered, which is what the feature is for.
 */
import { describe, expect, it } from 'vitest';
import { OZG_FIXTURE as fixture } from '../testing/ozgFixture.ts';
import {
  clusterBenchmark,
  evaluateBoard,
  labelledNotes,
  syntheticNotes,
  timeSuggestions,
} from './evaluate.ts';
import { findDuplicates } from './findDuplicates.ts';
import { suggestClusters } from './suggestClusters.ts';

// shared/ compiles without DOM or Node typings; these globals exist in vitest.
declare const console: { log(...values: unknown[]): void };
declare const performance: { now(): number };

function board(title: string) {
  const found = fixture.boards.find((b) => b.title === title);
  if (!found) throw new Error(`fixture has no board "${title}"`);
  return found;
}

describe('labelledNotes', () => {
  it('counts a note listed in two clusters once, in the first, and says so', () => {
    const { notes, labels, repeated } = labelledNotes(board('Bewährtes').clusters);
    expect(repeated).toEqual([
      'Lernen an Best-Practise-Beispielen z.B. Fokusprojekte',
      'ÖZG-Koordination in den Ländern',
      'Einrichten einer zentralen Stelle im BL',
    ]);
    expect(notes).toHaveLength(23);
    const koordination = notes.findIndex((n) => n.text === 'ÖZG-Koordination in den Ländern');
    expect(labels[koordination]).toBe(0); // "Strukturen", listed first
  });
});

describe.each(['Bewährtes', 'Aufgaben'])('the facilitators’ clusters of "%s"', (title) => {
  it('are recovered better than by the trivial answers (adjusted Rand index)', () => {
    const evaluation = evaluateBoard(board(title).clusters);
    console.log(
      `ARI on "${title}": ${evaluation.ari.toFixed(3)} ` +
        `(leftovers as one cluster: ${evaluation.ariLeftoversTogether.toFixed(3)}; ` +
        `pair precision ${evaluation.pairPrecision.toFixed(2)} vs base rate ${evaluation.pairBaseRate.toFixed(2)}; ` +
        `${evaluation.noteCount} notes, ${evaluation.facilitatorClusters} facilitator clusters, ` +
        `${evaluation.suggestedClusters} suggested, ${evaluation.leftovers} leftovers)\n  ` +
        evaluation.titles.join(' | '),
    );
    expect(evaluation.baselines).toEqual({ allTogether: 0, allApart: 0 });
    // A modest floor: the facilitators sorted by kind ("Strukturen", "Formate"),
    // which shared words reveal only in part. Both trivial answers score 0.
    expect(evaluation.ari).toBeGreaterThan(0);
    expect(evaluation.pairPrecision).toBeGreaterThan(evaluation.pairBaseRate);
  });
});

describe('findDuplicates on the example', () => {
  it('finds the exact and near duplicates of "Aufgaben"', () => {
    const notes = board('Aufgaben')
      .clusters.flatMap((c) => c.notes)
      .map((text, i) => ({ id: String(i), text }));
    const texts = findDuplicates(notes).map((group) =>
      group.noteIds.map((id) => notes[Number(id)]!.text),
    );
    expect(texts).toEqual([
      [
        'Technische Infrastruktur überarbeiten & modernisieren',
        'Technische Infrastruktur überarbeiten & modernisieren',
      ],
      ['Finanzierung', 'Finanzierung'],
      [
        'Digitale Umsetz. bei Gesetzgebung mit den Mitgliedern',
        'Digitale Umsetz. bei Gesetzgebung und mit den Mitgliedern',
      ],
    ]);
  });
});

describe('suggestions for the never clustered board "Neues"', () => {
  it('propose clusters and account for every note exactly once', () => {
    const notes = board('Neues').notes.map((text, i) => ({ id: String(i), text }));
    const result = suggestClusters(notes);
    console.log(
      `"Neues": ${result.clusters.length} clusters, ${result.leftovers.length} leftovers\n  ` +
        result.clusters
          .map((c) => `${c.title} [${c.terms.map((t) => t.text).join(', ')}] ×${c.noteIds.length}`)
          .join('\n  '),
    );
    const ids = [...result.clusters.flatMap((c) => c.noteIds), ...result.leftovers];
    expect(ids.sort()).toEqual(notes.map((n) => n.id).sort());
    expect(result.clusters.length).toBeGreaterThanOrEqual(3);
  });
});

describe('benchmark entry points', () => {
  const texts = fixture.boards.flatMap((b) => [...b.notes, ...b.clusters.flatMap((c) => c.notes)]);

  it('build the same synthetic board for the same seed', () => {
    expect(syntheticNotes(texts, 50, 7)).toEqual(syntheticNotes(texts, 50, 7));
    expect(syntheticNotes(texts, 50, 7)).not.toEqual(syntheticNotes(texts, 50, 8));
  });

  it('time 500 notes with the clock they are given', () => {
    let tick = 0;
    const fake = timeSuggestions(texts, () => (tick += 5), { runs: 1 });
    expect(fake).toMatchObject({ noteCount: 500, milliseconds: 5 });

    // Speed is the benchmark's business (pnpm bench); tests assert no timings.
  });

  it('report both in one call, for every board the facilitators clustered', () => {
    let tick = 0;
    const result = clusterBenchmark(fixture, () => (tick += 1));
    expect(Object.keys(result.ari)).toEqual(['Bewährtes', 'Aufgaben']);
    expect(result.ari.Aufgaben).toBe(evaluateBoard(board('Aufgaben').clusters).ari);
    expect(result.millisecondsFor500Notes).toBe(1);
  });
});
