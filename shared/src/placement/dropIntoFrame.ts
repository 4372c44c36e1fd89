/**
 * Notes dropped into a cluster frame where other notes already lie: a dropped
 * note that lies within the frame's border, below its heading, and covers
 * none keeps its spot; one that would cover another, or reaches across the
 * border or onto the heading, moves to the nearest free spot inside the
 * frame's body, so no note hides another and every member is seen inside its
 * frame. When the frame has no free
 * spot left, the note takes the first free slot of the frame's grid below
 * what is there and the frame is to grow to hold it (`grow`); whoever may not
 * resize frames leaves the note where it was dropped. Notes put into a frame
 * without a point (the note menu, the outline) are wanted on its free grid
 * slots (`slotsWanted`) and then placed by the same rule. Pure, like
 * freeSpace.ts, whose search it uses with the frame's body as the "view".
 */
import {
  CLUSTER_HEADER,
  CLUSTER_PADDING,
  gridColumnsFor,
  gridSlot,
  NOTE_HEIGHT,
  NOTE_WIDTH,
  type Point,
  type Rect,
} from '../model/layout.ts';
import { findFreeNote, noteRect, PLACEMENT_GAP, rectsOverlap, VIEW_MARGIN } from './freeSpace.ts';

export interface FrameDrop {
  /** New top-left for each dropped note, in the order given. */
  spots: Point[];
  /** Size the frame needs to hold them all, or null when it holds them already. */
  grow: { width: number; height: number } | null;
}

const MAX_SLOTS = 10_000;

/**
 * Where notes put into the frame without a point (the note menu, the outline)
 * are wanted, one after another: each on the frame's first grid slot, in
 * reading order, that lies inside it and covers neither a note lying there
 * nor one wanted before it. With no such slot left, the first slot: given to
 * dropIntoFrame, the note then goes to the nearest free spot, or below what
 * is there, the frame growing to hold it.
 */
export function slotsWanted(frame: Rect, lying: readonly Point[], count: number): Point[] {
  const columns = gridColumnsFor(frame.width);
  const taken = lying.filter((p) => rectsOverlap(noteRect(p), frame));
  const bottom = frame.y + frame.height - CLUSTER_PADDING;
  const wanted: Point[] = [];
  let index = 0;
  for (let i = 0; i < count; i++) {
    let spot = gridSlot(frame, columns, index);
    while (
      spot.y + NOTE_HEIGHT <= bottom &&
      taken.some((t) => rectsOverlap(noteRect(t), noteRect(spot)))
    )
      spot = gridSlot(frame, columns, ++index);
    if (spot.y + NOTE_HEIGHT > bottom) spot = gridSlot(frame, columns, 0);
    else index++;
    taken.push(spot);
    wanted.push(spot);
  }
  return wanted;
}

export function dropIntoFrame(
  frame: Rect,
  lying: readonly Point[],
  dropped: readonly Point[],
): FrameDrop {
  const covers = (p: Point, others: readonly Point[]) =>
    others.some((o) => rectsOverlap(noteRect(o), noteRect(p)));
  // The area where a note's top-left may go, widened by the margin findFree keeps from a view's edge.
  const body: Rect = {
    x: frame.x + CLUSTER_PADDING - VIEW_MARGIN,
    y: frame.y + CLUSTER_HEADER + CLUSTER_PADDING - VIEW_MARGIN,
    width: frame.width - 2 * CLUSTER_PADDING + 2 * VIEW_MARGIN,
    height: frame.height - CLUSTER_HEADER - 2 * CLUSTER_PADDING + 2 * VIEW_MARGIN,
  };
  const inBody = (p: Point) =>
    p.x >= body.x + VIEW_MARGIN - 0.5 &&
    p.y >= body.y + VIEW_MARGIN - 0.5 &&
    p.x + NOTE_WIDTH <= body.x + body.width - VIEW_MARGIN + 0.5 &&
    p.y + NOTE_HEIGHT <= body.y + body.height - VIEW_MARGIN + 0.5;
  // A note within the frame's border, below its heading, that covers none keeps its spot;
  // one across the border or on the heading is a member that would look like none.
  const withinFrame = (p: Point) =>
    p.x >= frame.x &&
    p.y >= frame.y + CLUSTER_HEADER &&
    p.x + NOTE_WIDTH <= frame.x + frame.width &&
    p.y + NOTE_HEIGHT <= frame.y + frame.height;
  const taken = [...lying];
  const spots: (Point | null)[] = dropped.map((p) => {
    if (covers(p, taken) || !withinFrame(p)) return null;
    taken.push(p);
    return p;
  });
  // Only notes that reach into the body can keep a spot inside it from being free; the
  // search asks about each candidate spot, so on a large board it is given just those.
  const reaches = (p: Point) => rectsOverlap(noteRect(p), body, PLACEMENT_GAP);
  const nearBody = taken.filter(reaches);
  const columns = gridColumnsFor(frame.width);
  let right = frame.x + frame.width;
  let bottom = frame.y + frame.height;
  const placed = dropped.map((want, i) => {
    const kept = spots[i];
    if (kept) return kept;
    const near = findFreeNote({ notes: nearBody, frames: [] }, want, body);
    let spot = near;
    if (!inBody(near)) {
      let index = 0;
      spot = gridSlot(frame, columns, index);
      while (covers(spot, taken) && index < MAX_SLOTS) spot = gridSlot(frame, columns, ++index);
      right = Math.max(right, spot.x + NOTE_WIDTH + CLUSTER_PADDING);
      bottom = Math.max(bottom, spot.y + NOTE_HEIGHT + CLUSTER_PADDING);
    }
    taken.push(spot);
    if (reaches(spot)) nearBody.push(spot);
    return spot;
  });
  const grow =
    right > frame.x + frame.width || bottom > frame.y + frame.height
      ? { width: right - frame.x, height: bottom - frame.y }
      : null;
  return { spots: placed, grow };
}
