// Where the notes being dragged will land, shown while they are dragged: a
// note that would cover one lying in a cluster frame goes to a free spot there
// on release (notes.translate, by gate/placement.ts `spotsInFrames`). The
// preview asks the same function about the same notes (those the gate lets
// move) at the same rounded offset as the release, so the outline drawn is
// where the note will lie. Asked on every pointer move of a drag: a board
// without frames costs nothing, and an unchanged answer keeps the store (and
// the drawing) as it is. A frame that grows takes in the loose notes it comes
// to cover (clusters/frameMembers.ts): those are marked too, so the preview
// says what the drop will do to the clusters, not only where notes go.
import { membershipAfterFrameChange } from '@pinnwand/shared/facilitation/membership';
import type { Cluster } from '@pinnwand/shared/model/cluster';
import type { NoteId } from '@pinnwand/shared/model/ids';
import type { Point, Rect } from '@pinnwand/shared/model/layout';
import type { Editor } from '../editor/Editor.ts';
import { mayMoveNotes } from '../gate/noteGate.ts';
import { type FrameLanding, spotsInFrames } from '../gate/placement.ts';

export interface DropLanding {
  /** Top-left corners where dragged notes that move aside will lie. */
  notes: Point[];
  /** Frames that grow to hold them, at their new size. */
  frames: Rect[];
  /** Top-left corners of notes lying outside a cluster that a grown frame takes in. */
  joins: Point[];
}

function sameLanding(a: DropLanding | null, b: DropLanding | null): boolean {
  if (a === b) return true;
  if (
    !a ||
    !b ||
    a.notes.length !== b.notes.length ||
    a.frames.length !== b.frames.length ||
    a.joins.length !== b.joins.length
  )
    return false;
  const samePoint = (p: Point, q: Point | undefined) =>
    q !== undefined && p.x === q.x && p.y === q.y;
  return (
    a.notes.every((p, i) => samePoint(p, b.notes[i])) &&
    a.joins.every((p, i) => samePoint(p, b.joins[i])) &&
    a.frames.every((f, i) => {
      const g = b.frames[i];
      return samePoint(f, g) && f.width === g?.width && f.height === g.height;
    })
  );
}

/** Where `ids`, dragged by (dx, dy) on the shown board, will land when let go; null: where they are drawn. */
export function dropLanding(
  editor: Editor,
  ids: readonly NoteId[],
  dx: number,
  dy: number,
): DropLanding | null {
  const boardId = editor.boardId.get();
  if (!boardId || editor.index.clusters(boardId).length === 0) return null;
  // notes.translate rounds the offset the same way before it asks.
  const delta = { x: Math.round(dx), y: Math.round(dy) };
  const landing = spotsInFrames(editor, mayMoveNotes(editor, ids).allowed, delta);
  if (landing.moves.size === 0 && landing.grows.size === 0) return null;
  const frames: Rect[] = [];
  const after: Cluster[] = [];
  for (const frame of editor.index.clusters(boardId)) {
    const size = landing.grows.get(frame.id);
    if (size) frames.push({ x: frame.x, y: frame.y, ...size });
    after.push(size ? { ...frame, ...size } : frame);
  }
  return {
    notes: [...landing.moves.values()],
    frames,
    joins: joinsOf(editor, after, landing, ids),
  };
}

/** The notes not dragged that the grown frames take in, as the release settles them. */
function joinsOf(
  editor: Editor,
  frames: readonly Cluster[],
  landing: FrameLanding,
  dragged: readonly NoteId[],
): Point[] {
  const boardId = frames[0]?.boardId;
  if (!boardId || landing.grows.size === 0) return [];
  const moving = new Set(dragged);
  const notes = editor.index.notes(boardId).filter((n) => !moving.has(n.id));
  const { joins } = membershipAfterFrameChange(notes, frames, new Set(landing.grows.keys()));
  const joining = mayMoveNotes(editor, [...joins.values()].flat()).allowed;
  return joining.flatMap((id) => {
    const note = editor.index.note(id);
    return note ? [{ x: note.x, y: note.y }] : [];
  });
}

/** Shows where the drag will land (canvasUi `landing`); the store changes only when that does. */
export function previewLanding(
  editor: Editor,
  ids: readonly NoteId[],
  dx: number,
  dy: number,
): void {
  const next = dropLanding(editor, ids, dx, dy);
  if (!sameLanding(editor.canvas.landing.get(), next)) editor.canvas.landing.set(next);
}
