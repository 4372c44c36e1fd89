// Two people dropping notes onto the same free spot of a cluster frame at the
// same moment: each device found the spot free in its own copy
// (notes.translate, gate/placement.ts `spotsInFrames`), so once the documents
// merge one note covers the other. Settled here, after the fact, by the
// devices that dropped: when another person's move arrives that covers a note
// this device dropped into a frame in the last few seconds, one of the two
// yields — the one with the larger id, so both devices reach the same answer
// and only the device that dropped it moves it — to the nearest free spot in
// the frame, by the drop's own rule. Like the reveal's settling
// (hidden/revealSettling.ts), the move is not this person's undo step:
// Ctrl+Z must not stack the notes again. A note nudged onto another never
// jumps: only the freshly dropped note under it may move aside.
import { clusterAt } from '@pinnwand/shared/facilitation/membership';
import type { NoteId } from '@pinnwand/shared/model/ids';
import { IMPORT_ORIGIN } from '@pinnwand/shared/model/origin';
import { notesMap } from '@pinnwand/shared/model/schema';
import { moveNote } from '@pinnwand/shared/ops/noteOps';
import { transact } from '@pinnwand/shared/ops/transact';
import { noteRect, rectsOverlap } from '@pinnwand/shared/placement/freeSpace';
import type * as Y from 'yjs';
import type { Editor } from '../editor/Editor.ts';
import { mayMoveNotes } from '../gate/noteGate.ts';
import { spotsInFrames } from '../gate/placement.ts';
import { movedNotes } from './movedNotes.ts';

/** How long after a drop another person's note may still have been dropped blind to it. */
const CONCURRENT_MS = 5000;

/** Starts watching for drops that crossed someone else's; returns the teardown. */
export function settleConcurrentDrops(editor: Editor): () => void {
  const root = notesMap(editor.doc);
  /** Notes this device moved into a frame, and when. */
  const dropped = new Map<NoteId, number>();
  let pending: Set<NoteId> | null = null;

  const inFrame = (id: NoteId) => {
    const note = editor.index.note(id);
    return !!note && clusterAt(note, editor.index.clusters(note.boardId)) !== null;
  };

  const settle = () => {
    const yielding = [...(pending ?? [])];
    pending = null;
    if (editor.readOnly) return;
    // One at a time, each judged with the ones moved before it in place.
    for (const id of mayMoveNotes(editor, yielding).allowed) {
      const spot = spotsInFrames(editor, [id], { x: 0, y: 0 }).moves.get(id);
      if (!spot) continue;
      transact(editor.doc, IMPORT_ORIGIN, () => moveNote(editor.doc, id, spot, IMPORT_ORIGIN));
      dropped.set(id, Date.now());
    }
  };

  const onTransaction = (tr: Y.Transaction) => {
    if (tr.origin === IMPORT_ORIGIN) return;
    const moved = movedNotes(tr, root);
    if (moved.size === 0) return;
    const now = Date.now();
    if (tr.origin === editor.origin) {
      for (const id of moved) if (inFrame(id)) dropped.set(id, now);
      return;
    }
    if (tr.local) return;
    for (const [id, at] of dropped) if (now - at > CONCURRENT_MS) dropped.delete(id);
    for (const [mine] of dropped) {
      const note = editor.index.note(mine);
      if (!note) continue;
      for (const theirs of moved) {
        const other = editor.index.note(theirs);
        // The larger id yields, the same on every device; the other device moves its own.
        if (!other || other.boardId !== note.boardId || mine <= theirs) continue;
        if (!rectsOverlap(noteRect(note), noteRect(other))) continue;
        if (!pending) {
          pending = new Set();
          // After the transaction that brought it: a move of its own.
          setTimeout(settle, 0);
        }
        pending.add(mine);
      }
    }
  };
  editor.doc.on('afterTransaction', onTransaction);
  return () => editor.doc.off('afterTransaction', onTransaction);
}
