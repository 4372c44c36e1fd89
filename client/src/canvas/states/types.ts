// Canvas interaction as explicit states (tldraw's tool states). Each state is
// a pure function from (state, event, context) to the next state plus effects;
// the canvas component turns effects into document operations and view
// changes. No Konva here, so transitions are unit-tested without a canvas.
import type { NoteId } from '@pinnwand/shared/model/ids';
import type { Point, Rect } from '../viewport.ts';

export type Target = { kind: 'note'; id: NoteId } | { kind: 'canvas' };

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
    })
  | (PointerInfo & { type: 'pointerMove' })
  | (PointerInfo & { type: 'pointerUp' })
  | { type: 'doubleClick'; target: Target; world: Point }
  | { type: 'cancel' };

/** What the states may ask about the world; answered by the canvas. */
export interface CanvasContext {
  selection: ReadonlySet<NoteId>;
  readOnly: boolean;
  editing: NoteId | null;
  notesInRect(rect: Rect): NoteId[];
}

export type Effect =
  | { type: 'select'; ids: NoteId[] }
  | { type: 'dragPreview'; dx: number; dy: number }
  | { type: 'dragCommit'; ids: NoteId[]; dx: number; dy: number }
  | { type: 'dragCancel' }
  | { type: 'brush'; rect: Rect | null }
  | { type: 'pan'; dx: number; dy: number }
  | { type: 'zoom'; anchor: Point; factor: number }
  | { type: 'createNote'; at: Point }
  | { type: 'edit'; id: NoteId }
  | { type: 'endEditing' };

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
  | { name: 'pinching'; a: number; b: number; points: Record<number, Point> };

export interface Step {
  state: CanvasState;
  effects: Effect[];
}

export const IDLE: CanvasState = { name: 'idle' };

/** Movement (screen px) below which a press is still a click, not a drag. */
export const DRAG_THRESHOLD = 4;
export const TOUCH_DRAG_THRESHOLD = 8;

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

export function stay(state: CanvasState, effects: Effect[] = []): Step {
  return { state, effects };
}
