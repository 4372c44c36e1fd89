import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOTE_HEIGHT, NOTE_WIDTH, type Point, type Rect } from '../model/layout.ts';
import { assertProperty, PROPERTY_TIMEOUT_MS } from '../testing/propertySeeds.ts';
import {
  findFree,
  findFreeNote,
  findFreeNotes,
  noteRect,
  rectsOverlap,
  separateFrames,
  VIEW_MARGIN,
} from './freeSpace.ts';

/** The seed every run checks, besides a fresh one (testing/propertySeeds.ts). */
const BASELINE_SEED = 20261129;

const coord = fc.integer({ min: -1500, max: 1500 });
const point = fc.record({ x: coord, y: coord });
const frame = fc.record({
  x: coord,
  y: coord,
  width: fc.integer({ min: 120, max: 900 }),
  height: fc.integer({ min: 100, max: 700 }),
});
const board = fc.record({
  notes: fc.array(point, { maxLength: 40 }),
  frames: fc.array(frame, { maxLength: 6 }),
});
const view = fc.record({
  x: coord,
  y: coord,
  width: fc.integer({ min: 200, max: 1600 }),
  height: fc.integer({ min: 200, max: 1000 }),
});

function coversSomething(r: Rect, notes: readonly Point[], frames: readonly Rect[]): boolean {
  return notes.some((n) => rectsOverlap(noteRect(n), r)) || frames.some((f) => rectsOverlap(f, r));
}

describe('free space for new notes', () => {
  it(
    'many additions on random boards never cover a note or a frame',
    () => {
      assertProperty(
        'free space: many additions',
        fc.property(
          board,
          fc.array(point, { minLength: 1, maxLength: 30 }),
          fc.option(view),
          (b, wants, v) => {
            const placed = findFreeNotes(b, wants, v);
            const notes = [...b.notes];
            for (const p of placed) {
              expect(coversSomething(noteRect(p), notes, b.frames)).toBe(false);
              notes.push(p);
            }
          },
        ),
        { numRuns: 150, regressionSeeds: [BASELINE_SEED] },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('a free spot is kept exactly, and an empty view takes the note inside it', () => {
    assertProperty(
      'free space: a free spot is kept',
      fc.property(view, point, (v, want) => {
        const spot = findFreeNote({ notes: [], frames: [] }, want, v);
        if (v.width >= NOTE_WIDTH + 2 * VIEW_MARGIN && v.height >= NOTE_HEIGHT + 2 * VIEW_MARGIN) {
          expect(spot.x).toBeGreaterThanOrEqual(v.x + VIEW_MARGIN - 1);
          expect(spot.y).toBeGreaterThanOrEqual(v.y + VIEW_MARGIN - 1);
          expect(spot.x + NOTE_WIDTH).toBeLessThanOrEqual(v.x + v.width - VIEW_MARGIN + 1);
          expect(spot.y + NOTE_HEIGHT).toBeLessThanOrEqual(v.y + v.height - VIEW_MARGIN + 1);
        }
        expect(findFreeNote({ notes: [], frames: [] }, want)).toEqual(want);
      }),
      { regressionSeeds: [BASELINE_SEED] },
    );
  });

  it('seven notes added one after another on an empty phone view do not stack', () => {
    const phone: Rect = { x: 0, y: 0, width: 390, height: 600 };
    const placed = findFreeNotes(
      { notes: [], frames: [] },
      Array(7).fill({ x: 115, y: 240 }),
      phone,
    );
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++)
        expect(rectsOverlap(noteRect(placed[i] as Point), noteRect(placed[j] as Point))).toBe(
          false,
        );
  });

  it('a new note never lands inside a frame, even when wanted there', () => {
    const f: Rect = { x: 0, y: 0, width: 600, height: 400 };
    const spot = findFreeNote({ notes: [], frames: [f] }, { x: 200, y: 150 });
    expect(rectsOverlap(noteRect(spot), f)).toBe(false);
  });

  it(
    'new frames go on free space too',
    () => {
      assertProperty(
        'free space: new frames',
        fc.property(board, fc.array(point, { minLength: 1, maxLength: 6 }), view, (b, wants, v) => {
          const frames = [...b.frames];
          for (const want of wants) {
            const size = { width: 344, height: 192 };
            const spot = findFree({ notes: b.notes, frames }, size, want, v);
            const r = { ...spot, ...size };
            expect(coversSomething(r, b.notes, frames)).toBe(false);
            frames.push(r);
          }
        }),
        { numRuns: 100, regressionSeeds: [BASELINE_SEED] },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('separating tidied frames', () => {
  it(
    'frames never cover each other or the notes outside them',
    () => {
      assertProperty(
        'separating tidied frames',
        fc.property(
          fc.array(frame, { minLength: 1, maxLength: 8 }),
          fc.array(point, { maxLength: 20 }),
          (frames, loose) => {
            const spots = separateFrames(frames, loose);
            const placed = frames.map((f, i) => ({ ...f, ...(spots[i] as Point) }));
            for (let i = 0; i < placed.length; i++) {
              const a = placed[i] as Rect;
              expect(loose.some((n) => rectsOverlap(noteRect(n), a))).toBe(false);
              for (let j = i + 1; j < placed.length; j++)
                expect(rectsOverlap(a, placed[j] as Rect)).toBe(false);
            }
          },
        ),
        { numRuns: 150, regressionSeeds: [BASELINE_SEED] },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it('a frame that covers nothing stays where it is', () => {
    const frames: Rect[] = [
      { x: 0, y: 0, width: 300, height: 200 },
      { x: 400, y: 0, width: 300, height: 200 },
    ];
    expect(separateFrames(frames, [{ x: 0, y: 400 }])).toEqual([
      { x: 0, y: 0 },
      { x: 400, y: 0 },
    ]);
  });
});
