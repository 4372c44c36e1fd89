// Commands on clusters (frames with a heading): add, draw, rename, tidy up,
// dissolve, reorder, and moving notes into or out of a cluster. Frames are
// board structure: facilitators only (the server enforces it too); moving a
// note into a cluster is a note change anyone who may edit the note can make.

import { placeNotesInCluster } from '@pinnwand/shared/facilitation/placeInCluster';
import type { ClusterId, NoteId } from '@pinnwand/shared/model/ids';
import {
  CLUSTER_PADDING,
  DEFAULT_CLUSTER_HEIGHT,
  DEFAULT_CLUSTER_WIDTH,
} from '@pinnwand/shared/model/layout';
import {
  createCluster,
  deleteCluster,
  renameCluster,
  reorderCluster,
  tidyCluster,
  unassignNotes,
} from '@pinnwand/shared/ops/clusterOps';
import { moveNote } from '@pinnwand/shared/ops/noteOps';
import { transact } from '@pinnwand/shared/ops/transact';
import type { AnyCommand, Command } from '../commands/types.ts';
import type { Editor } from '../editor/Editor.ts';
import { viewCentre } from '../editor/placement.ts';
import { facilitationOf } from '../facilitation/facilitation.ts';

export const canEditClusters = (e: Editor): boolean =>
  e.role === 'facilitator' && !e.readOnly && e.boardId.get() !== null;

const stop = (e: Editor) => e.undo.stopCapturing();

/** A new cluster at the view centre, holding the selected notes if any; starts renaming it. */
export const addClusterCommand: Command<{ title?: string; fromSelection?: boolean } | undefined> = {
  id: 'cluster.add',
  label: 'cmd.addCluster',
  shortcuts: [{ key: 'g' }],
  mutates: true,
  enabled: canEditClusters,
  run: (e, input) => {
    const boardId = e.boardId.get();
    if (!boardId) return;
    stop(e);
    const selected = input?.fromSelection === false ? [] : [...e.selection.get()];
    const centre = viewCentre(e);
    const title = input?.title ?? '';
    const id = createCluster(
      e.doc,
      {
        boardId,
        title,
        x: Math.round(centre.x - DEFAULT_CLUSTER_WIDTH / 2),
        y: Math.round(centre.y - DEFAULT_CLUSTER_HEIGHT / 2),
        ...(selected.length > 0 ? { noteIds: selected } : {}),
      },
      e.origin,
    );
    stop(e);
    if (input?.title === undefined) facilitationOf(e)?.renaming.set(id);
  },
};

export const drawClusterCommand: Command = {
  id: 'cluster.draw',
  label: 'cmd.drawCluster',
  shortcuts: [{ key: 'g', shift: true }],
  mutates: true,
  enabled: canEditClusters,
  run: (e) => {
    const f = facilitationOf(e);
    f?.drawingCluster.set(!f.drawingCluster.get());
  },
};

export const renameClusterCommand: Command<{ id: ClusterId; title: string }> = {
  id: 'cluster.rename',
  label: 'boards.rename',
  mutates: true,
  enabled: canEditClusters,
  run: (e, { id, title }) => {
    stop(e);
    renameCluster(e.doc, id, title, e.origin);
    stop(e);
  },
};

export const tidyClusterCommand: Command<ClusterId | undefined> = {
  id: 'cluster.tidy',
  label: 'boards.rename',
  mutates: true,
  enabled: canEditClusters,
  run: (e, id) => {
    const boardId = e.boardId.get();
    if (!boardId) return;
    stop(e);
    const ids = id ? [id] : e.index.clusters(boardId).map((c) => c.id);
    transact(e.doc, e.origin, () => {
      for (const cid of ids) tidyCluster(e.doc, cid, e.origin);
    });
    stop(e);
  },
};

export const deleteClusterCommand: Command<ClusterId> = {
  id: 'cluster.delete',
  label: 'boards.delete',
  mutates: true,
  enabled: canEditClusters,
  run: (e, id) => {
    stop(e);
    deleteCluster(e.doc, id, e.origin);
    stop(e);
  },
};

export const reorderClusterCommand: Command<{ id: ClusterId; by: -1 | 1 }> = {
  id: 'cluster.reorder',
  label: 'boards.moveRight',
  mutates: true,
  enabled: canEditClusters,
  run: (e, { id, by }) => {
    const boardId = e.boardId.get();
    if (!boardId) return;
    const list = e.index.clusters(boardId);
    const at = list.findIndex((c) => c.id === id);
    const to = Math.max(0, Math.min(list.length - 1, at + by));
    if (at >= 0 && to !== at) reorderCluster(e.doc, id, to, e.origin);
  },
};

/** Notes into a cluster (placed in its free grid slots) — from the menu, the outline or a drop. */
export const notesToClusterCommand: Command<{ ids: NoteId[]; clusterId: ClusterId }> = {
  id: 'notes.toCluster',
  label: 'outline.move',
  mutates: true,
  run: (e, { ids, clusterId }) => {
    stop(e);
    placeNotesInCluster(e.doc, clusterId, ids, e.origin);
    stop(e);
  },
};

/** Notes out of their cluster: they are put just below the frame so they visibly leave it. */
export const notesLeaveClusterCommand: Command<NoteId[]> = {
  id: 'notes.leaveCluster',
  label: 'outline.move',
  mutates: true,
  run: (e, ids) => {
    stop(e);
    transact(e.doc, e.origin, () => {
      for (const id of ids) {
        const note = e.index.note(id);
        const cluster = note?.clusterId
          ? e.index.clusters(note.boardId).find((c) => c.id === note.clusterId)
          : undefined;
        if (note && cluster) {
          const y = cluster.y + cluster.height + CLUSTER_PADDING;
          const x = note.x;
          moveNoteTo(e, id, x, y + (ids.indexOf(id) % 3) * 8);
        }
      }
      unassignNotes(e.doc, ids, e.origin);
    });
    stop(e);
  },
};

function moveNoteTo(e: Editor, id: NoteId, x: number, y: number): void {
  moveNote(e.doc, id, { x: Math.round(x), y: Math.round(y) }, e.origin);
}

export const clusterCommands: AnyCommand[] = [
  addClusterCommand,
  drawClusterCommand,
  renameClusterCommand,
  tidyClusterCommand,
  deleteClusterCommand,
  reorderClusterCommand,
  notesToClusterCommand,
  notesLeaveClusterCommand,
];

/**
 * The outline's "move to … › cluster" places the note on a free spot of the
 * frame (see placeNotesInCluster); moves to a board stay the outline's own.
 * Returns the teardown that puts the original command back.
 */
export function placeOutlineMovesInClusters(editor: Editor): () => void {
  const original = editor.commands.get('note.moveTo');
  if (!original) return () => undefined;
  editor.commands.register({
    ...original,
    run: (e: Editor, arg: { id: NoteId; to: { kind: string; clusterId?: ClusterId } }) => {
      if (arg.to.kind !== 'cluster' || !arg.to.clusterId) return original.run(e, arg);
      e.commands.run(e, 'notes.toCluster', { ids: [arg.id], clusterId: arg.to.clusterId });
    },
  } as AnyCommand);
  return () => editor.commands.register(original);
}
