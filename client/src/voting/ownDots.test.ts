import { NOTE_HEIGHT } from '@pinnwand/shared/model/layout';
import { describe, expect, test } from 'vitest';
import { DOT_SIZE, onOwnDots, ownDotSpots } from './ownDots.ts';

describe('one’s own dots on a note', () => {
  const note = { x: 100, y: 200 };

  test('a tap on any drawn dot, or just beside it, is on them; elsewhere on the note it is not', () => {
    const spots = ownDotSpots(note, 2);
    expect(spots).toHaveLength(2);
    for (const s of spots)
      expect(onOwnDots(note, 2, 1, { x: s.x + DOT_SIZE / 2, y: s.y + DOT_SIZE / 2 })).toBe(true);
    const first = spots[0] as { x: number; y: number };
    // A finger a few pixels off still counts.
    expect(onOwnDots(note, 2, 1, { x: first.x - 6, y: first.y + DOT_SIZE + 6 })).toBe(true);
    expect(onOwnDots(note, 2, 1, { x: note.x + 80, y: note.y + 40 })).toBe(false);
    expect(onOwnDots(note, 0, 1, { x: first.x + 2, y: first.y + 2 })).toBe(false);
  });

  test('the slack is in screen pixels: zoomed out it covers more of the board', () => {
    const y = note.y + NOTE_HEIGHT - 30 - 15;
    expect(onOwnDots(note, 1, 1, { x: note.x + 10, y })).toBe(false);
    expect(onOwnDots(note, 1, 0.5, { x: note.x + 10, y })).toBe(true);
  });
});
