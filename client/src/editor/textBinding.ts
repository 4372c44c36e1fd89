// The one binding of a <textarea> to a Y.Text (a note being written on the
// canvas, a board's or the workshop's summary). Local input is written as a
// minimal change with this person's origin, so undo covers typing and a
// concurrent edit elsewhere in the text survives. Remote changes replace the
// textarea's value and put the caret back where it was in the text, using Yjs
// relative positions (which move with concurrent inserts and deletes) — except
// while an input method composes: then they wait (composition.ts), and the
// composed text is placed over them when it is committed (textRebase.ts).
// Which text is bound, and whether it may be created on the first keystroke,
// is the target's business.
import type { NoteId } from '@pinnwand/shared/model/ids';
import type { SummaryTarget } from '@pinnwand/shared/model/summary';
import { getNoteText } from '@pinnwand/shared/ops/noteOps';
import { ensureSummaryText, getSummaryText } from '@pinnwand/shared/ops/summaryOps';
import { transact } from '@pinnwand/shared/ops/transact';
import * as Y from 'yjs';
import { Composition } from './composition.ts';
import type { Editor } from './Editor.ts';
import { changeBetween, rebase } from './textRebase.ts';

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
  // The value the textarea was last given (it then matched the Y.Text): local
  // input is the change from it, never from the Y.Text, which may hold
  // others' changes the textarea has not shown yet.
  let shown = ytext?.toString() ?? '';
  const composition = new Composition();
  let writing = false;
  let anchor: Y.RelativePosition | null = null;
  let head: Y.RelativePosition | null = null;

  const remember = () => {
    // Only while the textarea shows the Y.Text are its offsets the Y.Text's.
    if (!ytext || textarea.value !== shown || composition.holding) return;
    anchor = Y.createRelativePositionFromTypeIndex(ytext, textarea.selectionStart);
    head = Y.createRelativePositionFromTypeIndex(ytext, textarea.selectionEnd);
  };
  // Any change this binding did not write is shown: others', undo's, and this
  // person's own from elsewhere (an import into a summary).
  const onRemote = (event: Y.YTextEvent) => {
    if (!ytext || writing) return;
    // Held while the textarea shows a composition not yet written, not for a
    // composition that has changed nothing: a phone keyboard marks the word
    // at the caret as composing as soon as the caret touches it, and others'
    // edits need not wait for a word nobody is typing.
    if (composition.holding || textarea.value !== shown) {
      composition.hold(event.delta);
      return;
    }
    const value = ytext.toString();
    shown = value;
    if (value === textarea.value) return;
    const focused = document.activeElement === textarea;
    textarea.value = value;
    if (!focused || !anchor || !head) return;
    const a = Y.createAbsolutePositionFromRelativePosition(anchor, doc);
    const h = Y.createAbsolutePositionFromRelativePosition(head, doc);
    if (a && h) textarea.setSelectionRange(a.index, h.index);
  };
  // Writes what was typed since `shown`, placed over the changes held back
  // meanwhile, and shows those.
  const sync = () => {
    if (!ytext) {
      ytext = target.ensure(doc, origin);
      ytext?.observe(onRemote);
    }
    const text = ytext;
    if (!text) return;
    const { selectionStart, selectionEnd, selectionDirection } = textarea;
    const typed = changeBetween(shown, textarea.value, selectionEnd);
    const change = rebase(typed ?? { at: 0, remove: 0, insert: '' }, composition.release());
    if (typed) {
      writing = true;
      try {
        transact(doc, origin, () => {
          for (let i = change.removals.length - 1; i >= 0; i--) {
            const [from, to] = change.removals[i] ?? [0, 0];
            text.delete(from, to - from);
          }
          if (change.insert) text.insert(change.at, change.insert);
        });
      } finally {
        writing = false;
      }
    }
    shown = text.toString();
    if (shown !== textarea.value) {
      const focused = document.activeElement === textarea;
      textarea.value = shown;
      if (focused) {
        textarea.setSelectionRange(
          change.place(selectionStart),
          change.place(selectionEnd),
          selectionDirection,
        );
      }
    }
    remember();
  };
  // Browsers differ in whether a composition's last input comes before or
  // after compositionend, so the value is taken (and rewritten) a moment
  // later, as ProseMirror does; a composition begun meanwhile takes it along
  // when it ends.
  let ending: ReturnType<typeof setTimeout> | undefined;
  const syncNow = () => {
    clearTimeout(ending);
    ending = undefined;
    sync();
  };
  const onInput = () => {
    if (!composition.active) syncNow();
  };
  const onCompositionStart = () => {
    clearTimeout(ending);
    composition.start();
  };
  const onCompositionEnd = () => {
    composition.end();
    ending = setTimeout(syncNow, 0);
  };
  textarea.value = shown;
  ytext?.observe(onRemote);
  remember();
  textarea.addEventListener('input', onInput);
  textarea.addEventListener('compositionstart', onCompositionStart);
  textarea.addEventListener('compositionend', onCompositionEnd);
  textarea.addEventListener('select', remember);
  textarea.addEventListener('keyup', remember);
  textarea.addEventListener('pointerup', remember);
  return () => {
    // An editor closed mid-composition (taken over, locked) keeps what was typed, as typing does.
    if (composition.active || ending !== undefined) {
      composition.end();
      syncNow();
    }
    textarea.removeEventListener('input', onInput);
    textarea.removeEventListener('compositionstart', onCompositionStart);
    textarea.removeEventListener('compositionend', onCompositionEnd);
    textarea.removeEventListener('select', remember);
    textarea.removeEventListener('keyup', remember);
    textarea.removeEventListener('pointerup', remember);
    ytext?.unobserve(onRemote);
  };
}
