/**
 * Free space on a board: where a new note or a new cluster frame goes so that
 * it covers no note and no frame, and where tidied frames go so that they do
 * not cover each other or the notes around them. Pure — positions in,
 * positions out — so every way of adding things (toolbar, phone "+", outline,
 * paste, reveal, import, "Cluster hinzufügen") and the tidy-up share one rule,
 * tested with random boards (freeSpace.test.ts).
 *
 * The search walks rings of candidate spots around the wanted one, nearest
 * first; inside the view when one is given (the person sees what they added),
 * beyond it only when the view is full — never onto something.
 */
import { GRID_GAP, NOTE_HEIGHT, NOTE_WIDTH, type Point, type Rect } from '../model/layout.ts';

/** What is already on the board: note top-lefts and frame rectangles. */
export interface Occupied {
  notes: readonly Point[];
  frames: readonly Rect[];
}

/** Space kept between a new thing and what is there. */
export const PLACEMENT_GAP = GRID_GAP / 2;
/** Distance kept from the view's edges. */
export const VIEW_MARGIN = 12;
const MAX_RINGS = 200;

export function noteRect(p: Point): Rect {
  return { x: p.x, y: p.y, width: NOTE_WIDTH, height: NOTE_HEIGHT };
}

/** True when `a` and `b` overlap, or come closer than `gap`. */
export function rectsOverlap(a: Rect, b: Rect, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

/** True when a rectangle at `r` keeps the gap to every note and frame in `occupied`. */
export function isFree(occupied: Occupied, r: Rect, gap = PLACEMENT_GAP): boolean {
  return (
    !occupied.notes.some((n) => rectsOverlap(noteRect(n), r, gap)) &&
    !occupied.frames.some((f) => rectsOverlap(f, r, gap))
  );
}

function inside(view: Rect, r: Rect, margin: number): boolean {
  return (
    r.x >= view.x + margin &&
    r.y >= view.y + margin &&
    r.x + r.width <= view.x + view.width - margin &&
    r.y + r.height <= view.y + view.height - margin
  );
}

function clampInto(view: Rect, size: { width: number; height: number }, p: Point): Point {
  const clamp = (v: number, lo: number, hi: number) =>
    hi < lo ? lo : Math.min(hi, Math.max(lo, v));
  return {
    x: Math.round(clamp(p.x, view.x + VIEW_MARGIN, view.x + view.width - size.width - VIEW_MARGIN)),
    y: Math.round(
      clamp(p.y, view.y + VIEW_MARGIN, view.y + view.height - size.height - VIEW_MARGIN),
    ),
  };
}

/**
 * Top-left for a rectangle of `size` wanted at `want` (its top-left): the
 * nearest spot that covers nothing in `occupied` — inside `view` when there is
 * room there, otherwise the nearest free spot beyond it. A free spot is kept
 * exactly.
 */
export function findFree(
  occupied: Occupied,
  size: { width: number; height: number },
  want: Point,
  view: Rect | null = null,
): Point {
  const start = view
    ? clampInto(view, size, want)
    : { x: Math.round(want.x), y: Math.round(want.y) };
  const at = (p: Point): Rect => ({ ...p, ...size });
  const fits = (p: Point, inView: boolean) =>
    isFree(occupied, at(p)) && (!inView || !view || inside(view, at(p), VIEW_MARGIN - 0.5));
  if (fits(start, true)) return start;
  // Quarter steps, so the nearest free spot is found closely.
  const stepX = (size.width + GRID_GAP) / 4;
  const stepY = (size.height + GRID_GAP) / 4;
  let outside: Point | null = null;
  for (let r = 1; r <= MAX_RINGS; r++) {
    const ring: Point[] = [];
    for (let i = -r; i <= r; i++)
      for (let j = -r; j <= r; j++)
        if (Math.max(Math.abs(i), Math.abs(j)) === r)
          ring.push({ x: Math.round(start.x + i * stepX), y: Math.round(start.y + j * stepY) });
    ring.sort(
      (a, b) =>
        Math.hypot(a.x - start.x, a.y - start.y) - Math.hypot(b.x - start.x, b.y - start.y) ||
        a.y - b.y ||
        a.x - b.x,
    );
    let anyInView = false;
    for (const p of ring) {
      const seen = !view || inside(view, at(p), VIEW_MARGIN - 0.5);
      anyInView ||= seen;
      if (seen && fits(p, true)) return p;
      if (!seen && !outside && isFree(occupied, at(p))) outside = p;
    }
    // The view is searched through: the nearest free spot beyond it.
    if (!anyInView && outside) return outside;
  }
  if (outside) return outside;
  // Nothing free within reach: below everything there is.
  const bottoms = [
    ...occupied.notes.map((n) => n.y + NOTE_HEIGHT),
    ...occupied.frames.map((f) => f.y + f.height),
  ];
  return { x: start.x, y: Math.round(Math.max(start.y, ...bottoms) + GRID_GAP * 2) };
}

/** Top-left for a new note wanted at `want` (top-left). */
export function findFreeNote(occupied: Occupied, want: Point, view: Rect | null = null): Point {
  return findFree(occupied, { width: NOTE_WIDTH, height: NOTE_HEIGHT }, want, view);
}

/**
 * Top-lefts for several new notes (a paste, an import, a reveal), in order:
 * none covers what is there or one placed before it.
 */
export function findFreeNotes(
  occupied: Occupied,
  wanted: readonly Point[],
  view: Rect | null = null,
): Point[] {
  const notes = [...occupied.notes];
  return wanted.map((want) => {
    const spot = findFreeNote({ notes, frames: occupied.frames }, want, view);
    notes.push(spot);
    return spot;
  });
}

/**
 * New top-lefts for frames after they changed size (tidying): each frame in
 * turn keeps its place when that covers no frame placed before it and no note
 * outside the frames; otherwise it moves to the nearest free spot. `loose` are
 * the notes that belong to no frame (members move with their frame).
 */
export function separateFrames(frames: readonly Rect[], loose: readonly Point[]): Point[] {
  const placed: Rect[] = [];
  return frames.map((f) => {
    const spot = findFree(
      { notes: loose, frames: placed },
      { width: f.width, height: f.height },
      f,
    );
    placed.push({ ...f, ...spot });
    return spot;
  });
}
