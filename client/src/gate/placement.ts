// Where new notes go — the placement half of the gate: near the intended
// point (the pointer, a double-tap, the middle of the view), on a free spot
// that does not cover another note, and fully inside the visible part of the
// board. `placeNote` is the pure rule. Every path that adds notes (canvas,
// outline, paste, reveal) takes its spots from here.
import { notesOverlap, placeApart } from '@pinnwand/shared/facilitation/placeApart';
import type { BoardId, NoteId } from '@pinnwand/shared/model/ids';
import { GRID_GAP, NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import {
  boundsOf,
  type Point,
  type Rect,
  toWorld,
  type Viewport,
  visibleRect,
} from '../canvas/viewport.ts';
import type { Editor } from '../editor/Editor.ts';

/** Distance kept from the view's edges, in board units. */
const VIEW_MARGIN = 12;
/** Search step: a quarter note, so the nearest free spot is found closely. */
const STEP_X = (NOTE_WIDTH + GRID_GAP) / 4;
const STEP_Y = (NOTE_HEIGHT + GRID_GAP) / 4;
const MAX_RING = 60;

export function viewCentre(editor: Editor): Point {
  const size = editor.stageSize.get();
  return toWorld(editor.viewport.get(), { x: size.width / 2, y: size.height / 2 });
}

/** The part of the board shown on the canvas (world units). */
export function viewRect(view: Viewport, size: { width: number; height: number }): Rect {
  return visibleRect(view, size);
}

/** Moves a note's top-left so the whole note lies inside `view` (less a margin). */
export function clampToView(p: Point, view: Rect, margin = VIEW_MARGIN): Point {
  const clamp = (v: number, lo: number, hi: number) =>
    hi < lo ? lo : Math.min(hi, Math.max(lo, v));
  return {
    x: Math.round(clamp(p.x, view.x + margin, view.x + view.width - NOTE_WIDTH - margin)),
    y: Math.round(clamp(p.y, view.y + margin, view.y + view.height - NOTE_HEIGHT - margin)),
  };
}

/** True when a note at `p` keeps a small gap to every note in `taken`. */
function isFree(taken: readonly Point[], p: Point): boolean {
  const gapped = (o: Point) =>
    notesOverlap(o, p) ||
    (Math.abs(o.x - p.x) < NOTE_WIDTH + GRID_GAP / 2 &&
      Math.abs(o.y - p.y) < NOTE_HEIGHT + GRID_GAP / 2);
  return !taken.some(gapped);
}

/**
 * Top-left for a new note wanted at `want` (top-left): inside `view` when one
 * is given, and on the nearest spot that covers no note in `taken`. A free,
 * visible spot is kept exactly. When the view is full, the note still goes
 * inside it, stepped aside so it never hides a note exactly.
 */
export function placeNote(taken: readonly Point[], want: Point, view: Rect | null): Point {
  const inView = (p: Point) =>
    view ? clampToView(p, view) : { x: Math.round(p.x), y: Math.round(p.y) };
  const start = inView(want);
  if (isFree(taken, start)) return start;
  const seen = new Set<string>([`${start.x}:${start.y}`]);
  const rings = view
    ? Math.min(MAX_RING, Math.ceil(Math.max(view.width / STEP_X, view.height / STEP_Y)))
    : MAX_RING;
  for (let r = 1; r <= rings; r++) {
    const ring: Point[] = [];
    for (let i = -r; i <= r; i++)
      for (let j = -r; j <= r; j++)
        if (Math.max(Math.abs(i), Math.abs(j)) === r)
          ring.push({ x: start.x + i * STEP_X, y: start.y + j * STEP_Y });
    ring.sort(
      (a, b) => Math.hypot(a.x - start.x, a.y - start.y) - Math.hypot(b.x - start.x, b.y - start.y),
    );
    for (const candidate of ring) {
      const p = inView(candidate);
      const key = `${p.x}:${p.y}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (isFree(taken, p)) return p;
    }
  }
  // Nothing free: step diagonally until no note sits exactly there.
  const exact = new Set(taken.map((t) => `${Math.round(t.x)}:${Math.round(t.y)}`));
  let p = start;
  for (let i = 1; i < 50 && exact.has(`${p.x}:${p.y}`); i++)
    p = inView({ x: start.x + i * 24, y: start.y + i * 24 });
  return p;
}

/** Screen pixels of the canvas covered by the floating toolbar (bottom) and its edges. */
const COVERED = { top: 8, right: 8, bottom: 84, left: 8 };
/** On a phone the toolbar wraps to two rows. */
const COVERED_BOTTOM_NARROW = 116;
const NARROW_STAGE = 600;

/**
 * The shown part of `boardId` where a new note is fully seen (not under the
 * toolbar), or null when another board is on the canvas.
 */
export function shownView(editor: Editor, boardId: BoardId): Rect | null {
  if (editor.boardId.get() !== boardId) return null;
  const view = editor.viewport.get();
  const size = editor.stageSize.get();
  const rect = viewRect(view, size);
  const s = view.scale;
  const inset = (px: number) => px / s;
  const width = rect.width - inset(COVERED.left + COVERED.right);
  const bottom = size.width < NARROW_STAGE ? COVERED_BOTTOM_NARROW : COVERED.bottom;
  const height = rect.height - inset(COVERED.top + bottom);
  // A tiny canvas keeps its whole area rather than none.
  if (width < NOTE_WIDTH || height < NOTE_HEIGHT) return rect;
  return { x: rect.x + inset(COVERED.left), y: rect.y + inset(COVERED.top), width, height };
}

/** Top-left for a new note centred near `near`, on a free, visible spot. */
export function freeSpot(editor: Editor, boardId: BoardId, near: Point): Point {
  return freeTopLeft(editor, boardId, {
    x: near.x - NOTE_WIDTH / 2,
    y: near.y - NOTE_HEIGHT / 2,
  });
}

/** Like freeSpot, for a wanted top-left corner. */
export function freeTopLeft(editor: Editor, boardId: BoardId, want: Point): Point {
  const taken = editor.index.notes(boardId).map((n) => ({ x: n.x, y: n.y }));
  return placeNote(taken, want, shownView(editor, boardId));
}

/** Top-left corners for `count` notes laid out in rows, starting near `near`. */
export function gridFrom(near: Point, count: number, columns = 4): Point[] {
  const gap = 16;
  const cols = Math.max(1, Math.min(columns, count));
  const left = near.x - (cols * (NOTE_WIDTH + gap)) / 2;
  return Array.from({ length: count }, (_, i) => ({
    x: Math.round(left + (i % cols) * (NOTE_WIDTH + gap)),
    y: Math.round(near.y - NOTE_HEIGHT / 2 + Math.floor(i / cols) * (NOTE_HEIGHT + gap)),
  }));
}

/** A free place on a board for a note added without a pointer: below what is there. */
export function spotBelow(editor: Editor, boardId: BoardId): Point {
  const notes = editor.index.notes(boardId);
  const bounds = boundsOf(notes.map((n) => ({ x: n.x, y: n.y, width: 1, height: NOTE_HEIGHT })));
  if (!bounds) return { x: 0, y: 0 };
  const last = notes.reduce((a, b) => (b.y > a.y || (b.y === a.y && b.x > a.x) ? b : a));
  return { x: Math.round(last.x), y: Math.round(bounds.y + bounds.height + 16) };
}

/**
 * Spots for notes written elsewhere (hidden notes at the reveal), each near
 * where it was wanted but never on a note already on its board or on one
 * placed before it in the same call.
 */
export function spotsApart(
  editor: Editor,
  wanted: readonly { boardId: BoardId; at: Point }[],
): Point[] {
  const occupied = new Map<BoardId, Point[]>();
  return wanted.map(({ boardId, at }) => {
    let taken = occupied.get(boardId);
    if (!taken) {
      taken = editor.index.notes(boardId).map((n) => ({ x: n.x, y: n.y }));
      occupied.set(boardId, taken);
    }
    const [spot] = placeApart(taken, [at]) as [Point];
    taken.push(spot);
    return spot;
  });
}

/**
 * The viewport that shows `rect` (world units): unchanged when it is already
 * fully visible (less a margin), otherwise panned so it sits in the middle.
 */
export function revealRect(
  view: Viewport,
  size: { width: number; height: number },
  rect: Rect,
  margin = 24,
): Viewport {
  const shown = visibleRect(view, size);
  const m = margin / view.scale;
  const visible =
    rect.x >= shown.x + m &&
    rect.y >= shown.y + m &&
    rect.x + rect.width <= shown.x + shown.width - m &&
    rect.y + rect.height <= shown.y + shown.height - m;
  if (visible) return view;
  return {
    scale: view.scale,
    x: Math.round(size.width / 2 - (rect.x + rect.width / 2) * view.scale),
    y: Math.round(size.height / 2 - (rect.y + rect.height / 2) * view.scale),
  };
}

/** Scrolls the canvas to a note of the shown board (from the outline). */
export function revealNote(editor: Editor, id: NoteId): void {
  const note = editor.index.note(id);
  if (!note || note.boardId !== editor.boardId.get()) return;
  const view = editor.viewport.get();
  const next = revealRect(view, editor.stageSize.get(), {
    x: note.x,
    y: note.y,
    width: NOTE_WIDTH,
    height: NOTE_HEIGHT,
  });
  if (next !== view) editor.viewport.set(next);
}
