/**
 * Moving apart notes of different people that landed on each other without
 * anyone seeing it: during hidden writing each device places its notes on
 * space free *for it*, blind to the others' hidden notes, so after the reveal
 * one person's note may cover another's. Pure — positions in, positions out —
 * and deterministic: the same board and the same arrivals give the same moves
 * wherever it is computed.
 *
 * The rule: notes already settled (`fixed`) never move. The arrived notes are
 * taken author by author (in id order, so the outcome does not depend on who
 * computes it); an author's notes that lie close together form one group (their
 * own arrangement), and a group that covers another person's note or a frame
 * is shifted as a whole by the smallest offset that frees it, so it stays near
 * where it was written and keeps its shape. Only when no shift within reach
 * frees the group are its notes placed one by one. A group that covers nobody
 * stays exactly where it is, as do one person's own notes stacked on purpose.
 */
import { GRID_GAP, NOTE_HEIGHT, NOTE_WIDTH, type Point, type Rect } from '../model/layout.ts';
import { findFreeNote, isFree, noteRect, rectsOverlap } from './freeSpace.ts';

export interface AuthoredNote {
  id: string;
  authorId: string;
  x: number;
  y: number;
}

/** Notes closer than this belong to one person's arrangement. */
const GROUP_DISTANCE = GRID_GAP * 2;
const STEP_X = (NOTE_WIDTH + GRID_GAP) / 4;
const STEP_Y = (NOTE_HEIGHT + GRID_GAP) / 4;
/** Shifts tried for a whole group: up to about three notes' widths away. */
const MAX_RINGS = 12;

const byId = (a: AuthoredNote, b: AuthoredNote) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Offsets ring by ring, nearest first (ties by y, then x: the same order everywhere). */
function offsets(): Point[] {
  const out: Point[] = [];
  for (let r = 1; r <= MAX_RINGS; r++) {
    const ring: Point[] = [];
    for (let i = -r; i <= r; i++)
      for (let j = -r; j <= r; j++)
        if (Math.max(Math.abs(i), Math.abs(j)) === r)
          ring.push({ x: Math.round(i * STEP_X), y: Math.round(j * STEP_Y) });
    ring.sort((a, b) => Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y) || a.y - b.y || a.x - b.x);
    out.push(...ring);
  }
  return out;
}
const OFFSETS = offsets();

/** One author's notes split into groups of notes lying close together. */
function groupsOf(notes: readonly AuthoredNote[]): AuthoredNote[][] {
  const sorted = [...notes].sort(byId);
  const groups: AuthoredNote[][] = [];
  for (const note of sorted) {
    const near = groups.filter((g) =>
      g.some((m) => rectsOverlap(noteRect(m), noteRect(note), GROUP_DISTANCE)),
    );
    const [first, ...others] = near;
    if (!first) {
      groups.push([note]);
      continue;
    }
    first.push(note);
    // The note joins groups that were apart until now.
    for (const other of others) {
      first.push(...other);
      groups.splice(groups.indexOf(other), 1);
    }
  }
  for (const g of groups) g.sort(byId);
  return groups;
}

/**
 * New top-lefts for the `arrived` notes that must move (absent: it stays),
 * so that no arrived note covers a note of another person or a frame.
 */
export function separateAuthors(
  fixed: readonly AuthoredNote[],
  arrived: readonly AuthoredNote[],
  frames: readonly Rect[],
): Map<string, Point> {
  const moves = new Map<string, Point>();
  const placed: AuthoredNote[] = [...fixed];
  const authors = [...new Set(arrived.map((n) => n.authorId))].sort();
  for (const author of authors) {
    for (const group of groupsOf(arrived.filter((n) => n.authorId === author))) {
      const covers = group.some(
        (n) =>
          placed.some((p) => p.authorId !== author && rectsOverlap(noteRect(p), noteRect(n))) ||
          frames.some((f) => rectsOverlap(f, noteRect(n))),
      );
      if (!covers) {
        placed.push(...group);
        continue;
      }
      const spots = shiftGroup(group, placed, frames) ?? oneByOne(group, placed, frames);
      group.forEach((n, i) => {
        const spot = spots[i] as Point;
        if (spot.x !== n.x || spot.y !== n.y) moves.set(n.id, spot);
        placed.push({ ...n, ...spot });
      });
    }
  }
  return moves;
}

/** The group moved by the nearest offset at which it covers nothing, or null. */
function shiftGroup(
  group: readonly AuthoredNote[],
  placed: readonly AuthoredNote[],
  frames: readonly Rect[],
): Point[] | null {
  // Only what lies within reach of the search can be in the way.
  const reach = MAX_RINGS * Math.max(STEP_X, STEP_Y) + NOTE_WIDTH + GRID_GAP;
  const area = group.reduce(
    (r, n) => ({
      x0: Math.min(r.x0, n.x - reach),
      y0: Math.min(r.y0, n.y - reach),
      x1: Math.max(r.x1, n.x + reach),
      y1: Math.max(r.y1, n.y + reach),
    }),
    { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity },
  );
  const near = (r: Rect) =>
    r.x < area.x1 && r.x + r.width > area.x0 && r.y < area.y1 && r.y + r.height > area.y0;
  const occupied = {
    notes: placed.filter((p) => near(noteRect(p))),
    frames: frames.filter(near),
  };
  for (const d of OFFSETS) {
    const spots = group.map((n) => ({ x: Math.round(n.x + d.x), y: Math.round(n.y + d.y) }));
    if (spots.every((s) => isFree(occupied, noteRect(s)))) return spots;
  }
  return null;
}

/** Each note of the group on the nearest free spot, in order. */
function oneByOne(
  group: readonly AuthoredNote[],
  placed: readonly AuthoredNote[],
  frames: readonly Rect[],
): Point[] {
  const notes: Point[] = [...placed];
  return group.map((n) => {
    const spot = findFreeNote({ notes, frames }, n);
    notes.push(spot);
    return spot;
  });
}
