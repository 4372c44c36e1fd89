import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { describe, expect, it } from 'vitest';
import { clampToView, placeNote, revealRect } from './placement.ts';

const view = { x: 0, y: 0, width: 1000, height: 700 };
const overlaps = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < NOTE_WIDTH && Math.abs(a.y - b.y) < NOTE_HEIGHT;
const inside = (p: { x: number; y: number }, r: typeof view) =>
  p.x >= r.x &&
  p.y >= r.y &&
  p.x + NOTE_WIDTH <= r.x + r.width &&
  p.y + NOTE_HEIGHT <= r.y + r.height;

describe('placeNote', () => {
  it('keeps a free, visible spot exactly', () => {
    expect(placeNote([{ x: 600, y: 400 }], { x: 100, y: 100 }, view)).toEqual({ x: 100, y: 100 });
  });

  it('never puts a new note on top of an existing one, and stays close', () => {
    const taken = [{ x: 400, y: 300 }];
    const spot = placeNote(taken, { x: 400, y: 300 }, view);
    expect(overlaps(spot, taken[0] as { x: number; y: number })).toBe(false);
    expect(inside(spot, view)).toBe(true);
    expect(Math.hypot(spot.x - 400, spot.y - 300)).toBeLessThan(NOTE_WIDTH + 60);
  });

  it('pressing N again and again gives notes that all stay visible', () => {
    const taken: { x: number; y: number }[] = [];
    for (let i = 0; i < 12; i++) {
      const spot = placeNote(taken, { x: 420, y: 290 }, view);
      for (const t of taken) expect(overlaps(spot, t)).toBe(false);
      expect(inside(spot, view)).toBe(true);
      taken.push(spot);
    }
  });

  it('pulls a note wanted at the edge fully into the view', () => {
    const spot = placeNote([], { x: 950, y: 650 }, view);
    expect(inside(spot, view)).toBe(true);
    const left = placeNote([], { x: -80, y: -50 }, { x: -100, y: -100, width: 500, height: 400 });
    expect(inside(left, { x: -100, y: -100, width: 500, height: 400 })).toBe(true);
  });

  it('still lands in the view, not exactly on a note, when the view is full', () => {
    const small = { x: 0, y: 0, width: 200, height: 150 };
    const taken = [clampToView({ x: 0, y: 0 }, small)];
    const spot = placeNote(taken, { x: 0, y: 0 }, small);
    expect(spot).not.toEqual(taken[0]);
  });

  it('without a view, finds the nearest free spot anywhere', () => {
    const taken = [{ x: 0, y: 0 }];
    const spot = placeNote(taken, { x: 10, y: 10 }, null);
    expect(overlaps(spot, { x: 0, y: 0 })).toBe(false);
  });
});

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
