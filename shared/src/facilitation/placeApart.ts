/**
 * Spots for notes that arrive together (the reveal of hidden writing): each
 * keeps where it was written when that is free, otherwise it goes to the
 * nearest free spot around it — never on top of a note already on the board
 * or of one placed before it. Pure: positions in, positions out.
 */
import { GRID_GAP, NOTE_HEIGHT, NOTE_WIDTH, type Point } from '../model/layout.ts';

/** True when two notes (top-left corners) would cover each other. */
export function notesOverlap(a: Point, b: Point): boolean {
  return Math.abs(a.x - b.x) < NOTE_WIDTH && Math.abs(a.y - b.y) < NOTE_HEIGHT;
}

const STEP_X = (NOTE_WIDTH + GRID_GAP) / 2;
const STEP_Y = (NOTE_HEIGHT + GRID_GAP) / 2;
const MAX_RING = 40;

/** Candidate offsets ring by ring, nearest first within each ring. */
function ring(r: number): Point[] {
  const out: Point[] = [];
  for (let i = -r; i <= r; i++)
    for (let j = -r; j <= r; j++)
      if (Math.max(Math.abs(i), Math.abs(j)) === r) out.push({ x: i * STEP_X, y: j * STEP_Y });
  return out.sort((a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y) || a.y - b.y || a.x - b.x);
}

/**
 * Top-left corners for `wanted` (in order), none overlapping `taken` or each
 * other. A spot already free is kept exactly.
 */
export function placeApart(taken: readonly Point[], wanted: readonly Point[]): Point[] {
  const occupied: Point[] = [...taken];
  const free = (p: Point) => !occupied.some((o) => notesOverlap(o, p));
  return wanted.map((want) => {
    let spot: Point | null = free(want) ? want : null;
    for (let r = 1; !spot && r <= MAX_RING; r++)
      for (const d of ring(r)) {
        const p = { x: Math.round(want.x + d.x), y: Math.round(want.y + d.y) };
        if (free(p)) {
          spot = p;
          break;
        }
      }
    // Beyond the search: below everything, so it still never covers a note.
    const chosen = spot ?? {
      x: want.x,
      y: Math.max(...occupied.map((o) => o.y)) + NOTE_HEIGHT + GRID_GAP,
    };
    occupied.push(chosen);
    return chosen;
  });
}
