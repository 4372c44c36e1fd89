// Binds a <textarea> to a note's Y.Text. Local input is written as a minimal
// diff (shared's setNoteText) with this person's origin, so undo covers typing
// and a concurrent edit elsewhere in the note survives. Remote changes replace
// the textarea's value and put the caret back where it was in the text, using
// Yjs relative positions (which move with concurrent inserts and deletes).
import type { NoteId } from '@pinnwand/shared/model/ids';
import { getNoteText, setNoteText } from '@pinnwand/shared/ops/noteOps';
import * as Y from 'yjs';
import type { Editor } from '../editor/Editor.ts';

export function bindTextarea(
  editor: Editor,
  id: NoteId,
  textarea: HTMLTextAreaElement,
): () => void {
  const ytext = getNoteText(editor.doc, id);
  if (!ytext) return () => undefined;
  textarea.value = ytext.toString();
  let anchor: Y.RelativePosition | null = null;
  let head: Y.RelativePosition | null = null;

  const remember = () => {
    anchor = Y.createRelativePositionFromTypeIndex(ytext, textarea.selectionStart);
    head = Y.createRelativePositionFromTypeIndex(ytext, textarea.selectionEnd);
  };
  const onInput = () => {
    setNoteText(editor.doc, id, textarea.value, editor.origin);
    remember();
  };
  const onRemote = (_event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === editor.origin) return;
    const value = ytext.toString();
    if (value === textarea.value) return;
    const focused = document.activeElement === textarea;
    textarea.value = value;
    if (!focused || !anchor || !head) return;
    const a = Y.createAbsolutePositionFromRelativePosition(anchor, editor.doc);
    const h = Y.createAbsolutePositionFromRelativePosition(head, editor.doc);
    if (a && h) textarea.setSelectionRange(a.index, h.index);
  };
  remember();
  textarea.addEventListener('input', onInput);
  textarea.addEventListener('select', remember);
  textarea.addEventListener('keyup', remember);
  textarea.addEventListener('pointerup', remember);
  ytext.observe(onRemote);
  return () => {
    textarea.removeEventListener('input', onInput);
    textarea.removeEventListener('select', remember);
    textarea.removeEventListener('keyup', remember);
    textarea.removeEventListener('pointerup', remember);
    ytext.unobserve(onRemote);
  };
}
