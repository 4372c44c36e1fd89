// Commands on clusters (frames with a heading): add, draw, move, resize,
// rename, tidy up, dissolve, reorder; the facilitator's suggestions and
// duplicate merges; and moving notes into or out of a cluster. Frames are
// board structure, the facilitator's (the gate asks the same rules the server
// enforces); moving a note into a cluster is a note change anyone who may move
// the note can make.
import {
  type AcceptedCluster,
  acceptClusterSuggestions,
} from '@pinnwand/shared/facilitation/applySuggestions';
import { type MergeText, mergeNotes } from '@pinnwand/shared/facilitation/mergeNotes';
import { placeNotesInCluster } from '@pinnwand/shared/facilitation/placeInCluster';
import type { BoardId, ClusterId, NoteId } from '@pinnwand/shared/model/ids';
import {
  CLUSTER_HEADER,
  CLUSTER_PADDING,
  DEFAULT_CLUSTER_HEIGHT,
  DEFAULT_CLUSTER_WIDTH,
  gridFrameSize,
  NOTE_WIDTH,
  squareColumns,
} from '@pinnwand/shared/model/layout';
import {
  createCluster,
  deleteCluster,
  moveCluster,
  renameCluster,
  reorderCluster,
  resizeCluster,
  tidyCluster,
  unassignNotes,
} from '@pinnwand/shared/ops/clusterOps';
import { moveNote } from '@pinnwand/shared/ops/noteOps';
import { transact } from '@pinnwand/shared/ops/transact';
import { separateFrames } from '@pinnwand/shared/placement/freeSpace';
import { getNote, listClusters, listNoteIds } from '@pinnwand/shared/read/lookups';
import { permitted } from '../commands/noteCommands.ts';
import type { AnyCommand, Command } from '../commands/types.ts';
import type { Editor } from '../editor/Editor.ts';
import {
  mayChangeStructure,
  mayDeleteNotes,
  mayEditNotes,
  mayMoveNotes,
} from '../gate/noteGate.ts';
import { freeFrameSpot } from '../gate/placement.ts';
import { settleFrameMembers } from './frameMembers.ts';

/** Smallest frame a resize or a drawn frame leaves. */
export const MIN_CLUSTER = { width: NOTE_WIDTH / 2, height: CLUSTER_HEADER + 40 };

const hasBoard = (e: Editor): boolean => e.boardId.get() !== null;

export const canEditClusters = (e: Editor): boolean =>
  hasBoard(e) && mayChangeStructure(e, 'clusters').allowed;

function clusterById(e: Editor, id: ClusterId) {
  for (const board of e.index.boards()) {
    const found = e.index.clusters(board.id).find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}

/** A new cluster at the view centre, holding the selected notes if any; starts renaming it. */
export const addClusterCommand: Command<{ title?: string; fromSelection?: boolean } | undefined> = {
  id: 'cluster.add',
  label: 'cmd.addCluster',
  shortcuts: [{ key: 'g' }],
  mutates: true,
  enabled: hasBoard,
  gate: (e) => mayChangeStructure(e, 'clusters'),
  run: (e, input) => {
    const boardId = e.boardId.get();
    if (!boardId) return;
    const selected = input?.fromSelection === false ? [] : [...e.selection.get()];
    const title = input?.title ?? '';
    // On free space in view, never over notes or another frame (the selected notes move in).
    const size =
      selected.length > 0
        ? gridFrameSize(squareColumns(selected.length), selected.length)
        : { width: DEFAULT_CLUSTER_WIDTH, height: DEFAULT_CLUSTER_HEIGHT };
    const spot = freeFrameSpot(e, boardId, size, new Set(selected));
    const id = createCluster(
      e.doc,
      {
        boardId,
        title,
        x: spot.x,
        y: spot.y,
        ...(selected.length > 0 ? { noteIds: selected } : {}),
      },
      e.origin,
    );
    if (input?.title === undefined) e.facilitation.renaming.set(id);
  },
};

/** Switches the canvas to the frame-drawing tool (and back). */
export const drawClusterCommand: Command = {
  id: 'cluster.draw',
  label: 'cmd.drawCluster',
  shortcuts: [{ key: 'g', shift: true }],
  mutates: true,
  enabled: hasBoard,
  gate: (e) => mayChangeStructure(e, 'clusters'),
  run: (e) => e.canvas.tool.update((tool) => (tool === 'cluster' ? 'select' : 'cluster')),
};

/**
 * A frame drawn on the canvas: the notes inside it join it where they are
 * (the person drew the frame around them); starts renaming it.
 */
export const createClusterCommand: Command<{
  x: number;
  y: number;
  width: number;
  height: number;
}> = {
  id: 'cluster.create',
  label: 'cmd.addCluster',
  mutates: true,
  enabled: hasBoard,
  gate: (e) => mayChangeStructure(e, 'clusters'),
  run: (e, rect) => {
    const boardId = e.boardId.get();
    if (!boardId) return;
    const frame = {
      x: Math.round(rect.x),
      y: Math.round(rect.y),
      width: Math.round(Math.max(MIN_CLUSTER.width, rect.width)),
      height: Math.round(Math.max(MIN_CLUSTER.height, rect.height)),
    };
    const id = transact(e.doc, e.origin, () => {
      const created = createCluster(e.doc, { boardId, title: '', ...frame }, e.origin);
      settleFrameMembers(e, [created]);
      return created;
    });
    e.facilitation.renaming.set(id);
  },
};

/**
 * Moves a frame with its notes to a new top-left. Loose notes it then covers
 * join it, as they do when the frame is resized or drawn over them: whatever
 * way a frame comes to lie over a note, the note is shown inside it, and the
 * outline must not say otherwise (a whiteboard's frame takes in what it is put
 * over). Its own notes move along and stay; another cluster's notes it comes
 * to cover stay in their cluster (they still lie in it).
 */
export const moveClusterCommand: Command<{ id: ClusterId; x: number; y: number }> = {
  id: 'cluster.move',
  label: 'cmd.moveCluster',
  mutates: true,
  enabled: hasBoard,
  gate: (e) => mayChangeStructure(e, 'clusters'),
  run: (e, { id, x, y }) => {
    transact(e.doc, e.origin, () => {
      moveCluster(e.doc, id, { x: Math.round(x), y: Math.round(y) }, e.origin);
      settleFrameMembers(e, [id]);
    });
  },
};

export const resizeClusterCommand: Command<{ id: ClusterId; width: number; height: number }> = {
  id: 'cluster.resize',
  label: 'cmd.resizeCluster',
  mutates: true,
  enabled: hasBoard,
  gate: (e) => mayChangeStructure(e, 'clusters'),
  run: (e, { id, width, height }) => {
    transact(e.doc, e.origin, () => {
      resizeCluster(
        e.doc,
        id,
        {
          width: Math.round(Math.max(MIN_CLUSTER.width, width)),
          height: Math.round(Math.max(MIN_CLUSTER.height, height)),
        },
        e.origin,
      );
      settleFrameMembers(e, [id]);
    });
  },
};

export const renameClusterCommand: Command<{ id: ClusterId; title: string }> = {
  id: 'cluster.rename',
  label: 'boards.rename',
  mutates: true,
  enabled: hasBoard,
  gate: (e) => mayChangeStructure(e, 'clusters'),
  run: (e, { id, title }) => {
    renameCluster(e.doc, id, title, e.origin);
  },
};

export const tidyClusterCommand: Command<ClusterId | undefined> = {
  id: 'cluster.tidy',
  label: 'boards.rename',
  mutates: true,
  enabled: hasBoard,
  gate: (e) => mayChangeStructure(e, 'clusters'),
  run: (e, id) => {
    const boardId = e.boardId.get();
    if (!boardId) return;
    const ids = id ? [id] : e.index.clusters(boardId).map((c) => c.id);
    transact(e.doc, e.origin, () => {
      for (const cid of ids) tidyCluster(e.doc, cid, e.origin);
      // Tidied frames changed size: none may now cover another frame or a note outside
      // the frames (so no heading or note is hidden); those that would move aside.
      const frames = listClusters(e.doc, boardId);
      const loose = listNoteIds(e.doc, boardId)
        .map((nid) => getNote(e.doc, nid))
        .filter((n) => n !== undefined && !n.clusterId) as { x: number; y: number }[];
      const spots = separateFrames(frames, loose);
      frames.forEach((f, i) => {
        const spot = spots[i];
        if (spot && (spot.x !== f.x || spot.y !== f.y)) moveCluster(e.doc, f.id, spot, e.origin);
      });
    });
  },
};

export const deleteClusterCommand: Command<ClusterId> = {
  id: 'cluster.delete',
  label: 'boards.delete',
  mutates: true,
  enabled: hasBoard,
  gate: (e) => mayChangeStructure(e, 'clusters'),
  run: (e, id) => {
    deleteCluster(e.doc, id, e.origin);
  },
};

export const reorderClusterCommand: Command<{ id: ClusterId; by: -1 | 1 }> = {
  id: 'cluster.reorder',
  label: 'boards.moveRight',
  mutates: true,
  enabled: hasBoard,
  gate: (e) => mayChangeStructure(e, 'clusters'),
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
    const cluster = clusterById(e, clusterId);
    if (!cluster) return;
    const allowed = permitted(e, mayMoveNotes(e, ids, cluster.boardId));
    if (allowed.length > 0) placeNotesInCluster(e.doc, clusterId, allowed, e.origin);
  },
};

/** Notes out of their cluster: they are put just below the frame so they visibly leave it. */
export const notesLeaveClusterCommand: Command<NoteId[]> = {
  id: 'notes.leaveCluster',
  label: 'outline.move',
  mutates: true,
  run: (e, ids) => {
    const allowed = permitted(e, mayMoveNotes(e, ids));
    if (allowed.length === 0) return;
    transact(e.doc, e.origin, () => {
      allowed.forEach((id, i) => {
        const note = e.index.note(id);
        const cluster = note?.clusterId
          ? e.index.clusters(note.boardId).find((c) => c.id === note.clusterId)
          : undefined;
        if (!note || !cluster) return;
        const y = cluster.y + cluster.height + CLUSTER_PADDING + (i % 3) * 8;
        moveNote(e.doc, id, { x: Math.round(note.x), y: Math.round(y) }, e.origin);
      });
      unassignNotes(e.doc, allowed, e.origin);
    });
  },
};

/**
 * "Duplikate finden": one note stays (with the chosen text, or all texts
 * combined) and takes the others' authors and votes; the others are deleted.
 */
export const mergeNotesCommand: Command<{ ids: NoteId[]; text?: MergeText }> = {
  id: 'notes.merge',
  label: 'cmd.mergeNotes',
  mutates: true,
  run: (e, { ids, text }) => {
    const keep = text && text !== 'combine' ? text.keep : ids[0];
    if (!keep) return;
    const kept = permitted(e, mayEditNotes(e, [keep]));
    const gone = permitted(
      e,
      mayDeleteNotes(
        e,
        ids.filter((id) => id !== keep),
      ),
    );
    if (kept.length === 0 || gone.length === 0) return;
    mergeNotes(e.doc, [keep, ...gone], e.origin, text ?? { keep });
  },
};

/** The suggested clusters, accepted as one step. */
export const acceptSuggestionsCommand: Command<{
  boardId: BoardId;
  clusters: AcceptedCluster[];
}> = {
  id: 'clusters.accept',
  label: 'cmd.acceptSuggestions',
  mutates: true,
  enabled: hasBoard,
  gate: (e) => mayChangeStructure(e, 'clusters'),
  run: (e, { boardId, clusters }) => {
    if (clusters.length > 0) acceptClusterSuggestions(e.doc, boardId, clusters, e.origin);
  },
};

export const clusterCommands: AnyCommand[] = [
  addClusterCommand,
  drawClusterCommand,
  createClusterCommand,
  moveClusterCommand,
  resizeClusterCommand,
  renameClusterCommand,
  tidyClusterCommand,
  deleteClusterCommand,
  reorderClusterCommand,
  notesToClusterCommand,
  notesLeaveClusterCommand,
  mergeNotesCommand,
  acceptSuggestionsCommand,
];
