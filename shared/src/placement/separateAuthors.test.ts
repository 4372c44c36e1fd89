import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Point } from '../model/layout.ts';
import { assertProperty, PROPERTY_TIMEOUT_MS } from '../testing/propertySeeds.ts';
import { noteRect, rectsOverlap } from './freeSpace.ts';
import { type AuthoredNote, separateAuthors } from './separateAuthors.ts';

const BASELINE_SEED = 20261204;

const coord = fc.integer({ min: -800, max: 800 });
const author = fc.constantFrom('p-anna', 'p-ben', 'p-cora');
const note = fc.record({ authorId: author, x: coord, y: coord });
const frame = fc.record({
  x: coord,
  y: coord,
  width: fc.integer({ min: 120, max: 600 }),
  height: fc.integer({ min: 100, max: 500 }),
});

function withIds(prefix: string, notes: readonly Omit<AuthoredNote, 'id'>[]): AuthoredNote[] {
  return notes.map((n, i) => ({ ...n, id: `${prefix}${String(i).padStart(3, '0')}` }));
}

function withMoves(notes: readonly AuthoredNote[], moves: Map<string, Point>): AuthoredNote[] {
  return notes.map((n) => ({ ...n, ...(moves.get(n.id) ?? {}) }));
}

describe('separating notes of different people', () => {
  it(
    'on random boards no arrived note covers another person’s note or a frame, and settled notes stay',
    () => {
      assertProperty(
        'separate authors: nothing covered',
        fc.property(
          fc.array(note, { maxLength: 25 }),
          fc.array(note, { minLength: 1, maxLength: 20 }),
          fc.array(frame, { maxLength: 3 }),
          (fixedRaw, arrivedRaw, frames) => {
            const fixed = withIds('f', fixedRaw);
            // Settled notes were placed apart from frames (the rule never moves them anyway).
            const arrived = withIds('a', arrivedRaw);
            const moves = separateAuthors(fixed, arrived, frames);
            for (const id of moves.keys()) expect(id.startsWith('a')).toBe(true);
            const placed = withMoves(arrived, moves);
            for (const n of placed) {
              const r = noteRect(n);
              for (const other of [...fixed, ...placed])
                if (other.authorId !== n.authorId)
                  expect(rectsOverlap(noteRect(other), r), `${n.id} covers ${other.id}`).toBe(
                    false,
                  );
              for (const f of frames) expect(rectsOverlap(f, r)).toBe(false);
            }
          },
        ),
        { numRuns: 120, regressionSeeds: [BASELINE_SEED] },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('shifts one person’s arrangement as a whole, nearby, and leaves a free group where it is', () => {
    const fixed = withIds('f', [{ authorId: 'p-anna', x: 0, y: 0 }]);
    const arrived = withIds('a', [
      // Ben's two notes side by side, the first on Anna's.
      { authorId: 'p-ben', x: 40, y: 30 },
      { authorId: 'p-ben', x: 212, y: 30 },
      // Cora's note far away covers nobody.
      { authorId: 'p-cora', x: 2000, y: 2000 },
    ]);
    const moves = separateAuthors(fixed, arrived, []);
    const [b1, b2, c] = withMoves(arrived, moves) as [AuthoredNote, AuthoredNote, AuthoredNote];
    expect(b2.x - b1.x).toBe(172);
    expect(b2.y - b1.y).toBe(0);
    expect(Math.hypot(b1.x - 40, b1.y - 30)).toBeLessThan(200);
    expect(c).toEqual(arrived[2]);
    expect(separateAuthors(fixed, arrived, [])).toEqual(moves);
  });
});
