// What lies under a point of the board: the one hit test of the canvas, asked
// by the input pipeline for presses, double-clicks, the context menu and the
// cursor. Geometry over the document (not Konva's hit canvas), topmost first in
// the order things are drawn: this device's hidden notes (drawn over the
// board), notes (the last drawn on top), then cluster frames — their resize
// grip, their heading, their body.
import type { Cluster } from '@pinnwand/shared/model/cluster';
import type { BoardId, ClusterId, NoteId } from '@pinnwand/shared/model/ids';
import { CLUSTER_HEADER, NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import type { Editor } from '../editor/Editor.ts';
import type { Point } from './viewport.ts';

/** Size of the resize grip at a frame's bottom-right corner, in screen pixels. */
export const GRIP = 18;

export type Target =
  | { kind: 'note'; id: NoteId }
  | { kind: 'hiddenNote'; id: string }
  | { kind: 'clusterGrip'; id: ClusterId }
  | { kind: 'clusterHeader'; id: ClusterId }
  | { kind: 'clusterBody'; id: ClusterId }
  | { kind: 'canvas' };

export const CANVAS: Target = Object.freeze({ kind: 'canvas' });

/** What the hit test looks at; read lazily, so a press costs no copy of the board. */
export interface HitScene {
  /** Note ids in drawing order (the last is on top). */
  noteIds: readonly NoteId[];
  note(id: NoteId): Point | undefined;
  hiddenNotes: readonly ({ id: string } & Point)[];
  /** Frames in drawing order. */
  clusters: readonly Cluster[];
  /** Board units per screen pixel are 1/scale: the grip keeps its size on screen. */
  scale: number;
}

function inCard(p: Point, card: Point): boolean {
  return (
    p.x >= card.x && p.x <= card.x + NOTE_WIDTH && p.y >= card.y && p.y <= card.y + NOTE_HEIGHT
  );
}

export function hitTest(scene: HitScene, world: Point): Target {
  for (let i = scene.hiddenNotes.length - 1; i >= 0; i--) {
    const hidden = scene.hiddenNotes[i];
    if (hidden && inCard(world, hidden)) return { kind: 'hiddenNote', id: hidden.id };
  }
  for (let i = scene.noteIds.length - 1; i >= 0; i--) {
    const id = scene.noteIds[i] as NoteId;
    const note = scene.note(id);
    if (note && inCard(world, note)) return { kind: 'note', id };
  }
  const grip = GRIP / scene.scale;
  const slack = 4 / scene.scale;
  for (let i = scene.clusters.length - 1; i >= 0; i--) {
    const c = scene.clusters[i] as Cluster;
    const right = c.x + c.width;
    const bottom = c.y + c.height;
    if (
      world.x >= right - grip &&
      world.x <= right + slack &&
      world.y >= bottom - grip &&
      world.y <= bottom + slack
    )
      return { kind: 'clusterGrip', id: c.id };
    if (world.x < c.x || world.x > right || world.y < c.y || world.y > bottom) continue;
    return { kind: world.y <= c.y + CLUSTER_HEADER ? 'clusterHeader' : 'clusterBody', id: c.id };
  }
  return CANVAS;
}

/** The scene of the board shown in `editor`. */
export function sceneOf(editor: Editor, boardId: BoardId): HitScene {
  const hidden = editor.hidden.get();
  return {
    noteIds: editor.index.noteIds(boardId),
    note: (id) => editor.index.note(id),
    hiddenNotes: hidden ? hidden.notes.all().filter((n) => n.boardId === boardId) : [],
    clusters: editor.index.clusters(boardId),
    scale: editor.viewport.get().scale,
  };
}
