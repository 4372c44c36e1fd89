import { rectFromPoints } from '../viewport.ts';
import type { CanvasContext, CanvasEvent, CanvasState, Step } from './types.ts';
import { IDLE, MIN_DRAWN, stay } from './types.ts';

/**
 * The cluster tool: a drag draws a new frame around notes. One frame per use;
 * the tool returns to selecting afterwards, and Esc (cancel) leaves it.
 */
export function drawingCluster(state: CanvasState, event: CanvasEvent, _ctx: CanvasContext): Step {
  if (state.name !== 'drawingCluster') return stay(state);
  const done = [
    { type: 'ghost' as const, rect: null },
    { type: 'tool' as const, tool: 'select' as const },
  ];
  if (event.type === 'cancel') return stay(IDLE, done);
  if (event.type !== 'pointerMove' && event.type !== 'pointerUp') return stay(state);
  if (event.pointerId !== state.pointerId) return stay(state);
  const rect = rectFromPoints(state.downWorld, event.world);
  if (event.type === 'pointerMove') return stay(state, [{ type: 'ghost', rect }]);
  const big = rect.width >= MIN_DRAWN && rect.height >= MIN_DRAWN;
  return stay(IDLE, [...done, ...(big ? [{ type: 'createCluster' as const, rect }] : [])]);
}
