// The shapes a board is drawn with that its first cards share with its full
// picture: a note's card and a cluster's frame. Small and free of the text
// layout, so the page can draw a board's first cards before the board's code
// has loaded (earlyCards.ts) exactly as the board then draws them
// (notePainter.ts, ClusterLayer.tsx).
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';

/** Corner radius of a card, world units. */
const CORNER = 3;

/**
 * Whether a card's corners are rounded at `scale` (CSS pixels per world
 * unit): below a pixel nobody sees the rounding, and a plain rectangle
 * rasterises in about half the time of a rounded one in Chromium's software
 * canvas, which adds up over a zoomed-out board of thousands of cards.
 */
export function roundedAt(scale: number): boolean {
  return CORNER * scale >= 1;
}

/** A note's card filled with `fill`, its top-left at x,y (world units). */
export function fillCard(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  fill: string,
  scale: number,
): void {
  ctx.fillStyle = fill;
  if (!roundedAt(scale)) {
    ctx.fillRect(x, y, NOTE_WIDTH, NOTE_HEIGHT);
    return;
  }
  ctx.beginPath();
  ctx.roundRect(x, y, NOTE_WIDTH, NOTE_HEIGHT, CORNER);
  ctx.fill();
}

/** The outline of a card at 0,0, `screenPx` CSS pixels wide at every zoom. */
export function strokeCard(
  ctx: CanvasRenderingContext2D,
  color: string,
  screenPx: number,
  scale: number,
): void {
  ctx.strokeStyle = color;
  ctx.lineWidth = screenPx / scale;
  if (!roundedAt(scale)) {
    ctx.strokeRect(0, 0, NOTE_WIDTH, NOTE_HEIGHT);
    return;
  }
  ctx.beginPath();
  ctx.roundRect(0, 0, NOTE_WIDTH, NOTE_HEIGHT, CORNER);
  ctx.stroke();
}

/** A cluster's frame (world units; the dashes scale with the board). */
export const FRAME = {
  fill: 'rgba(255,255,255,0.75)',
  stroke: '#8a94a6',
  strokeWidth: 1.5,
  dash: [8, 4],
  cornerRadius: 8,
};
