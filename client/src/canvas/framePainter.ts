// Paints the board's notes into one of the snapshot's frames (noteSnapshot.ts):
// every note overlapping a rectangle, in board order, at the frame's level of
// detail, and which notes the ones above them hide. The snapshot decides
// when and what to redraw; this decides how a rectangle of it is painted.

import { type NoteLook, paintNote } from './notePainter.ts';
import type { Drawable } from './noteSketches.ts';
import { coveredNotes } from './occlusion.ts';
import type { Frame } from './snapshotCanvas.ts';
import { cardBounds, noteBounds, type Place } from './snapshotGeometry.ts';
import { intersects, type Rect } from './viewport.ts';

export interface PaintScales {
  /** The view's zoom the notes' bounds are taken at (strokes keep their screen width). */
  view: number;
  /** Device pixels per CSS pixel of the screen the frames are drawn for. */
  screen: number;
}

export class FramePainter {
  constructor(
    /** The notes to draw, in board order (noteSnapshot.ts says which). */
    private readonly items: () => readonly Drawable[],
    private readonly scales: () => PaintScales,
  ) {}

  /** World rectangle a note at `place` may paint, at the current zoom. */
  bounds(place: Place): Rect {
    return noteBounds(place, this.scales().view);
  }

  /** Draws every note overlapping `area` into `frame`, in board order (clearing it first when `clip`). */
  drawInto(frame: Frame, area: Rect, clip: boolean): void {
    const ctx = frame.canvas.ctx;
    ctx.save();
    ctx.translate(-frame.region.x, -frame.region.y);
    if (clip) {
      ctx.beginPath();
      ctx.rect(area.x, area.y, area.width, area.height);
      ctx.clip();
      ctx.clearRect(area.x, area.y, area.width, area.height);
    }
    for (const node of this.items()) this.drawNote(node, frame, area);
    ctx.restore();
  }

  /** Which of `nodes` the notes above them hide in the frame's region. */
  covered(nodes: readonly Drawable[], frame: Frame): Uint8Array {
    const notes = nodes.map((node) => ({
      place: node.getAttr('look') ? { x: node.x(), y: node.y() } : null,
    }));
    const screen = this.scales().screen;
    // Below full detail a note paints its card and outline only (notePainter.ts).
    const reach =
      frame.level === 'detail'
        ? (place: Place) => this.bounds(place)
        : (place: Place) => cardBounds(place, frame.scale / screen);
    return coveredNotes(notes, frame.region, frame.scale, reach);
  }

  /** Paints one note at the frame's level of detail (the context is set up by the caller); whether it was drawn. */
  drawNote(node: Drawable, frame: Frame, area: Rect): boolean {
    const x = node.x();
    const y = node.y();
    if (!intersects(this.bounds({ x, y }), area)) return false;
    const look = node.getAttr('look') as NoteLook | undefined;
    if (!look) return false;
    const ctx = frame.canvas.ctx;
    ctx.translate(x, y);
    paintNote(ctx, look, frame.level, frame.scale / this.scales().screen);
    ctx.translate(-x, -y);
    return true;
  }
}
