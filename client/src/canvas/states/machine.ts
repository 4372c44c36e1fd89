// Dispatches canvas events to the current state and keeps track of the
// fingers on the screen: a second finger, whatever was happening, cancels it
// and starts a pinch. The wheel pans or zooms in any state. Esc cancels the
// gesture in progress, or leaves a tool. A gesture that follows the pointer
// over the board (dragging notes, a frame, a selection frame) follows it too
// when the view moves under a pointer held still.
import type { Point } from '../viewport.ts';
import { brushing } from './brushing.ts';
import { draggingNotes } from './draggingNotes.ts';
import { drawingCluster } from './drawingCluster.ts';
import { idle } from './idle.ts';
import { movingCluster } from './movingCluster.ts';
import { panning } from './panning.ts';
import { pinching } from './pinching.ts';
import { pointingCanvas } from './pointingCanvas.ts';
import { pointingNote } from './pointingNote.ts';
import { resizingCluster } from './resizingCluster.ts';
import type { CanvasContext, CanvasEvent, CanvasState, Effect, Step } from './types.ts';
import { IDLE } from './types.ts';

type Handler = (state: CanvasState, event: CanvasEvent, ctx: CanvasContext) => Step;

const handlers: Record<CanvasState['name'], Handler> = {
  idle,
  pointingNote,
  draggingNotes,
  pointingCanvas,
  brushing,
  panning,
  pinching,
  movingCluster,
  resizingCluster,
  drawingCluster,
};

/** Gestures that follow the board point under the pointer, which a view change moves. */
const FOLLOWS_VIEW: ReadonlySet<CanvasState['name']> = new Set([
  'draggingNotes',
  'brushing',
  'movingCluster',
  'resizingCluster',
  'drawingCluster',
]);

/** The wheel moves or zooms the view whatever else is going on. */
function wheel(event: Extract<CanvasEvent, { type: 'wheel' }>): Effect {
  if (event.zoom)
    return { type: 'zoom', anchor: event.screen, factor: Math.exp(-event.dy * 0.0025) };
  return { type: 'pan', dx: -event.dx, dy: -event.dy };
}

export class CanvasMachine {
  state: CanvasState = IDLE;
  private touches = new Map<number, Point>();
  /**
   * The latest press was the second tap of a double tap. A phone's browser
   * may follow that tap with a contextmenu of its own (Chromium sent one
   * about 50 ms after the editor it opened): that is no long press, and the
   * note's menu must not open over the editor. A long press is a new press.
   */
  private pressWasDoubleTap = false;
  /**
   * The latest press became a long press (the pipeline's, which opened the
   * menu): the browser's own contextmenu for the same press — during the
   * hold, or on release — opens nothing a second time.
   */
  private pressWasLongPress = false;
  /** Where the latest pointer event was, on the stage: after a view change it is over another board point. */
  private pointer: { pointerId: number; screen: Point } | null = null;

  /** Whether a change of the view changes what the gesture in progress shows (see `viewChanged`). */
  followsView(): boolean {
    return FOLLOWS_VIEW.has(this.state.name);
  }

  send(event: CanvasEvent, ctx: CanvasContext): Effect[] {
    const effects: Effect[] = [];
    if (event.type === 'wheel') return [wheel(event)];
    if (event.type === 'viewChanged') return this.viewChanged(ctx);
    if (event.type === 'pointerDown' || event.type === 'pointerMove')
      this.pointer = { pointerId: event.pointerId, screen: event.screen };
    if (event.type === 'pointerDown') {
      this.pressWasDoubleTap = event.doubleTap === true;
      this.pressWasLongPress = false;
    }
    if (event.type === 'contextMenu' && (this.pressWasDoubleTap || this.pressWasLongPress))
      return [];
    if (event.type === 'longPress') {
      if (this.state.name !== 'pointingNote' || this.state.pointerId !== event.pointerId) return [];
      this.pressWasLongPress = true;
    }
    if (event.type === 'key') {
      if (this.state.name !== 'idle') return this.send({ type: 'cancel' }, ctx);
      return ctx.tool === 'select' ? [] : [{ type: 'tool', tool: 'select' }];
    }
    if (event.type === 'pointerDown' && event.pointerType === 'touch') {
      const [other] = [...this.touches.entries()].filter(([id]) => id !== event.pointerId);
      this.touches.set(event.pointerId, event.screen);
      if (other) {
        effects.push(...this.step({ type: 'cancel' }, ctx));
        const [otherId, otherPoint] = other;
        this.state = {
          name: 'pinching',
          a: otherId,
          b: event.pointerId,
          points: { [otherId]: otherPoint, [event.pointerId]: event.screen },
        };
        return effects;
      }
    } else if (event.type === 'pointerMove' && this.touches.has(event.pointerId)) {
      this.touches.set(event.pointerId, event.screen);
    } else if (event.type === 'pointerUp') {
      this.touches.delete(event.pointerId);
    } else if (event.type === 'cancel') {
      this.touches.clear();
    }
    effects.push(...this.step(event, ctx));
    return effects;
  }

  /**
   * The view moved while a gesture follows the pointer: what it shows (the
   * dragged notes and where they will land, a frame's ghost, the selection
   * frame) is taken again at the board point now under the pointer, as if it
   * had moved there — not left behind until the pointer next moves.
   */
  private viewChanged(ctx: CanvasContext): Effect[] {
    const state = this.state;
    const pointer = this.pointer;
    if (!this.followsView() || !('pointerId' in state) || pointer?.pointerId !== state.pointerId)
      return [];
    const { pointerId, screen } = pointer;
    return this.step({ type: 'pointerMove', pointerId, screen, world: ctx.toWorld(screen) }, ctx);
  }

  private step(event: CanvasEvent, ctx: CanvasContext): Effect[] {
    const { state, effects } = handlers[this.state.name](this.state, event, ctx);
    this.state = state;
    return effects;
  }
}
