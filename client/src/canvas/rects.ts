// Rectangle arithmetic of the note snapshot (world units): what a patch
// covers, whether a drawn region still holds the view, and what panning
// exposes.
import { intersects, type Rect } from './viewport.ts';

export const union = (a: Rect, b: Rect): Rect => {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    width: Math.max(a.x + a.width, b.x + b.width) - x,
    height: Math.max(a.y + a.height, b.y + b.height) - y,
  };
};

export const contains = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** `outer` minus `inner` as up to four strips (inner lies at least partly inside outer). */
export function exposed(outer: Rect, inner: Rect): Rect[] {
  const out: Rect[] = [];
  const top = Math.max(outer.y, inner.y);
  const bottom = Math.min(outer.y + outer.height, inner.y + inner.height);
  if (inner.y > outer.y) out.push({ ...outer, height: inner.y - outer.y });
  if (bottom < outer.y + outer.height)
    out.push({ ...outer, y: bottom, height: outer.y + outer.height - bottom });
  if (inner.x > outer.x)
    out.push({ x: outer.x, y: top, width: inner.x - outer.x, height: bottom - top });
  if (inner.x + inner.width < outer.x + outer.width)
    out.push({
      x: inner.x + inner.width,
      y: top,
      width: outer.x + outer.width - inner.x - inner.width,
      height: bottom - top,
    });
  return out.filter((r) => r.width > 0 && r.height > 0);
}

/** Overlapping rectangles merged (a note moved a little is one patch, not two). */
export function mergeOverlapping(rects: readonly Rect[]): Rect[] {
  const merged: Rect[] = [];
  for (const rect of rects) {
    const i = merged.findIndex((m) => intersects(m, rect));
    if (i === -1) merged.push(rect);
    else merged[i] = union(merged[i]!, rect);
  }
  return merged;
}
