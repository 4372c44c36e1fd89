// The bitmaps the note snapshot draws into (noteSnapshot.ts). A canvas is
// reused across zooms (its size in pixels hardly changes: the view's size
// times the margin): allocating and clearing a new one costs more than
// drawing into the old.
import type { NoteDetail } from './useViewRect.ts';
import type { Rect, Viewport } from './viewport.ts';

/** Pixels a canvas is made larger than needed (see prepare). */
const SIZE_ROOM = 32;

export class SnapshotCanvas {
  readonly canvas = document.createElement('canvas');
  readonly ctx: CanvasRenderingContext2D;

  constructor() {
    this.canvas.className = 'notes-snapshot';
    // Read back (flush) once per slice: kept in memory, not on a GPU.
    const ctx = this.canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2D canvas');
    this.ctx = ctx;
  }

  /**
   * Rasterises what was drawn so far. Chromium records 2D drawing and
   * rasterises it only when the canvas is read or shown: a whole redraw done
   * in slices of a few milliseconds would otherwise be rasterised all at once,
   * in the frame that first shows it. Reading one pixel makes each slice pay
   * for its own raster.
   */
  flush(): void {
    this.ctx.getImageData(0, 0, 1, 1);
  }

  /** Whether the canvas is large enough for `width`×`height` world units at `scale`. */
  holds(region: { width: number; height: number }, scale: number): boolean {
    return (
      this.canvas.width >= Math.ceil(region.width * scale) &&
      this.canvas.height >= Math.ceil(region.height * scale)
    );
  }

  /** Replaces the content with `other`'s (covering `region` at `scale`), keeping this canvas's size when it fits. */
  copyFrom(other: SnapshotCanvas, region: { width: number; height: number }, scale: number): void {
    this.prepare(region.width, region.height, scale);
    this.ctx.setTransform(1, 0, 0, 1, 0, 0);
    this.ctx.drawImage(other.canvas, 0, 0);
    this.ctx.setTransform(scale, 0, 0, scale, 0, 0);
  }

  /**
   * Moves the content by (dx, dy) pixels within the canvas (what leaves it is
   * dropped, what is uncovered is cleared), then clears what lies beyond
   * `region` at `scale` (the canvas may be larger than its region).
   */
  moveContent(
    dx: number,
    dy: number,
    region: { width: number; height: number },
    scale: number,
  ): void {
    const ctx = this.ctx;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    // 'copy' replaces the whole canvas with the moved image (drawing a canvas onto
    // itself reads a snapshot of it), so nothing old stays where nothing is drawn.
    ctx.globalCompositeOperation = 'copy';
    ctx.drawImage(this.canvas, dx, dy);
    ctx.globalCompositeOperation = 'source-over';
    const w = Math.ceil(region.width * scale);
    const h = Math.ceil(region.height * scale);
    ctx.clearRect(w, 0, this.canvas.width - w, this.canvas.height);
    ctx.clearRect(0, h, w, this.canvas.height - h);
    ctx.restore();
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
      // Resizing clears the canvas and resets its state. A little room to
      // spare: the same view needs a pixel more or less from one zoom to the
      // next, and a canvas on screen resized costs the compositor new memory.
      c.width = needW + SIZE_ROOM;
      c.height = needH + SIZE_ROOM;
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

/**
 * The CSS transform that puts a frame's canvas where its world rectangle is
 * on screen at `view` (CSS pixels of the stage; a canvas pixel is 1/scale
 * world units): the compositor moves and scales the bitmap, nothing is drawn.
 */
export function placement(frame: Frame, view: Viewport): string {
  const k = view.scale / frame.scale;
  const x = frame.region.x * view.scale + view.x;
  const y = frame.region.y * view.scale + view.y;
  return `matrix(${k}, 0, 0, ${k}, ${x}, ${y})`;
}
