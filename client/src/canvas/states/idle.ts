import type { CanvasContext, CanvasEvent, CanvasState, Effect, Step } from './types.ts';
import { stay } from './types.ts';

/** Nothing pressed. A press decides what comes next: pan, point at a note, or at the canvas. */
export function idle(state: CanvasState, event: CanvasEvent, ctx: CanvasContext): Step {
  if (event.type === 'doubleClick') {
    if (ctx.readOnly) return stay(state);
    if (event.target.kind === 'note') return stay(state, [{ type: 'edit', id: event.target.id }]);
    return stay(state, [{ type: 'createNote', at: event.world }]);
  }
  if (event.type !== 'pointerDown') return stay(state);
  const effects: Effect[] = ctx.editing ? [{ type: 'endEditing' }] : [];
  if (event.button === 1 || (event.button === 0 && event.spaceHeld)) {
    return { state: { name: 'panning', pointerId: event.pointerId, last: event.screen }, effects };
  }
  if (event.button !== 0) return stay(state, effects);
  if (event.target.kind === 'note') {
    const { id } = event.target;
    const wasSelected = ctx.selection.has(id);
    // Select on press so a drag moves what was just pressed; a shift-press toggles on release.
    if (!wasSelected && !event.shift) effects.push({ type: 'select', ids: [id] });
    if (!wasSelected && event.shift) effects.push({ type: 'select', ids: [...ctx.selection, id] });
    return {
      state: {
        name: 'pointingNote',
        pointerId: event.pointerId,
        id,
        downScreen: event.screen,
        downWorld: event.world,
        shift: event.shift,
        wasSelected,
      },
      effects,
    };
  }
  return {
    state: {
      name: 'pointingCanvas',
      pointerId: event.pointerId,
      downScreen: event.screen,
      downWorld: event.world,
      shift: event.shift,
      touch: event.pointerType === 'touch',
    },
    effects,
  };
}
