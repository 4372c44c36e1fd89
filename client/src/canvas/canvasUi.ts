// The canvas's input state, part of the editor: the state machine every
// canvas interaction goes through (canvasInput.ts), the tool — `select` (the
// default: select, move, pan) or `cluster` (a drag draws a new frame) — and
// what the canvas shows of a gesture in progress: the selection frame being
// drawn (brush), the outline of a frame being moved, resized or drawn (ghost),
// where dragged notes will land when that is not where they are drawn
// (landing), the cursor.
import { createStore, type Store } from '../ui/store.ts';
import { TOOLBAR_ROOM } from './boardFit.ts';
import type { DropLanding } from './dropLanding.ts';
import { CanvasMachine } from './states/machine.ts';
import type { Rect } from './viewport.ts';

export type Tool = 'select' | 'cluster';

export interface CanvasUi {
  machine: CanvasMachine;
  /** Space is held: a drag pans (kept by the keyboard handler). */
  spaceHeld: { current: boolean };
  tool: Store<Tool>;
  brush: Store<Rect | null>;
  ghost: Store<Rect | null>;
  /** While notes are dragged: the spots inside frames they will move to, and frames that grow. */
  landing: Store<DropLanding | null>;
  /** The CSS cursor over the canvas (e.g. over a frame's grip). */
  cursor: Store<string>;
  /** Screen pixels at the canvas's top under banners (board/BoardBanners.tsx). */
  topInset: Store<number>;
  /**
   * Screen pixels at the canvas's bottom under the toolbar (board/Toolbar.tsx
   * measures it: on a phone it grows a second row with the colours).
   */
  bottomInset: Store<number>;
  /**
   * Screen pixels at the canvas's bottom under the notice shown now, toolbar
   * included (facilitation/FacilitationRoot.tsx measures it); 0 without one.
   */
  noticeInset: Store<number>;
}

export function createCanvasUi(): CanvasUi {
  return {
    machine: new CanvasMachine(),
    spaceHeld: { current: false },
    tool: createStore<Tool>('select'),
    brush: createStore<Rect | null>(null),
    ghost: createStore<Rect | null>(null),
    landing: createStore<DropLanding | null>(null),
    cursor: createStore(''),
    topInset: createStore(0),
    bottomInset: createStore(TOOLBAR_ROOM),
    noticeInset: createStore(0),
  };
}
