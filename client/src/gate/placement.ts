// Where new notes and frames go — the placement half of the gate: near the
// intended point (the pointer, a double-tap, the middle of the view), on a
// free spot that covers no note and no cluster frame, fully inside the visible
// part of the board (beyond it only when the view is full). The rule itself is
// pure and shared (@pinnwand/shared/placement/freeSpace, property-tested);
// here it is given the board and the view. Every path that adds notes
// (canvas, toolbar, phone "+", outline, paste, reveal) and new frames takes
// its spots from here.

import { clusterAt } from '@pinnwand/shared/facilitation/membership';
import type { ImportPlacement } from '@pinnwand/shared/import/applyImport';
import type { Cluster } from '@pinnwand/shared/model/cluster';
import type { BoardId, ClusterId, NoteId } from '@pinnwand/shared/model/ids';
import { GRID_GAP, NOTE_HEIGHT, NOTE_WIDTH, noteCentreInside } from '@pinnwand/shared/model/layout';
import { dropIntoFrame } from '@pinnwand/shared/placement/dropIntoFrame';
import {
  findFree,
  findFreeNote,
  findFreeNotes,
  type Occupied,
} from '@pinnwand/shared/placement/freeSpace';
import {
  boundsOf,
  type Point,
  panToContain,
  type Rect,
  toWorld,
  type Viewport,
  visibleRect,
} from '../canvas/viewport.ts';
import type { Editor } from '../editor/Editor.ts';
import { mayChangeStructure } from './noteGate.ts';

export function viewCentre(editor: Editor): Point {
  const size = editor.stageSize.get();
  return toWorld(editor.viewport.get(), { x: size.width / 2, y: size.height / 2 });
}

/** The part of the board shown on the canvas (world units). */
export function viewRect(view: Viewport, size: { width: number; height: number }): Rect {
  return visibleRect(view, size);
}

/**
 * What is on `boardId`: notes, cluster frames and this device's hidden notes
 * (drawn on the canvas too). New things never go onto any of them.
 */
export function occupiedOn(
  editor: Editor,
  boardId: BoardId,
  except: ReadonlySet<NoteId> = new Set(),
): Occupied {
  const hidden = editor.hidden.get();
  return {
    notes: [
      ...editor.index
        .notes(boardId)
        .filter((n) => !except.has(n.id))
        .map((n) => ({ x: n.x, y: n.y })),
      ...(hidden?.notes.all().filter((n) => n.boardId === boardId) ?? []),
    ],
    frames: editor.index
      .clusters(boardId)
      .map((c) => ({ x: c.x, y: c.y, width: c.width, height: c.height })),
  };
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

/**
 * Like freeSpot, for a wanted top-left corner. With `intoFrame` (a double-click
 * inside a cluster frame: the person asked for that cluster) the frame under
 * the note's centre is no obstacle; every other way keeps new notes out of frames.
 */
export function freeTopLeft(
  editor: Editor,
  boardId: BoardId,
  want: Point,
  intoFrame = false,
): Point {
  const occupied = occupiedOn(editor, boardId);
  const centre = { x: want.x + NOTE_WIDTH / 2, y: want.y + NOTE_HEIGHT / 2 };
  const frames = intoFrame
    ? occupied.frames.filter(
        (f) =>
          !(
            centre.x >= f.x &&
            centre.x <= f.x + f.width &&
            centre.y >= f.y &&
            centre.y <= f.y + f.height
          ),
      )
    : occupied.frames;
  return findFreeNote({ ...occupied, frames }, want, shownView(editor, boardId));
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

/** Free, visible spots for several new notes (a paste) laid out in rows near `near`. */
export function freeGrid(editor: Editor, boardId: BoardId, near: Point, count: number): Point[] {
  return findFreeNotes(
    occupiedOn(editor, boardId),
    gridFrom(near, count),
    shownView(editor, boardId),
  );
}

/**
 * Spots for copies of notes (Ctrl+D): beside the originals — the group shifted
 * right by its own width, so several copies keep their arrangement — each on
 * free space (never on a note, a frame or another copy), in view when there is room.
 */
export function spotsBeside(
  editor: Editor,
  boardId: BoardId,
  originals: readonly { id: NoteId; x: number; y: number }[],
): Map<NoteId, Point> {
  const bounds = boundsOf(
    originals.map((n) => ({ x: n.x, y: n.y, width: NOTE_WIDTH, height: NOTE_HEIGHT })),
  );
  const spots = new Map<NoteId, Point>();
  if (!bounds) return spots;
  const dx = bounds.width + GRID_GAP;
  const placed = findFreeNotes(
    occupiedOn(editor, boardId),
    originals.map((n) => ({ x: n.x + dx, y: n.y })),
    shownView(editor, boardId),
  );
  for (const [i, n] of originals.entries()) spots.set(n.id, placed[i]!);
  return spots;
}

/**
 * Where an import's block of notes and frames (kept in its arrangement) should
 * go on `boardId`: near the middle of the view when that board is shown, else
 * near what is on the board. applyImport asks the shared rule (findFree) for
 * the free spot, so the block covers no note and no frame.
 */
export function importPlacement(editor: Editor): ImportPlacement {
  return (boardId, size) => {
    const occupied = occupiedOn(editor, boardId);
    const view = shownView(editor, boardId);
    if (view) {
      const centre = viewCentre(editor);
      return {
        occupied,
        view,
        want: { x: centre.x - size.width / 2, y: centre.y - size.height / 2 },
      };
    }
    const content = boundsOf([
      ...occupied.notes.map((n) => ({ ...n, width: NOTE_WIDTH, height: NOTE_HEIGHT })),
      ...occupied.frames,
    ]);
    return {
      occupied,
      view: null,
      want: content ? { x: content.x, y: content.y } : { x: 0, y: 0 },
    };
  };
}

/** A free place on a board for a note added without a pointer: below what is there. */
export function spotBelow(editor: Editor, boardId: BoardId): Point {
  const notes = editor.index.notes(boardId);
  const bounds = boundsOf(notes.map((n) => ({ x: n.x, y: n.y, width: 1, height: NOTE_HEIGHT })));
  if (!bounds) return findFreeNote(occupiedOn(editor, boardId), { x: 0, y: 0 });
  const last = notes.reduce((a, b) => (b.y > a.y || (b.y === a.y && b.x > a.x) ? b : a));
  return findFreeNote(occupiedOn(editor, boardId), {
    x: Math.round(last.x),
    y: Math.round(bounds.y + bounds.height + 16),
  });
}

/**
 * Spots for notes written elsewhere (hidden notes at the reveal), each near
 * where it was wanted but never on a note or frame already on its board or on
 * one placed before it in the same call.
 */
export function spotsApart(
  editor: Editor,
  wanted: readonly { boardId: BoardId; at: Point }[],
): Point[] {
  const occupied = new Map<BoardId, { notes: Point[]; frames: Rect[] }>();
  return wanted.map(({ boardId, at }) => {
    let taken = occupied.get(boardId);
    if (!taken) {
      const on = occupiedOn(editor, boardId);
      // The hidden notes being revealed are not obstacles to themselves.
      taken = {
        notes: editor.index.notes(boardId).map((n) => ({ x: n.x, y: n.y })),
        frames: [...on.frames],
      };
      occupied.set(boardId, taken);
    }
    const spot = findFreeNote(taken, at);
    taken.notes.push(spot);
    return spot;
  });
}

/**
 * Top-left for a new cluster frame of `size` near the middle of the view, on
 * free space; `joining` are the notes that move into it (no obstacles).
 */
export function freeFrameSpot(
  editor: Editor,
  boardId: BoardId,
  size: { width: number; height: number },
  joining: ReadonlySet<NoteId> = new Set(),
): Point {
  const centre = viewCentre(editor);
  return findFree(
    occupiedOn(editor, boardId, joining),
    size,
    { x: centre.x - size.width / 2, y: centre.y - size.height / 2 },
    shownView(editor, boardId),
  );
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

/**
 * Keeps notes of the shown board that were just moved by the keyboard in
 * view: the view pans as little as needed for them to stay inside its visible
 * part (not under the toolbar, not past the canvas's edge beside the side
 * panel). `toward` is the move's offset.
 */
export function keepNotesInView(editor: Editor, ids: readonly NoteId[], toward: Point): void {
  const boardId = editor.boardId.get();
  const area = boardId ? shownView(editor, boardId) : null;
  if (!boardId || !area) return;
  const rects: Rect[] = [];
  for (const id of ids) {
    const note = editor.index.note(id);
    if (note?.boardId === boardId)
      rects.push({ x: note.x, y: note.y, width: NOTE_WIDTH, height: NOTE_HEIGHT });
  }
  const content = boundsOf(rects);
  if (!content) return;
  const view = editor.viewport.get();
  const next = panToContain(view, area, content, toward);
  if (next !== view) editor.viewport.set(next);
}

/** Where notes moved by `delta` go inside the frames they land in (see `spotsInFrames`). */
export interface FrameLanding {
  /** Notes that would cover another there, with the spot they take instead. */
  moves: Map<NoteId, Point>;
  /** Frames that grow to hold them (only for whoever may resize frames). */
  grows: Map<ClusterId, { width: number; height: number }>;
}

/**
 * Notes dropped into a cluster frame (a drag; the arrow keys move exactly by
 * their step) cover no note already lying there: by the shared rule
 * (placement/dropIntoFrame) those that would go to the nearest free spot
 * inside the frame; a full frame grows when this person may resize frames,
 * otherwise the note lies where it was dropped. Judged on the positions
 * before the move; this device's hidden notes count as lying there.
 */
export function spotsInFrames(editor: Editor, ids: readonly NoteId[], delta: Point): FrameLanding {
  const landing: FrameLanding = { moves: new Map(), grows: new Map() };
  const moving = new Set(ids);
  const byFrame = new Map<ClusterId, { frame: Cluster; dropped: { id: NoteId; at: Point }[] }>();
  for (const id of ids) {
    const note = editor.index.note(id);
    if (!note) continue;
    const at = { x: note.x + delta.x, y: note.y + delta.y };
    const frames = editor.index.clusters(note.boardId);
    const frameId = clusterAt({ ...at, clusterId: note.clusterId }, frames);
    const frame = frames.find((c) => c.id === frameId);
    if (!frame) continue;
    const entry = byFrame.get(frame.id) ?? { frame, dropped: [] };
    entry.dropped.push({ id, at });
    byFrame.set(frame.id, entry);
  }
  if (byFrame.size === 0) return landing;
  const mayResize = mayChangeStructure(editor, 'clusters').allowed;
  const hidden = editor.hidden.get()?.notes.all() ?? [];
  for (const { frame, dropped } of byFrame.values()) {
    // This device's hidden notes are drawn on the canvas too: a drop covers none of them.
    const lying = [
      ...editor.index.notes(frame.boardId).filter((n) => !moving.has(n.id)),
      ...hidden.filter((n) => n.boardId === frame.boardId),
    ].map((n) => ({ x: n.x, y: n.y }));
    const { spots, grow } = dropIntoFrame(
      frame,
      lying,
      dropped.map((d) => d.at),
    );
    if (grow && mayResize) landing.grows.set(frame.id, grow);
    dropped.forEach((d, i) => {
      const spot = spots[i];
      if (!spot || (spot.x === d.at.x && spot.y === d.at.y)) return;
      // A spot the frame would have to grow for is no spot for whoever may not resize it.
      if (!mayResize && !noteCentreInside(spot, frame)) return;
      landing.moves.set(d.id, spot);
    });
  }
  return landing;
}
