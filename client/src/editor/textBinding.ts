// The one binding of a <textarea> to a Y.Text (a note being written on the
// canvas, a board's or the workshop's summary). Local input is written as a
// minimal diff (shared's replaceText) with this person's origin, so undo covers
// typing and a concurrent edit elsewhere in the text survives. Remote changes
// replace the textarea's value and put the caret back where it was in the
// text, using Yjs relative positions (which move with concurrent inserts and
// deletes). Which text is bound, and whether it may be created on the first
// keystroke, is the target's business.
import type { NoteId } from '@pinnwand/shared/model/ids';
import type { SummaryTarget } from '@pinnwand/shared/model/summary';
import { getNoteText } from '@pinnwand/shared/ops/noteOps';
import { ensureSummaryText, getSummaryText } from '@pinnwand/shared/ops/summaryOps';
import { replaceText, transact } from '@pinnwand/shared/ops/transact';
import * as Y from 'yjs';
import type { Editor } from './Editor.ts';

export interface TextTarget {
  /** The Y.Text if it exists. */
  find(doc: Y.Doc): Y.Text | undefined;
  /** The Y.Text to write into, created if that is how this text comes to be. */
  ensure(doc: Y.Doc, origin: Editor['origin']): Y.Text | undefined;
}

export function noteText(id: NoteId): TextTarget {
  const find = (doc: Y.Doc) => getNoteText(doc, id);
  return { find, ensure: find };
}

/** A summary's text is created by its first keystroke (see ensureSummaryText). */
export function summaryText(target: SummaryTarget): TextTarget {
  return {
    find: (doc) => getSummaryText(doc, target),
    ensure: (doc, origin) => ensureSummaryText(doc, target, origin),
  };
}

export function bindTextarea(
  editor: Pick<Editor, 'doc' | 'origin'>,
  target: TextTarget,
  textarea: HTMLTextAreaElement,
): () => void {
  const { doc, origin } = editor;
  let ytext = target.find(doc);
  let anchor: Y.RelativePosition | null = null;
  let head: Y.RelativePosition | null = null;

  const remember = () => {
    if (!ytext) return;
    anchor = Y.createRelativePositionFromTypeIndex(ytext, textarea.selectionStart);
    head = Y.createRelativePositionFromTypeIndex(ytext, textarea.selectionEnd);
  };
  const onRemote = (_event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (!ytext || transaction.origin === origin) return;
    const value = ytext.toString();
    if (value === textarea.value) return;
    const focused = document.activeElement === textarea;
    textarea.value = value;
    if (!focused || !anchor || !head) return;
    const a = Y.createAbsolutePositionFromRelativePosition(anchor, doc);
    const h = Y.createAbsolutePositionFromRelativePosition(head, doc);
    if (a && h) textarea.setSelectionRange(a.index, h.index);
  };
  const onInput = () => {
    if (!ytext) {
      ytext = target.ensure(doc, origin);
      ytext?.observe(onRemote);
    }
    const text = ytext;
    if (!text) return;
    transact(doc, origin, () => replaceText(text, textarea.value));
    remember();
  };
  textarea.value = ytext?.toString() ?? '';
  ytext?.observe(onRemote);
  remember();
  textarea.addEventListener('input', onInput);
  textarea.addEventListener('select', remember);
  textarea.addEventListener('keyup', remember);
  textarea.addEventListener('pointerup', remember);
  return () => {
    textarea.removeEventListener('input', onInput);
    textarea.removeEventListener('select', remember);
    textarea.removeEventListener('keyup', remember);
    textarea.removeEventListener('pointerup', remember);
    ytext?.unobserve(onRemote);
  };
}
