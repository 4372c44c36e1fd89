import type { CanvasContext, CanvasEvent, CanvasState, Step } from './types.ts';
import { IDLE, stay } from './types.ts';

/** Moving the selected notes; the document is written once, on release. */
export function draggingNotes(state: CanvasState, event: CanvasEvent, _ctx: CanvasContext): Step {
  if (state.name !== 'draggingNotes') return stay(state);
  if (event.type === 'cancel') return stay(IDLE, [{ type: 'dragCancel' }]);
  if (event.type !== 'pointerMove' && event.type !== 'pointerUp') return stay(state);
  if (event.pointerId !== state.pointerId) return stay(state);
  const dx = event.world.x - state.downWorld.x;
  const dy = event.world.y - state.downWorld.y;
  if (event.type === 'pointerMove')
    return stay(state, [{ type: 'dragPreview', ids: state.ids, dx, dy }]);
  return stay(IDLE, [{ type: 'dragCommit', ids: state.ids, dx, dy }]);
}
