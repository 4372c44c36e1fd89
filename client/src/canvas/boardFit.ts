// The view that shows a board's notes and frames: "Alles zeigen", and the
// view a board opens at. Pure, so the page can place a board's first cards
// (earlyCards.ts) exactly where the board will show them, before the board's
// code has loaded.
import { NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { boundsOf, fitRect, type Rect, type Size, type Viewport } from './viewport.ts';

/**
 * Kept free at the bottom for the floating toolbar until it is measured
 * (`editor.canvas.bottomInset`), and always for the view a board opens at: the
 * page's early cards (earlyCards.ts) are placed before there is a toolbar.
 */
export const TOOLBAR_ROOM = 64;
/** Below this canvas width a board opens readable rather than whole (phones). */
const SMALL_SCREEN = 600;
/** The zoom a board opens at on a small screen, at least. */
const SMALL_SCREEN_SCALE = 0.5;

/**
 * A view of `rects` in a stage of `size` whose top `topInset` pixels the
 * banners cover and bottom `bottomInset` pixels the toolbar. With `minScale`
 * it never zooms out further than that and
 * shows the content's top-left corner instead: readable notes to pan across
 * beat a whole board of unreadable ones.
 */
export function fittedView(
  rects: readonly Rect[],
  size: Size,
  topInset: number,
  minScale?: number,
  bottomInset = TOOLBAR_ROOM,
): Viewport {
  const bounds = boundsOf(rects);
  if (!bounds) return { x: size.width / 2 - NOTE_WIDTH, y: size.height / 3, scale: 1 };
  const usable = {
    width: size.width,
    height: Math.max(100, size.height - bottomInset - topInset),
  };
  const fitted = fitRect(bounds, usable, Math.min(40, size.width / 14));
  if (minScale !== undefined && fitted.scale < minScale) {
    const margin = 16;
    return {
      scale: minScale,
      x: margin - bounds.x * minScale,
      y: topInset + margin - bounds.y * minScale,
    };
  }
  return { ...fitted, y: fitted.y + topInset };
}

/** The view a board opens at: whole, or on a small screen readable from its top-left. */
export function openingView(rects: readonly Rect[], size: Size, topInset: number): Viewport {
  return fittedView(
    rects,
    size,
    topInset,
    size.width < SMALL_SCREEN ? SMALL_SCREEN_SCALE : undefined,
  );
}
