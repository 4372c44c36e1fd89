import { describe, expect, it } from 'vitest';
import { isNoteColor, NOTE_COLOR_HEX, NOTE_COLORS } from './colors.ts';
import {
  CLUSTER_HEADER,
  CLUSTER_PADDING,
  GRID_GAP,
  gridColumnsFor,
  gridFrameSize,
  gridSlot,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  noteCentreInside,
  squareColumns,
} from './layout.ts';

describe('grid layout', () => {
  it('places slots row by row inside the frame padding and below the title', () => {
    const frame = { x: 100, y: 50 };
    expect(gridSlot(frame, 3, 0)).toEqual({
      x: 100 + CLUSTER_PADDING,
      y: 50 + CLUSTER_HEADER + CLUSTER_PADDING,
    });
    expect(gridSlot(frame, 3, 4)).toEqual({
      x: 100 + CLUSTER_PADDING + NOTE_WIDTH + GRID_GAP,
      y: 50 + CLUSTER_HEADER + CLUSTER_PADDING + NOTE_HEIGHT + GRID_GAP,
    });
  });

  it('sizes frames to hold their grid, and column counts round-trip', () => {
    const size = gridFrameSize(4, 11);
    expect(gridColumnsFor(size.width)).toBe(4);
    const last = gridSlot({ x: 0, y: 0 }, 4, 10);
    expect(last.x + NOTE_WIDTH + CLUSTER_PADDING).toBeLessThanOrEqual(size.width);
    expect(last.y + NOTE_HEIGHT + CLUSTER_PADDING).toBe(size.height);
    expect(squareColumns(11)).toBe(4);
    expect(squareColumns(0)).toBe(1);
    expect(gridColumnsFor(0)).toBe(1);
  });

  it('tests whether a note lies in a frame by its centre', () => {
    const rect = { x: 0, y: 0, width: 200, height: 200 };
    expect(noteCentreInside({ x: 0, y: 0 }, rect)).toBe(true);
    expect(noteCentreInside({ x: 150, y: 0 }, rect)).toBe(false);
  });
});

describe('note colours', () => {
  it('has a hex rendering for every palette name', () => {
    for (const color of NOTE_COLORS) expect(NOTE_COLOR_HEX[color]).toMatch(/^#[0-9a-f]{6}$/);
    expect(isNoteColor('pink')).toBe(true);
    expect(isNoteColor('#ff0000')).toBe(false);
  });
});
