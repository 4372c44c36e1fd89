import { describe, expect, it } from 'vitest';
import { NOTE_HEIGHT, NOTE_WIDTH } from '../model/layout.ts';
import { notesOverlap, placeApart } from './placeApart.ts';

function noneOverlap(points: { x: number; y: number }[]): boolean {
  return points.every((a, i) => points.every((b, j) => i === j || !notesOverlap(a, b)));
}

describe('placeApart', () => {
  it('keeps a note that lands on a free spot exactly where it was written', () => {
    expect(placeApart([{ x: 0, y: 0 }], [{ x: 500, y: 500 }])).toEqual([{ x: 500, y: 500 }]);
  });

  it('spreads two notes written at the same spot so both are visible', () => {
    const placed = placeApart(
      [],
      [
        { x: 100, y: 100 },
        { x: 100, y: 100 },
      ],
    );
    expect(placed[0]).toEqual({ x: 100, y: 100 });
    expect(noneOverlap(placed)).toBe(true);
    // Near where it was written: within one note's size.
    const second = placed[1] as { x: number; y: number };
    expect(Math.abs(second.x - 100)).toBeLessThanOrEqual(NOTE_WIDTH + 12);
    expect(Math.abs(second.y - 100)).toBeLessThanOrEqual(NOTE_HEIGHT + 12);
  });

  it('never covers notes already on the board, even in a crowd', () => {
    const taken = Array.from({ length: 9 }, (_, i) => ({
      x: (i % 3) * 170,
      y: Math.floor(i / 3) * 130,
    }));
    const wanted = Array.from({ length: 6 }, () => ({ x: 170, y: 130 }));
    const placed = placeApart(taken, wanted);
    expect(noneOverlap([...taken, ...placed])).toBe(true);
  });
});
