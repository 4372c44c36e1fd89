import type { CanvasContext, CanvasEvent, CanvasState, Step } from './types.ts';
import { IDLE, stay } from './types.ts';

/** Dragging a frame by its heading; its notes move with it, written once on release. */
export function movingCluster(state: CanvasState, event: CanvasEvent, _ctx: CanvasContext): Step {
  if (state.name !== 'movingCluster') return stay(state);
  if (event.type === 'cancel') return stay(IDLE, [{ type: 'ghost', rect: null }]);
  if (event.type !== 'pointerMove' && event.type !== 'pointerUp') return stay(state);
  if (event.pointerId !== state.pointerId) return stay(state);
  const dx = event.world.x - state.downWorld.x;
  const dy = event.world.y - state.downWorld.y;
  const rect = { ...state.from, x: state.from.x + dx, y: state.from.y + dy };
  if (event.type === 'pointerMove') return stay(state, [{ type: 'ghost', rect }]);
  // A click on the heading (the first half of a double-click) moves nothing.
  const moved = Math.abs(dx) + Math.abs(dy) > 2;
  return stay(IDLE, [
    { type: 'ghost', rect: null },
    ...(moved ? [{ type: 'moveCluster' as const, id: state.id, x: rect.x, y: rect.y }] : []),
  ]);
}
