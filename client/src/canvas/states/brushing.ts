import { rectFromPoints } from '../viewport.ts';
import { union } from './pointingCanvas.ts';
import type { CanvasContext, CanvasEvent, CanvasState, Step } from './types.ts';
import { IDLE, stay } from './types.ts';

/** Drawing a selection frame (rubber band); shift adds to the selection. */
export function brushing(state: CanvasState, event: CanvasEvent, ctx: CanvasContext): Step {
  if (state.name !== 'brushing') return stay(state);
  if (event.type === 'cancel') return stay(IDLE, [{ type: 'brush', rect: null }]);
  if (event.type !== 'pointerMove' && event.type !== 'pointerUp') return stay(state);
  if (event.pointerId !== state.pointerId) return stay(state);
  const rect = rectFromPoints(state.downWorld, event.world);
  const select = { type: 'select' as const, ids: union(state.base, ctx.notesInRect(rect)) };
  if (event.type === 'pointerUp') return stay(IDLE, [select, { type: 'brush', rect: null }]);
  return stay(state, [{ type: 'brush', rect }, select]);
}
