// After this facilitator's reveal, every device publishes its hidden notes on
// its own, each at spots that were free for it — blind to what the others
// wrote — so one person's note may land on another's. This device (the one
// whose reveal ended the phase: one actor, so nothing is settled twice or
// differently) moves such notes apart as they arrive, one transaction per
// batch, by the shared rule (settleRevealed). Only the publishing batch of
// each person who held hidden notes at the reveal (hiddenHolders.ts; this
// device's own person too): an author offline at the reveal publishes whenever
// they return, and notes written openly after the reveal, pasted or brought
// back by undo stay where their author put them.
import { FACILITATION_META } from '@pinnwand/shared/facilitation/facilitationSettings';
import { settleRevealed } from '@pinnwand/shared/facilitation/settleReveal';
import { entryMap } from '@pinnwand/shared/model/fields';
import type { NoteId } from '@pinnwand/shared/model/ids';
import { NOTE } from '@pinnwand/shared/model/note';
import { IMPORT_ORIGIN } from '@pinnwand/shared/model/origin';
import { metaMap, notesMap } from '@pinnwand/shared/model/schema';
import type * as Y from 'yjs';
import type { Editor } from '../editor/Editor.ts';
import { mayMoveNotes } from '../gate/noteGate.ts';

/** Starts watching for this facilitator's reveals; returns the teardown. */
export function settleAfterReveal(editor: Editor): () => void {
  if (editor.role !== 'facilitator') return () => {};
  const meta = metaMap(editor.doc);
  const notes = notesMap(editor.doc);
  /** Whose publishing batch is still to come (participant ids); empty: not watching. */
  let expected = new Set<string>();
  const arrived = new Set<NoteId>();
  let timer: ReturnType<typeof setTimeout> | null = null;

  const settle = () => {
    timer = null;
    const batch = mayMoveNotes(editor, [...arrived]).allowed;
    arrived.clear();
    // Not the facilitator's undo history: Ctrl+Z must not stack the notes again.
    if (batch.length > 0) settleRevealed(editor.doc, batch, IMPORT_ORIGIN);
  };
  const onMeta = (event: Y.YMapEvent<unknown>) => {
    if (!event.keysChanged.has(FACILITATION_META.hiddenWriting)) return;
    const hidden = meta.get(FACILITATION_META.hiddenWriting) === true;
    if (hidden) expected = new Set();
    else if (event.transaction.local)
      expected = new Set([
        editor.userId,
        ...editor.facilitation.hiddenHolders.get().map((holder) => holder.key),
      ]);
  };
  const onNotes = (event: Y.YMapEvent<unknown>) => {
    if (expected.size === 0) return;
    const authors = new Set<string>();
    for (const [key, change] of event.changes.keys) {
      if (change.action !== 'add') continue;
      const author = entryMap(notes, key)?.get(NOTE.authorId);
      if (typeof author !== 'string' || !expected.has(author)) continue;
      arrived.add(key as NoteId);
      authors.add(author);
    }
    // A person publishes all their hidden notes in one transaction.
    for (const author of authors) expected.delete(author);
    // After the transaction that brought them: a batch is one device's reveal.
    if (arrived.size > 0 && timer === null) timer = setTimeout(settle, 0);
  };
  meta.observe(onMeta);
  notes.observe(onNotes);
  return () => {
    meta.unobserve(onMeta);
    notes.unobserve(onNotes);
    if (timer !== null) clearTimeout(timer);
  };
}
