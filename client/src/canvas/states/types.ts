// Canvas interaction as explicit states (tldraw's tool states). Each state is
// a pure function from (state, event, context) to the next state plus effects;
// the pipeline (canvasInput.ts) turns effects into commands and view changes.
// No Konva and no DOM here, so transitions are unit-tested without a canvas.
// Every interaction with the canvas — notes, frames, votes, hidden notes, the
// context menu, the frame-drawing tool, Esc — goes through these states.
import type { ClusterId, NoteId } from '@pinnwand/shared/model/ids';
import { CLUSTER_HEADER, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import type { Tool } from '../canvasUi.ts';
import type { Target } from '../hitTest.ts';
import type { Point, Rect } from '../viewport.ts';

export type { Target } from '../hitTest.ts';

export interface PointerInfo {
  pointerId: number;
  /** Position on the stage in CSS pixels. */
  screen: Point;
  /** Position in board coordinates. */
  world: Point;
}

export type CanvasEvent =
  | (PointerInfo & {
      type: 'pointerDown';
      target: Target;
      button: number;
      shift: boolean;
      spaceHeld: boolean;
      pointerType: 'mouse' | 'pen' | 'touch';
      /** The second tap of a touch double-tap (touch screens send no dblclick we use). */
      doubleTap?: boolean;
      /** With `doubleTap`: when the first tap came (Date.now()). */
      firstTapAt?: number;
    })
  /** `target` is given while nothing is pressed and the cursor depends on what is under it. */
  | (PointerInfo & { type: 'pointerMove'; target?: Target })
  | (PointerInfo & { type: 'pointerUp' })
  /** `firstPressAt`: when the double-click's first press came (Date.now()). */
  | { type: 'doubleClick'; target: Target; world: Point; firstPressAt?: number }
  | { type: 'contextMenu'; target: Target; screen: Point }
  /**
   * A finger (or pen) held still on the board for a while: the pipeline's own
   * long press, since phones differ in whether and when their browser sends a
   * contextmenu (some only on release, after the pointerup; some never).
   */
  | { type: 'longPress'; pointerId: number }
  /** A wheel or trackpad turn in screen pixels; with Ctrl/⌘ (or a pinch on a trackpad) a zoom. */
  | { type: 'wheel'; screen: Point; dx: number; dy: number; zoom: boolean }
  | { type: 'key'; key: 'Escape' }
  /**
   * The view moved or zoomed (the wheel, a pinch, a summons): a pointer held
   * still now lies over another point of the board.
   */
  | { type: 'viewChanged' }
  | { type: 'cancel' };

/** What the states may ask about the world; answered by the pipeline. */
export interface CanvasContext {
  selection: ReadonlySet<NoteId>;
  /** Nothing on the shown board may be changed (viewer, locked board, newer document). */
  readOnly: boolean;
  editing: NoteId | null;
  tool: Tool;
  /** Frames may be drawn, moved, resized and renamed (the facilitator). */
  canEditClusters: boolean;
  /** A voting round runs on the shown board and this person votes: a click gives a dot. */
  voting: boolean;
  /** Hidden writing runs: new notes stay on this device, a double-click never edits a public note. */
  writesHidden: boolean;
  /**
   * The note appeared or moved here through someone else after the double-
   * click began (`since`, its first press): aimed at empty space, it lands on
   * the note and writes a new note instead. A note drawn before opens.
   */
  landedSince(id: NoteId, since: number | undefined): boolean;
  /** The point is on this person's own dots on the note (voting/ownDots.ts): a click takes one back. */
  onOwnDots(id: NoteId, world: Point): boolean;
  notesInRect(rect: Rect): NoteId[];
  /** A frame's rectangle, for the ghost of a move or resize. */
  clusterRect(id: ClusterId): Rect | undefined;
  /** The board point under a point of the stage, in the view as it is now. */
  toWorld(screen: Point): Point;
}

export type MenuTarget = { kind: 'note'; ids: NoteId[] } | { kind: 'cluster'; id: ClusterId };

export type Effect =
  | { type: 'select'; ids: NoteId[] }
  | { type: 'dragPreview'; ids: NoteId[]; dx: number; dy: number }
  | { type: 'dragCommit'; ids: NoteId[]; dx: number; dy: number }
  | { type: 'dragCancel' }
  | { type: 'brush'; rect: Rect | null }
  | { type: 'pan'; dx: number; dy: number }
  | { type: 'zoom'; anchor: Point; factor: number }
  | { type: 'createNote'; at: Point }
  | { type: 'edit'; id: NoteId }
  | { type: 'endEditing' }
  | { type: 'vote'; id: NoteId }
  | { type: 'takeBackVote'; id: NoteId }
  | { type: 'editHidden'; id: string }
  | { type: 'ghost'; rect: Rect | null }
  | { type: 'moveCluster'; id: ClusterId; x: number; y: number }
  | { type: 'resizeCluster'; id: ClusterId; width: number; height: number }
  | { type: 'createCluster'; rect: Rect }
  | { type: 'renameCluster'; id: ClusterId }
  | { type: 'openMenu'; menu: MenuTarget; at: Point }
  | { type: 'tool'; tool: Tool }
  | { type: 'cursor'; cursor: string }
  /** A gesture that would end in this command: the gate is asked now, so a refusal is said at once. */
  | { type: 'ask'; command: string };

export type CanvasState =
  | { name: 'idle' }
  | {
      name: 'pointingNote';
      pointerId: number;
      id: NoteId;
      downScreen: Point;
      downWorld: Point;
      shift: boolean;
      wasSelected: boolean;
      /** A drag was tried where notes may not move; the gate has said why (once per press). */
      refused?: boolean;
    }
  | { name: 'draggingNotes'; pointerId: number; ids: NoteId[]; downWorld: Point }
  | {
      name: 'pointingCanvas';
      pointerId: number;
      downScreen: Point;
      downWorld: Point;
      shift: boolean;
      touch: boolean;
    }
  | { name: 'brushing'; pointerId: number; downWorld: Point; base: NoteId[] }
  | { name: 'panning'; pointerId: number; last: Point }
  | { name: 'pinching'; a: number; b: number; points: Record<number, Point> }
  | { name: 'movingCluster'; pointerId: number; id: ClusterId; from: Rect; downWorld: Point }
  | { name: 'resizingCluster'; pointerId: number; id: ClusterId; from: Rect; downWorld: Point }
  | { name: 'drawingCluster'; pointerId: number; downWorld: Point };

export interface Step {
  state: CanvasState;
  effects: Effect[];
}

export const IDLE: CanvasState = { name: 'idle' };

/** The smallest frame a resize or a drawn frame leaves (board units). */
export const MIN_FRAME = { width: NOTE_WIDTH / 2, height: CLUSTER_HEADER + 40 };
/** A drawn frame smaller than this (board units) was a slip, not a frame. */
export const MIN_DRAWN = 40;

/** Movement (screen px) below which a press is still a click, not a drag. */
export const DRAG_THRESHOLD = 4;
export const TOUCH_DRAG_THRESHOLD = 8;

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export function stay(state: CanvasState, effects: Effect[] = []): Step {
  return { state, effects };
}
