// Notes dragged onto a cluster join it; dragged out of it, they leave it.
// Whatever moved this person's notes (a drag, arrow keys, a paste), the
// membership follows where the notes now lie. The follow-up change is made
// inside the move's cleanup, within the undo manager's capture time, so one
// undo takes back the move and the membership together.
import { clusterAt } from '@pinnwand/shared/facilitation/membership';
import type { ClusterId, NoteId } from '@pinnwand/shared/model/ids';
import { notesMap } from '@pinnwand/shared/model/schema';
import { assignNotesToCluster, unassignNotes } from '@pinnwand/shared/ops/clusterOps';
import { transact } from '@pinnwand/shared/ops/transact';
import type * as Y from 'yjs';
import type { Editor } from '../editor/Editor.ts';
import { movedNotes } from './movedNotes.ts';

export function watchMembership(editor: Editor): () => void {
  const root = notesMap(editor.doc);
  let pending = new Set<NoteId>();
  let settling = false;

  const settle = () => {
    const ids = [...pending];
    pending = new Set();
    if (editor.readOnly) return;
    const joins = new Map<ClusterId, NoteId[]>();
    const leaves: NoteId[] = [];
    for (const id of ids) {
      const note = editor.index.note(id);
      if (!note) continue;
      const clusters = editor.index.clusters(note.boardId);
      const target = clusterAt(note, clusters);
      if (target === note.clusterId) continue;
      // A note in a cluster of another board (or a deleted one) is left alone.
      if (note.clusterId && !clusters.some((c) => c.id === note.clusterId) && !target) continue;
      if (target) joins.set(target, [...(joins.get(target) ?? []), id]);
      else leaves.push(id);
    }
    if (joins.size === 0 && leaves.length === 0) return;
    transact(editor.doc, editor.origin, () => {
      for (const [clusterId, noteIds] of joins)
        assignNotesToCluster(editor.doc, clusterId, noteIds, editor.origin, {
          keepPositions: true,
        });
      if (leaves.length > 0) unassignNotes(editor.doc, leaves, editor.origin);
    });
  };

  const onTransaction = (tr: Y.Transaction) => {
    if (tr.origin !== editor.origin) return;
    // Newly written notes (e.g. a double-click inside a frame) join where they land.
    for (const id of movedNotes(tr, root)) pending.add(id);
    // At once, while Yjs is still cleaning up the move: the follow-up transaction
    // then lands before the caller's stopCapturing(), in the move's undo step.
    if (pending.size > 0 && !settling) {
      settling = true;
      try {
        settle();
      } finally {
        settling = false;
      }
    }
  };
  editor.doc.on('afterTransaction', onTransaction);
  return () => editor.doc.off('afterTransaction', onTransaction);
}
