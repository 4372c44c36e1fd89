// Which notes of a whole redraw cannot show because notes above them cover
// every pixel they would paint. A zoomed-out pile is mostly such notes — the
// 5,000 notes of the benchmark's board cover its area about eight times over at
// the zoom that fits them — and drawing them, their text laid out and
// rasterised only to be painted over, was most of the board's first picture.
//
// Notes are visited from the top down on a grid of cells over the region
// drawn: a note is hidden when every cell its painting can reach is covered;
// otherwise it marks covered the cells that lie wholly inside its card, which
// is opaque (noteStyle.ts: every fill is a #rrggbb colour). Only what is
// certain counts: a cell is covered only when each of its pixels is painted
// fully by a card drawn later, so a hidden note could not have shown a pixel.

import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import type { Rect } from './viewport.ts';

/** The card's rounded corners (notePainter.ts: radius 3), left out of what it covers. */
const CORNER = 3;
/** Smallest cell, in device pixels: finer grids cost more than they find. */
const MIN_CELL_PX = 4;
/** A note spans at least this many cells when the cells are not at their smallest. */
const CELLS_PER_NOTE = 8;

export interface Occluder {
  /** Its top-left in world units, or null when it paints nothing. */
  place: { x: number; y: number } | null;
}

/**
 * For notes in board order (the last is drawn on top), a flag per note: 1
 * when its painting is covered inside `region` by the cards of notes after
 * it. `reach` is the rectangle a note at a place may paint (label, shadow,
 * outline); `scale` device pixels per world unit.
 */
export function coveredNotes(
  notes: readonly Occluder[],
  region: Rect,
  scale: number,
  reach: (place: { x: number; y: number }) => Rect,
): Uint8Array {
  const hidden = new Uint8Array(notes.length);
  const cell = Math.max(MIN_CELL_PX / scale, NOTE_WIDTH / CELLS_PER_NOTE);
  const cols = Math.max(1, Math.ceil(region.width / cell));
  const rows = Math.max(1, Math.ceil(region.height / cell));
  const covered = new Uint8Array(cols * rows);
  // Anti-aliasing blends the outermost device pixel of a card with what lies below.
  const inset = CORNER + 1 / scale;
  for (let i = notes.length - 1; i >= 0; i--) {
    const place = notes[i]!.place;
    if (!place) continue;
    const r = reach(place);
    // Cells any part of the painting falls in, within the region.
    const c0 = Math.max(0, Math.floor((r.x - region.x) / cell));
    const c1 = Math.min(cols - 1, Math.ceil((r.x + r.width - region.x) / cell) - 1);
    const r0 = Math.max(0, Math.floor((r.y - region.y) / cell));
    const r1 = Math.min(rows - 1, Math.ceil((r.y + r.height - region.y) / cell) - 1);
    if (c0 > c1 || r0 > r1) continue;
    if (allCovered(covered, cols, c0, c1, r0, r1)) {
      hidden[i] = 1;
      continue;
    }
    // Cells wholly inside the opaque part of its card.
    const k0 = Math.max(0, Math.ceil((place.x + inset - region.x) / cell));
    const k1 = Math.min(cols - 1, Math.floor((place.x + NOTE_WIDTH - inset - region.x) / cell) - 1);
    const l0 = Math.max(0, Math.ceil((place.y + inset - region.y) / cell));
    const l1 = Math.min(
      rows - 1,
      Math.floor((place.y + NOTE_HEIGHT - inset - region.y) / cell) - 1,
    );
    // (fill reads a negative end from the array's end: an empty span is skipped first.)
    if (k0 <= k1)
      for (let row = l0; row <= l1; row++) covered.fill(1, row * cols + k0, row * cols + k1 + 1);
  }
  return hidden;
}

function allCovered(
  covered: Uint8Array,
  cols: number,
  c0: number,
  c1: number,
  r0: number,
  r1: number,
): boolean {
  for (let row = r0; row <= r1; row++)
    for (let col = c0; col <= c1; col++) if (covered[row * cols + col] === 0) return false;
  return true;
}
