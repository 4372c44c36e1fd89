// The stage transform: screen = world * scale + (x, y). Pure helpers for
// pan, zoom around a point, and fitting a rectangle, shared by the wheel,
// pinch, keyboard and "zoom to fit" paths.
export interface Viewport {
  x: number;
  y: number;
  scale: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Point, Size {}

/**
 * The smallest zoom. Low enough that "fit" shows a large board whole (5,000
 * notes spread over 50,000 units fit a laptop's screen at 2 %) instead of
 * opening it with its edges cut off; notes are drawn as plain cards below
 * 10 % (useViewRect.ts), so such a view stays cheap.
 */
export const MIN_SCALE = 0.02;
export const MAX_SCALE = 4;

export const clampScale = (scale: number): number =>
  Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

export function toWorld(view: Viewport, screen: Point): Point {
  return { x: (screen.x - view.x) / view.scale, y: (screen.y - view.y) / view.scale };
}

export function toScreen(view: Viewport, world: Point): Point {
  return { x: world.x * view.scale + view.x, y: world.y * view.scale + view.y };
}

export function panBy(view: Viewport, dx: number, dy: number): Viewport {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** Zooms by `factor`, keeping the world point under `anchor` (screen) fixed. */
export function zoomAt(view: Viewport, anchor: Point, factor: number): Viewport {
  const scale = clampScale(view.scale * factor);
  const world = toWorld(view, anchor);
  return { scale, x: anchor.x - world.x * scale, y: anchor.y - world.y * scale };
}

/** The part of the world visible in a stage of `size`. */
export function visibleRect(view: Viewport, size: Size): Rect {
  const topLeft = toWorld(view, { x: 0, y: 0 });
  return {
    x: topLeft.x,
    y: topLeft.y,
    width: size.width / view.scale,
    height: size.height / view.scale,
  };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** A viewport showing all of `content` with `padding` screen pixels around it. */
export function fitRect(content: Rect, size: Size, padding = 48, maxScale = 1.25): Viewport {
  const width = Math.max(1, size.width - 2 * padding);
  const height = Math.max(1, size.height - 2 * padding);
  const scale = clampScale(Math.min(maxScale, width / content.width, height / content.height));
  return {
    scale,
    x: size.width / 2 - (content.x + content.width / 2) * scale,
    y: size.height / 2 - (content.y + content.height / 2) * scale,
  };
}

/** Screen pixels at a stage's top and bottom that something lies over (banners, the toolbar). */
export interface Insets {
  top: number;
  bottom: number;
}

/**
 * What lies over a stage covers at most this share of it when a view is
 * fitted between: banners taller than that (a landscape phone) would leave
 * too small a strip to show anything in.
 */
const MAX_COVERED_SHARE = 0.5;

/** The strip of a stage that `insets` leave free: its top and height on screen. */
function freeStrip(size: Size, insets: Insets): { top: number; height: number } {
  const top = Math.max(0, insets.top);
  const covered = top + Math.max(0, insets.bottom);
  const shrink = Math.min(1, (size.height * MAX_COVERED_SHARE) / Math.max(1, covered));
  return { top: top * shrink, height: size.height - covered * shrink };
}

/** The part of the world seen in a stage of `size` between what lies over its edges. */
export function visibleInside(view: Viewport, size: Size, insets: Insets): Rect {
  const free = freeStrip(size, insets);
  const seen = visibleRect(view, { width: size.width, height: free.height });
  return { ...seen, y: seen.y + free.top / view.scale };
}

/** `fitRect` into the part of a stage of `size` between what lies over its edges. */
export function fitRectInside(
  content: Rect,
  size: Size,
  insets: Insets,
  padding?: number,
  maxScale?: number,
): Viewport {
  const free = freeStrip(size, insets);
  const fitted = fitRect(content, { width: size.width, height: free.height }, padding, maxScale);
  return { ...fitted, y: fitted.y + free.top };
}

/**
 * The view panned as little as needed for `content` (world) to lie inside
 * `area` (world: the part of the board a person sees), or `view` itself when
 * it already does. Content larger than the area keeps its side in the
 * direction `toward` (a move's offset) in view, else its top or left.
 */
export function panToContain(view: Viewport, area: Rect, content: Rect, toward: Point): Viewport {
  const dx = overhang(content.x, content.width, area.x, area.width, toward.x);
  const dy = overhang(content.y, content.height, area.y, area.height, toward.y);
  if (dx === 0 && dy === 0) return view;
  return {
    scale: view.scale,
    x: Math.round(view.x - dx * view.scale),
    y: Math.round(view.y - dy * view.scale),
  };
}

/** How far (world units, signed) the area must move along one axis to hold [start, start + size]. */
function overhang(
  start: number,
  size: number,
  from: number,
  length: number,
  toward: number,
): number {
  const end = start + size;
  const areaEnd = from + length;
  if (size > length) return toward > 0 ? end - areaEnd : start - from;
  if (start < from) return start - from;
  if (end > areaEnd) return end - areaEnd;
  return 0;
}

export function rectFromPoints(a: Point, b: Point): Rect {
  return {
    x: Math.min(a.x, b.x),
    y: Math.min(a.y, b.y),
    width: Math.abs(a.x - b.x),
    height: Math.abs(a.y - b.y),
  };
}

export function boundsOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const r of rects) {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
