// After this facilitator's reveal, every device publishes its hidden notes on
// its own, each at spots that were free for it — blind to what the others
// wrote — so one person's note may land on another's. This device (the one
// whose reveal ended the phase: one actor, so nothing is settled twice or
// differently) moves such notes apart as they arrive, one transaction per
// batch, by the shared rule (settleRevealed). It watches until the next hidden
// phase starts: an author offline at the reveal publishes whenever they return.
import { FACILITATION_META } from '@pinnwand/shared/facilitation/facilitationSettings';
import { settleRevealed } from '@pinnwand/shared/facilitation/settleReveal';
import type { NoteId } from '@pinnwand/shared/model/ids';
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
  let watching = false;
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
    if (hidden) watching = false;
    else if (event.transaction.local) watching = true;
  };
  const onNotes = (event: Y.YMapEvent<unknown>) => {
    if (!watching) return;
    for (const [key, change] of event.changes.keys)
      if (change.action === 'add') arrived.add(key as NoteId);
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
