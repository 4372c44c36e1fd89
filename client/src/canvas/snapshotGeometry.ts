// Where the note snapshot (noteSnapshot.ts) draws, in world units: the
// rectangle a note may paint (larger than its card), and the region a
// snapshot covers for a view (more than the view, so panning a little draws
// nothing; bounded, so a phone at 3× does not allocate a huge bitmap).
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import type { Rect } from './viewport.ts';

/** How far (as a share of the visible size) the snapshot reaches beyond each edge of the view. */
const MARGIN = 0.5;
/** Largest snapshot in device pixels (a phone at 3× keeps a smaller margin). */
const MAX_PIXELS = 8_000_000;
/** What a note draws outside its card: the "… schreibt" label above, the shadow below. */
const LABEL_ABOVE = 22;
const SHADOW = 4;
/** Strokes do not scale: a selection outline of 3 screen pixels, half of it outside. */
const STROKE_PX = 3;

/** A stroke's width in world units at the view's zoom (strokes do not scale). */
function strokeWidth(viewScale: number): number {
  return STROKE_PX / Math.max(viewScale, 0.05);
}

export interface Place {
  x: number;
  y: number;
}

/** World rectangle a note at `place` may paint, at the view's zoom `viewScale`. */
export function noteBounds(place: Place, viewScale: number): Rect {
  const stroke = strokeWidth(viewScale);
  return {
    x: place.x - stroke,
    y: place.y - LABEL_ABOVE - stroke,
    width: NOTE_WIDTH + SHADOW + 2 * stroke,
    height: NOTE_HEIGHT + LABEL_ABOVE + SHADOW + 2 * stroke,
  };
}

/** What a note paints below full detail, its card and outline only (notePainter.ts): for occlusion.ts. */
export function cardBounds(place: Place, viewScale: number): Rect {
  const stroke = strokeWidth(viewScale);
  return {
    x: place.x - stroke,
    y: place.y - stroke,
    width: NOTE_WIDTH + 2 * stroke,
    height: NOTE_HEIGHT + 2 * stroke,
  };
}

/** The region for a view: the visible rectangle and a margin, on whole canvas pixels. */
export function snapshotRegion(visible: Rect, scale: number): Rect {
  const pixels = visible.width * visible.height * scale * scale;
  const grow = Math.min(1 + 2 * MARGIN, Math.sqrt(MAX_PIXELS / Math.max(pixels, 1)));
  const margin = Math.max(0, (grow - 1) / 2);
  const x = Math.floor((visible.x - visible.width * margin) * scale) / scale;
  const y = Math.floor((visible.y - visible.height * margin) * scale) / scale;
  const right = Math.ceil((visible.x + visible.width * (1 + margin)) * scale) / scale;
  const bottom = Math.ceil((visible.y + visible.height * (1 + margin)) * scale) / scale;
  return { x, y, width: right - x, height: bottom - y };
}
