import type { CanvasContext, CanvasEvent, CanvasState, Step } from './types.ts';
import { DRAG_THRESHOLD, distance, IDLE, stay } from './types.ts';

/** Pressed on a note: a click (select, toggle) or the start of a drag. */
export function pointingNote(state: CanvasState, event: CanvasEvent, ctx: CanvasContext): Step {
  if (state.name !== 'pointingNote') return stay(state);
  if (event.type === 'cancel') return stay(IDLE);
  if (event.type === 'pointerMove' && event.pointerId === state.pointerId) {
    if (distance(event.screen, state.downScreen) < DRAG_THRESHOLD || ctx.readOnly)
      return stay(state);
    const ids = ctx.selection.has(state.id) ? [...ctx.selection] : [state.id];
    const dx = event.world.x - state.downWorld.x;
    const dy = event.world.y - state.downWorld.y;
    return {
      state: { name: 'draggingNotes', pointerId: state.pointerId, ids, downWorld: state.downWorld },
      effects: [{ type: 'dragPreview', dx, dy }],
    };
  }
  if (event.type === 'pointerUp' && event.pointerId === state.pointerId) {
    if (state.shift && state.wasSelected) {
      return stay(IDLE, [
        { type: 'select', ids: [...ctx.selection].filter((id) => id !== state.id) },
      ]);
    }
    if (!state.shift && state.wasSelected && ctx.selection.size > 1) {
      return stay(IDLE, [{ type: 'select', ids: [state.id] }]);
    }
    return stay(IDLE);
  }
  return stay(state);
}
