// The in-place editor: a textarea laid exactly over the note being edited
// (its text area only: the author line stays visible), scaled with the board,
// bound to the note's Y.Text; it hyphenates in the UI language like the
// canvas. Esc or a click outside ends editing; Ctrl+Z inside goes to this
// person's undo history.

import type { NoteId } from '@pinnwand/shared/model/ids';
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { NOTE_TEXT_MAX } from '@pinnwand/shared/model/note';
import { useEffect, useRef } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { closedUnderWriter } from '../editor/strayTyping.ts';
import { bindTextarea, noteText } from '../editor/textBinding.ts';
import { typed } from '../editor/writers.ts';
import { useI18n, useT } from '../i18n/I18nProvider.tsx';
import { boardMessages, message } from '../i18n/messages.ts';
import { useNote } from '../model/useDoc.ts';
import { isComposing } from '../ui/isComposing.ts';
import { useStore } from '../ui/store.ts';
import {
  FONT_FAMILY,
  NOTE_FOOTER,
  NOTE_LINE_HEIGHT,
  NOTE_PADDING,
  NOTE_TEXT_COLOR,
  noteFill,
  noteFontSize,
} from './noteStyle.ts';

export function NoteEditor({ editor }: { editor: Editor }) {
  const editing = useStore(editor.editing);
  if (!editing || editor.readOnly) return null;
  return <NoteTextarea key={editing} editor={editor} id={editing} />;
}

function NoteTextarea({ editor, id }: { editor: Editor; id: NoteId }) {
  const t = useT();
  const { lang } = useI18n();
  const ref = useRef<HTMLTextAreaElement>(null);
  const note = useNote(editor.index, id);
  const view = useStore(editor.viewport);
  const exists = note !== undefined;

  useEffect(() => {
    const textarea = ref.current;
    if (!textarea || !exists) return;
    const unbind = bindTextarea(editor, noteText(id), textarea);
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    return unbind;
  }, [editor, id, exists]);

  // Undo here may take back the note's own creation: that closes the editor on purpose.
  const undoing = useRef(false);
  useEffect(() => {
    if (exists || editor.editing.get() !== id) return;
    editor.editing.set(null);
    if (undoing.current) return;
    // Deleted by someone else while this person wrote: their last words are in no note now.
    const draft = editor.writing.draft;
    closedUnderWriter(
      editor,
      message(boardMessages, 'writer.deleted'),
      draft?.id === id ? draft.text : '',
    );
  }, [editor, id, exists]);

  if (!note) return null;
  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    // Esc or Enter during an input method's composition cancels or confirms a
    // candidate; Ctrl+Z there is the input method's own.
    if (isComposing(e)) {
      e.stopPropagation();
      return;
    }
    const mod = e.ctrlKey || e.metaKey;
    undoing.current = mod && /^[zy]$/i.test(e.key);
    if (e.key === 'Escape') {
      e.preventDefault();
      editor.editing.set(null);
      ref.current?.closest<HTMLElement>('[data-board-surface]')?.focus({ preventScroll: true });
    } else if (mod && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      if (e.shiftKey) editor.undo.redo();
      else editor.undo.undo();
    } else if (mod && e.key.toLowerCase() === 'y') {
      e.preventDefault();
      editor.undo.redo();
    }
    e.stopPropagation();
  };
  const onBlur = () => {
    // Switching windows is not "clicking outside".
    if (document.hasFocus() && editor.editing.get() === id) editor.editing.set(null);
  };
  return (
    <textarea
      maxLength={NOTE_TEXT_MAX}
      ref={ref}
      className="note-editor"
      aria-label={t('note.editorLabel')}
      spellCheck
      lang={lang}
      onKeyDown={onKeyDown}
      onInput={(e) => typed(editor, e.currentTarget.value)}
      onBlur={onBlur}
      style={{
        left: note.x * view.scale + view.x,
        top: note.y * view.scale + view.y,
        ...editorBox(),
        transform: `scale(${view.scale})`,
        background: noteFill(note.color),
        color: NOTE_TEXT_COLOR,
        fontFamily: FONT_FAMILY,
        fontSize: `${noteFontSize(note.text)}px`,
        lineHeight: NOTE_LINE_HEIGHT,
      }}
    />
  );
}

/**
 * The textarea's box in board units: the note's text area exactly as the
 * canvas draws it (same padding, width and line start), ending above the
 * author line so that stays visible while writing.
 */
export function editorBox(): { width: number; height: number; padding: string } {
  return {
    width: NOTE_WIDTH,
    height: NOTE_HEIGHT - NOTE_FOOTER,
    padding: `${NOTE_PADDING}px ${NOTE_PADDING}px 0`,
  };
}
