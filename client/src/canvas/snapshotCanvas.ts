// The bitmaps the note snapshot draws into (noteSnapshot.ts). A canvas is
// reused across zooms (its size in pixels hardly changes: the view's size
// times the margin): allocating and clearing a new one costs more than
// drawing into the old.
import type Konva from 'konva';
import type { NoteDetail } from './useViewRect.ts';
import type { Rect } from './viewport.ts';

export class SnapshotCanvas {
  readonly canvas = document.createElement('canvas');
  readonly ctx: CanvasRenderingContext2D;

  constructor() {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    this.ctx = ctx;
  }

  /** Makes the canvas cover `width`×`height` world units at `scale` pixels per unit, empty, in world units. */
  prepare(width: number, height: number, scale: number): void {
    const needW = Math.max(1, Math.ceil(width * scale));
    const needH = Math.max(1, Math.ceil(height * scale));
    const c = this.canvas;
    if (
      c.width < needW ||
      c.height < needH ||
      c.width > needW * 1.5 + 64 ||
      c.height > needH * 1.5 + 64
    ) {
      // Resizing clears the canvas and resets its state.
      c.width = needW;
      c.height = needH;
    } else {
      this.ctx.setTransform(1, 0, 0, 1, 0, 0);
      this.ctx.clearRect(0, 0, c.width, c.height);
    }
    this.ctx.setTransform(scale, 0, 0, scale, 0, 0);
  }
}

/** One drawn state of the snapshot: a canvas, the world it covers, at which zoom and detail. */
export interface Frame {
  canvas: SnapshotCanvas;
  /** The world rectangle covered, aligned to the canvas's pixels. */
  region: Rect;
  /** Canvas pixels per world unit. */
  scale: number;
  level: NoteDetail;
}

/** Draws the used part of a frame's canvas onto its world rectangle (the context is in world units). */
export function copy(context: Konva.Context, frame: Frame): void {
  const r = frame.region;
  context.drawImage(
    frame.canvas.canvas,
    0,
    0,
    r.width * frame.scale,
    r.height * frame.scale,
    r.x,
    r.y,
    r.width,
    r.height,
  );
}
