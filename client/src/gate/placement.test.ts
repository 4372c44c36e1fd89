import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { describe, expect, it } from 'vitest';
import { revealRect } from './placement.ts';

// Where new notes go is the shared rule (shared/src/placement/freeSpace.test.ts).
const inside = (
  p: { x: number; y: number },
  r: { x: number; y: number; width: number; height: number },
) =>
  p.x >= r.x &&
  p.y >= r.y &&
  p.x + NOTE_WIDTH <= r.x + r.width &&
  p.y + NOTE_HEIGHT <= r.y + r.height;

describe('revealRect', () => {
  const size = { width: 800, height: 600 };
  const note = (x: number, y: number) => ({ x, y, width: NOTE_WIDTH, height: NOTE_HEIGHT });

  it('leaves the view alone when the note is already visible', () => {
    const view = { x: 0, y: 0, scale: 1 };
    expect(revealRect(view, size, note(100, 100))).toBe(view);
  });

  it('scrolls an off-screen note into the middle of the canvas', () => {
    const view = { x: 0, y: 0, scale: 0.5 };
    const next = revealRect(view, size, note(3000, 2000));
    expect(next.scale).toBe(0.5);
    const shown = {
      x: -next.x / next.scale,
      y: -next.y / next.scale,
      width: size.width / next.scale,
      height: size.height / next.scale,
    };
    expect(inside({ x: 3000, y: 2000 }, shown)).toBe(true);
  });
});
