import { rectFromPoints } from '../viewport.ts';
import type { CanvasContext, CanvasEvent, CanvasState, Step } from './types.ts';
import { DRAG_THRESHOLD, distance, IDLE, stay, TOUCH_DRAG_THRESHOLD } from './types.ts';

/**
 * Pressed on empty board. A click clears the selection; dragging draws a
 * selection frame with a mouse, and pans with a finger (the natural gesture on
 * a phone, where a frame is rarely wanted).
 */
export function pointingCanvas(state: CanvasState, event: CanvasEvent, ctx: CanvasContext): Step {
  if (state.name !== 'pointingCanvas') return stay(state);
  if (event.type === 'cancel') return stay(IDLE);
  if (event.type === 'pointerMove' && event.pointerId === state.pointerId) {
    const threshold = state.touch ? TOUCH_DRAG_THRESHOLD : DRAG_THRESHOLD;
    if (distance(event.screen, state.downScreen) < threshold) return stay(state);
    if (state.touch) {
      return {
        state: { name: 'panning', pointerId: state.pointerId, last: event.screen },
        effects: [
          {
            type: 'pan',
            dx: event.screen.x - state.downScreen.x,
            dy: event.screen.y - state.downScreen.y,
          },
        ],
      };
    }
    const base = state.shift ? [...ctx.selection] : [];
    const rect = rectFromPoints(state.downWorld, event.world);
    return {
      state: { name: 'brushing', pointerId: state.pointerId, downWorld: state.downWorld, base },
      effects: [
        { type: 'brush', rect },
        { type: 'select', ids: union(base, ctx.notesInRect(rect)) },
      ],
    };
  }
  if (event.type === 'pointerUp' && event.pointerId === state.pointerId) {
    return stay(IDLE, state.shift ? [] : [{ type: 'select', ids: [] }]);
  }
  return stay(state);
}

export function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}
