import { describe, expect, it } from 'vitest';
import {
  CLUSTER_HEADER,
  CLUSTER_PADDING,
  DEFAULT_CLUSTER_HEIGHT,
  DEFAULT_CLUSTER_WIDTH,
  GRID_GAP,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  type Point,
  type Rect,
} from '../model/layout.ts';
import { dropIntoFrame } from './dropIntoFrame.ts';
import { noteRect, rectsOverlap } from './freeSpace.ts';

const frame: Rect = { x: 0, y: 0, width: DEFAULT_CLUSTER_WIDTH, height: DEFAULT_CLUSTER_HEIGHT };
const first: Point = { x: CLUSTER_PADDING, y: CLUSTER_HEADER + CLUSTER_PADDING };

function within(r: Rect, p: Point): boolean {
  return (
    p.x >= r.x &&
    p.y >= r.y &&
    p.x + NOTE_WIDTH <= r.x + r.width &&
    p.y + NOTE_HEIGHT <= r.y + r.height
  );
}

describe('notes dropped into a frame', () => {
  it('a note dropped onto one lying there goes beside it, inside the frame', () => {
    const { spots, grow } = dropIntoFrame(frame, [first], [{ x: first.x + 20, y: first.y + 10 }]);
    const [spot] = spots as [Point];
    expect(rectsOverlap(noteRect(spot), noteRect(first))).toBe(false);
    expect(within(frame, spot)).toBe(true);
    expect(grow).toBeNull();
  });

  it('a note dropped on free room in the frame stays where it was dropped', () => {
    const free = { x: first.x + NOTE_WIDTH + GRID_GAP, y: first.y };
    expect(dropIntoFrame(frame, [first], [free])).toEqual({ spots: [free], grow: null });
  });

  it("a note dropped across the frame's edge or onto its heading comes inside, below the heading", () => {
    const across = { x: frame.x + frame.width - NOTE_WIDTH / 2 - 10, y: first.y + 20 };
    const onHeading = { x: first.x, y: frame.y + 4 };
    for (const dropped of [across, onHeading]) {
      const { spots, grow } = dropIntoFrame(frame, [], [dropped]);
      const [spot] = spots as [Point];
      expect(spot.y).toBeGreaterThanOrEqual(first.y);
      expect(spot.x).toBeGreaterThanOrEqual(first.x);
      expect(spot.x + NOTE_WIDTH).toBeLessThanOrEqual(frame.x + frame.width - CLUSTER_PADDING);
      expect(spot.y + NOTE_HEIGHT).toBeLessThanOrEqual(frame.y + frame.height - CLUSTER_PADDING);
      expect(grow).toBeNull();
    }
  });

  it('several notes dropped onto the same spot cover none of each other', () => {
    const wide = { ...frame, width: 3 * (NOTE_WIDTH + GRID_GAP) + 2 * CLUSTER_PADDING };
    const { spots, grow } = dropIntoFrame(wide, [first], [first, first]);
    const all = [first, ...spots];
    for (const [i, a] of all.entries())
      for (const b of all.slice(i + 1)) expect(rectsOverlap(noteRect(a), noteRect(b))).toBe(false);
    for (const spot of spots) expect(within(wide, spot)).toBe(true);
    expect(grow).toBeNull();
  });

  it('in a full frame the note takes the next grid slot and the frame is to grow to hold it', () => {
    const second = { x: first.x + NOTE_WIDTH + GRID_GAP, y: first.y };
    const { spots, grow } = dropIntoFrame(frame, [first, second], [first]);
    const [spot] = spots as [Point];
    expect(spot).toEqual({ x: first.x, y: first.y + NOTE_HEIGHT + GRID_GAP });
    expect(grow).toEqual({
      width: frame.width,
      height: spot.y + NOTE_HEIGHT + CLUSTER_PADDING,
    });
  });
});
