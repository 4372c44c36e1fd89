// This person's hidden notes on a board, in the outline: during hidden writing
// a note written here (or on the canvas) stays on this device until the
// reveal, and whoever works in the outline — on a phone, with a screen reader —
// must see, edit and delete it there, marked as hidden. Once published it
// leaves this list and shows up among the board's notes.
import type { BoardId } from '@pinnwand/shared/model/ids';
import { type FormEvent, useId, useRef, useState, useSyncExternalStore } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { facilitationMessages } from '../facilitation/messages.ts';
import type { HiddenNote } from '../hidden/HiddenNotes.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Icon } from '../ui/Icon.tsx';
import { useStore } from '../ui/store.ts';
import { keepFocusAfterDelete } from './focusAfterDelete.ts';
import { noteLabel } from './labels.ts';
import { OutlineEditForm } from './OutlineEditForm.tsx';
import { useLastRefusal } from './useLastRefusal.ts';

const NONE: HiddenNote[] = [];
const noListener = () => () => {};
const nothing = () => NONE;

/** This device's hidden notes (all boards), re-rendering when they change. */
export function useOwnHiddenNotes(editor: Editor): HiddenNote[] {
  const h = useStore(editor.hidden);
  return useSyncExternalStore(h?.notes.subscribe ?? noListener, h?.notes.all ?? nothing);
}

export function HiddenOutlineNotes({
  editor,
  boardId,
  notes,
}: {
  editor: Editor;
  boardId: BoardId;
  notes: readonly HiddenNote[];
}) {
  const ft = useT(facilitationMessages);
  const mine = notes.filter((n) => n.boardId === boardId);
  const id = useId();
  if (mine.length === 0) return null;
  return (
    <section className="outline-cluster outline-hidden" aria-labelledby={id}>
      <h4 id={id}>
        <Icon name="eyeOff" size={16} className="fac-icon" /> {ft('hidden.outlineHeading')}
      </h4>
      <p className="muted small">{ft('hidden.outlineHint')}</p>
      <ul className="outline-notes">
        {mine.map((note) => (
          <HiddenOutlineNote key={note.id} editor={editor} note={note} />
        ))}
      </ul>
    </section>
  );
}

function HiddenOutlineNote({ editor, note }: { editor: Editor; note: HiddenNote }) {
  const t = useT();
  const ft = useT(facilitationMessages);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.text);
  const [refusal, setRefusal] = useState<string | null>(null);
  const item = useRef<HTMLLIElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  const label = noteLabel(note.text, t('note.empty'));
  const lastRefusal = useLastRefusal(editor);
  const done = () => {
    setEditing(false);
    setRefusal(null);
    requestAnimationFrame(() => editButton.current?.focus());
  };
  // Esc keeps the draft, like everywhere: it saves; only "Abbrechen" drops it.
  const save = (e?: FormEvent) => {
    e?.preventDefault();
    if (draft === note.text) done();
    else if (editor.commands.run(editor, 'hidden.setText', { id: note.id, text: draft })) done();
    else setRefusal(lastRefusal());
  };
  return (
    <li ref={item} className="outline-note outline-note-hidden" data-hidden-id={note.id}>
      {editing ? (
        <OutlineEditForm
          id={id}
          label={ft('hidden.composeLabel')}
          draft={draft}
          onDraft={setDraft}
          save={save}
          discard={done}
        />
      ) : (
        <div className="outline-note-body">
          <Icon name="eyeOff" size={16} className="outline-hidden-mark" />
          <div>
            <p className="outline-text">
              <span className="visually-hidden">{ft('hidden.outlineLabel')}: </span>
              {note.text || <span className="muted">{t('note.empty')}</span>}
            </p>
            <p className="outline-meta" aria-hidden="true">
              {ft('hidden.mark')}
            </p>
          </div>
        </div>
      )}
      {refusal && (
        <p className="outline-refusal" role="alert">
          {refusal}
        </p>
      )}
      {!editing && (
        <div className="outline-actions">
          <button
            ref={editButton}
            type="button"
            className="link-button outline-edit-button"
            aria-label={ft('hidden.editNote', { text: label })}
            onClick={() => {
              setDraft(note.text);
              setRefusal(null);
              setEditing(true);
            }}
          >
            {t('outline.edit')}
          </button>
          <button
            type="button"
            className="link-button danger"
            aria-label={ft('hidden.deleteNote', { text: label })}
            onClick={() => {
              if (item.current) keepFocusAfterDelete(item.current);
              if (!editor.commands.run(editor, 'hidden.delete', note.id)) setRefusal(lastRefusal());
            }}
          >
            {t('outline.delete')}
          </button>
        </div>
      )}
    </li>
  );
}
