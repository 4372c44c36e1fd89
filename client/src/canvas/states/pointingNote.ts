import { idle } from './idle.ts';
import type { CanvasContext, CanvasEvent, CanvasState, Effect, Step } from './types.ts';
import { DRAG_THRESHOLD, distance, IDLE, stay } from './types.ts';

/**
 * Pressed on a note: a click (select, toggle, a dot while voting — or, on
 * one's own dots, one taken back), the start of a drag, or a long press (the
 * pipeline's, or the browser's contextmenu while the finger is still down),
 * which opens the note's menu as a right-click does and never gives a dot.
 */
export function pointingNote(state: CanvasState, event: CanvasEvent, ctx: CanvasContext): Step {
  if (state.name !== 'pointingNote') return stay(state);
  if (event.type === 'cancel') return stay(IDLE);
  if (event.type === 'contextMenu') return idle(IDLE, event, ctx);
  if (event.type === 'longPress' && event.pointerId === state.pointerId)
    return idle(
      IDLE,
      { type: 'contextMenu', target: { kind: 'note', id: state.id }, screen: state.downScreen },
      ctx,
    );
  if (event.type === 'pointerMove' && event.pointerId === state.pointerId) {
    if (distance(event.screen, state.downScreen) < DRAG_THRESHOLD || state.refused)
      return stay(state);
    // Nothing moves here (a viewer, a locked board): the notes stay put, and the gate says why.
    if (ctx.readOnly)
      return stay({ ...state, refused: true }, [{ type: 'ask', command: 'notes.translate' }]);
    const ids = ctx.selection.has(state.id) ? [...ctx.selection] : [state.id];
    const dx = event.world.x - state.downWorld.x;
    const dy = event.world.y - state.downWorld.y;
    return {
      state: { name: 'draggingNotes', pointerId: state.pointerId, ids, downWorld: state.downWorld },
      effects: [{ type: 'dragPreview', ids, dx, dy }],
    };
  }
  if (event.type === 'pointerUp' && event.pointerId === state.pointerId) {
    // While voting, a click on a note gives it a dot (it is selected as well);
    // on one's own dots it takes one back.
    const vote: Effect[] =
      ctx.voting && !state.shift
        ? [
            ctx.onOwnDots(state.id, state.downWorld)
              ? { type: 'takeBackVote', id: state.id }
              : { type: 'vote', id: state.id },
          ]
        : [];
    if (state.shift && state.wasSelected) {
      return stay(IDLE, [
        { type: 'select', ids: [...ctx.selection].filter((id) => id !== state.id) },
      ]);
    }
    if (!state.shift && state.wasSelected && ctx.selection.size > 1) {
      return stay(IDLE, [{ type: 'select', ids: [state.id] }, ...vote]);
    }
    return stay(IDLE, vote);
  }
  return stay(state);
}
