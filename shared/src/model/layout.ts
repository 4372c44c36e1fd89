/**
 * Geometry shared by the canvas, the grid layout and the importer, so that a
 * note placed by an operation looks right on every client.
 */

/** Size of a sticky note in board units. */
export const NOTE_WIDTH = 160;
export const NOTE_HEIGHT = 120;

/** Inner spacing of a cluster frame: padding around, room for the title on top. */
export const CLUSTER_PADDING = 16;
export const CLUSTER_HEADER = 40;
/** Gap between notes in a grid. */
export const GRID_GAP = 12;
/** Default size of a new, empty cluster frame. */
export const DEFAULT_CLUSTER_WIDTH = 2 * NOTE_WIDTH + GRID_GAP + 2 * CLUSTER_PADDING;
export const DEFAULT_CLUSTER_HEIGHT = CLUSTER_HEADER + NOTE_HEIGHT + 2 * CLUSTER_PADDING;
/** Offset of a duplicate from its original, so it does not hide it. */
export const DUPLICATE_OFFSET = 24;
/**
 * How far from the origin a position or a frame's size reaches in board units.
 * Drawings and pictures leave out what lies beyond (a note at 1e300 would be
 * lost from view), so nobody but a facilitator may put anything there.
 */
export const BOARD_EXTENT = 1e6;

/** A position or size within the board: finite and within `BOARD_EXTENT` of the origin. */
export function withinBoard(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= BOARD_EXTENT;
}

export interface Point {
  x: number;
  y: number;
}

export interface Rect extends Point {
  width: number;
  height: number;
}

/** Columns that fit into `width` (at least one). */
export function gridColumnsFor(width: number): number {
  const inner = width - 2 * CLUSTER_PADDING + GRID_GAP;
  return Math.max(1, Math.floor(inner / (NOTE_WIDTH + GRID_GAP)));
}

/** A roughly square column count for `count` notes, e.g. 11 notes → 4 columns. */
export function squareColumns(count: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(count)));
}

/** Top-left of the `index`-th slot of a grid inside a frame at `frame`. */
export function gridSlot(frame: Point, columns: number, index: number): Point {
  const col = index % columns;
  const row = Math.floor(index / columns);
  return {
    x: frame.x + CLUSTER_PADDING + col * (NOTE_WIDTH + GRID_GAP),
    y: frame.y + CLUSTER_HEADER + CLUSTER_PADDING + row * (NOTE_HEIGHT + GRID_GAP),
  };
}

/** Frame size that holds `count` notes in `columns` columns. */
export function gridFrameSize(columns: number, count: number): { width: number; height: number } {
  const rows = Math.max(1, Math.ceil(count / columns));
  return {
    width: 2 * CLUSTER_PADDING + columns * NOTE_WIDTH + (columns - 1) * GRID_GAP,
    height: CLUSTER_HEADER + 2 * CLUSTER_PADDING + rows * NOTE_HEIGHT + (rows - 1) * GRID_GAP,
  };
}

/** Whether the centre of a note at `note` lies inside `rect`. */
export function noteCentreInside(note: Point, rect: Rect): boolean {
  const cx = note.x + NOTE_WIDTH / 2;
  const cy = note.y + NOTE_HEIGHT / 2;
  return cx >= rect.x && cx <= rect.x + rect.width && cy >= rect.y && cy <= rect.y + rect.height;
}
