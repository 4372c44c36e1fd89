// Where this person's dots sit on a note, for drawing them (the canvas
// overlay) and for taking one back: a click or tap on one's own dots takes a
// dot back — on a phone there is no right-click, and the dots are what a
// person sees of their vote. Declared once so what is hit is what is drawn.
import { NOTE_HEIGHT } from '@pinnwand/shared/model/layout';
import type { Point, Rect } from '../canvas/viewport.ts';

/** One dot's size and the step between dots (board units). */
export const DOT_SIZE = 11;
const DOT_STEP = 14;
const DOT_LEFT = 8;
const DOT_FROM_BOTTOM = 30;
/** Screen pixels around the row of dots that still count as on it: a finger is not a pointer. */
const SLACK_PX = 10;

/** The top-lefts of `mine` dots on a note whose top-left is `note`. */
export function ownDotSpots(note: Point, mine: number): Point[] {
  return Array.from({ length: mine }, (_, i) => ({
    x: note.x + DOT_LEFT + i * DOT_STEP,
    y: note.y + NOTE_HEIGHT - DOT_FROM_BOTTOM,
  }));
}

/** The row of `mine` dots with the slack around it, in board units at `scale`; null without dots. */
export function ownDotsArea(note: Point, mine: number, scale: number): Rect | null {
  if (mine <= 0) return null;
  const slack = SLACK_PX / scale;
  return {
    x: note.x + DOT_LEFT - slack,
    y: note.y + NOTE_HEIGHT - DOT_FROM_BOTTOM - slack,
    width: (mine - 1) * DOT_STEP + DOT_SIZE + 2 * slack,
    height: DOT_SIZE + 2 * slack,
  };
}

/** Whether `world` is on this person's dots of the note. */
export function onOwnDots(note: Point, mine: number, scale: number, world: Point): boolean {
  const r = ownDotsArea(note, mine, scale);
  return (
    r !== null &&
    world.x >= r.x &&
    world.x <= r.x + r.width &&
    world.y >= r.y &&
    world.y <= r.y + r.height
  );
}
