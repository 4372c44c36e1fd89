import type { CanvasContext, CanvasEvent, CanvasState, Step } from './types.ts';
import { IDLE, stay } from './types.ts';

/** Moving the view (space+drag, middle mouse, one finger on empty board). */
export function panning(state: CanvasState, event: CanvasEvent, _ctx: CanvasContext): Step {
  if (state.name !== 'panning') return stay(state);
  if (event.type === 'cancel') return stay(IDLE);
  if (event.type === 'pointerUp' && event.pointerId === state.pointerId) return stay(IDLE);
  if (event.type === 'pointerMove' && event.pointerId === state.pointerId) {
    const dx = event.screen.x - state.last.x;
    const dy = event.screen.y - state.last.y;
    return stay({ ...state, last: event.screen }, [{ type: 'pan', dx, dy }]);
  }
  return stay(state);
}
