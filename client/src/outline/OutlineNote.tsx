// One note in the outline: its text, and buttons to edit, move and delete it.
// Everything is a real form control, so it works with keyboard and screen reader.

import { isNoteColor, NOTE_COLOR_HEX } from '@pinnwand/shared/model/colors';
import type { BoardId, ClusterId } from '@pinnwand/shared/model/ids';
import type { Note } from '@pinnwand/shared/model/note';
import type { BoardView } from '@pinnwand/shared/read/workshopView';
import { type FormEvent, Fragment, memo, useEffect, useId, useRef, useState } from 'react';
import { WriterPromptBody } from '../canvas/WriterPrompt.tsx';
import type { MoveTarget } from '../commands/outlineCommands.ts';
import type { Editor } from '../editor/Editor.ts';
import { typed } from '../editor/writers.ts';
import { mayMoveNotes } from '../gate/noteGate.ts';
import { revealNote } from '../gate/placement.ts';
import type { NoteRightsJudge } from '../gate/useNoteRights.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useStoreSelect } from '../ui/store.ts';
import { useVoteTotalsShown } from '../voting/useVoteTotals.ts';
import { keepFocusAfterDelete } from './focusAfterDelete.ts';
import { focusNoteItem, moveTargetLabel, noteLabel } from './labels.ts';
import { OutlineEditForm } from './OutlineEditForm.tsx';
import { useLastRefusal } from './useLastRefusal.ts';

interface Props {
  editor: Editor;
  note: Note;
  /** Read when the move form opens; a stable holder so a note does not re-render when others change. */
  boards: { current: BoardView[] };
  /** What the gate allows for notes, judged once for the whole outline (useNoteRightsJudge). */
  rights: NoteRightsJudge;
}

/** Re-render a note only when what it shows changed (the outline re-reads the workshop often). */
function sameNote(a: Props, b: Props): boolean {
  const x = a.note;
  const y = b.note;
  return (
    a.editor === b.editor &&
    a.boards === b.boards &&
    a.rights === b.rights &&
    x.id === y.id &&
    x.text === y.text &&
    x.author === y.author &&
    x.color === y.color &&
    x.votes.total === y.votes.total
  );
}

export const OutlineNote = memo(function OutlineNote({ editor, note, boards, rights }: Props) {
  const t = useT();
  // Editing is a claim like the canvas editor's (one writer per note): the form is
  // open while this note is the one this person writes in from the outline.
  // (Selected: a thousand listed notes do not all re-render when one opens.)
  const writing = useStoreSelect(editor.writing.outline, (id) => id === note.id);
  const prompt = useStoreSelect(editor.writing.prompt, (p) =>
    p?.from === 'outline' && p.id === note.id ? p : null,
  );
  const [moving, setMoving] = useState(false);
  const mode = writing ? 'edit' : moving ? 'move' : 'view';
  const [draft, setDraft] = useState(note.text);
  const draftRef = useRef(draft);
  draftRef.current = draft;
  // The text the form opened with: saving writes the change from it, merged into the
  // note as it is then, so what others wrote meanwhile stays (editor/mergeText.ts).
  const base = useRef(note.text);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [target, setTarget] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);
  const moveButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  const lastRefusal = useLastRefusal(editor);
  // Nothing on a locked board for participants; delete only their own notes.
  const { canEdit, canDelete } = rights(note);
  // Only the places the gate allows are offered: a participant moves someone
  // else's note between the clusters of its board, not onto another board.
  const targetBoards =
    mode === 'move'
      ? boards.current.filter(
          (b) => b.id === note.boardId || mayMoveNotes(editor, [note.id], b.id).allowed.length > 0,
        )
      : [];
  // While a round hides the totals, the outline does not tell them either.
  const votes = useVoteTotalsShown(editor) ? note.votes.total : 0;

  // While the form is open its draft is saved if the note is handed over or freed.
  // The draft starts from the text when the form opens, not on every remote change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!writing) return;
    setDraft(note.text);
    base.current = note.text;
    editor.writing.saveOutlineDraft = () => {
      const text = draftRef.current;
      if (text === base.current) return;
      // Saved while the form stays open (someone waits to take over): what
      // follows is merged onto what was saved, not onto the text it began with.
      if (editor.commands.run(editor, 'note.setText', { id: note.id, text, base: base.current }))
        base.current = text;
    };
    return () => {
      editor.writing.saveOutlineDraft = null;
    };
  }, [editor, writing, note.id]);

  // After a move the note may show up elsewhere (another cluster or board): the copy that
  // is shown takes the focus, so the person stays on the item they acted on.
  const focusWanted = useStoreSelect(editor.outlineFocus, (id) => id === note.id);
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!focusWanted || !item.current) return;
    // The outline is redrawn a moment after the document changes: only the copy at the
    // note's new place takes the focus.
    const now = editor.index.note(note.id);
    if (now?.boardId !== note.boardId || now.clusterId !== note.clusterId) return;
    if (focusNoteItem(item.current)) editor.outlineFocus.set(null);
  });

  const focusLater = (button: { current: HTMLElement | null }) =>
    requestAnimationFrame(() => button.current?.focus());
  const done = () => {
    setRefusal(null);
    if (editor.writing.outline.get() === note.id) editor.writing.outline.set(null);
    setMoving(false);
    focusLater(editButton);
  };
  // Esc keeps the draft, like everywhere: it saves; only "Abbrechen" drops it.
  const save = (e?: FormEvent) => {
    e?.preventDefault();
    // Unchanged here: nothing to write (the note may have changed elsewhere meanwhile).
    if (draft === base.current) {
      done();
      return;
    }
    if (
      editor.commands.run(editor, 'note.setText', { id: note.id, text: draft, base: base.current })
    )
      done();
    // Refused: the form stays with the text to copy, and says why right here.
    else setRefusal(lastRefusal());
  };
  const startEdit = () => {
    setMoving(false);
    setRefusal(null);
    if (!editor.commands.run(editor, 'note.editInOutline', note.id)) setRefusal(lastRefusal());
  };
  const move = (e: FormEvent) => {
    e.preventDefault();
    const [kind, value] = target.split(':');
    if (!value) return;
    const to: MoveTarget =
      kind === 'cluster'
        ? { kind: 'cluster', clusterId: value as ClusterId }
        : { kind: 'board', boardId: value as BoardId };
    if (editor.commands.run(editor, 'note.moveTo', { id: note.id, to })) {
      // The note may now sit elsewhere in the outline: keep the focus on it.
      setMoving(false);
      setRefusal(null);
      editor.outlineFocus.set(note.id);
    } else setRefusal(lastRefusal());
  };
  const label = noteLabel(note.text, t('note.empty'));
  const moveLabel = moveTargetLabel(t, label, target, boards.current);
  const swatch = isNoteColor(note.color) ? NOTE_COLOR_HEX[note.color] : '#ddd';

  return (
    <li
      ref={item}
      className="outline-note"
      data-note-id={note.id}
      // Focusing a note here scrolls the canvas to it.
      onFocus={() => revealNote(editor, note.id)}
    >
      {mode === 'edit' ? (
        <OutlineEditForm
          id={id}
          label={t('outline.editLabel')}
          draft={draft}
          onDraft={(text) => {
            setDraft(text);
            typed(editor, text);
          }}
          save={save}
          discard={done}
        />
      ) : (
        <div className="outline-note-body">
          <span className="outline-swatch" style={{ background: swatch }} aria-hidden="true" />
          <div>
            <p className="outline-text">
              {note.text || <span className="muted">{t('note.empty')}</span>}
            </p>
            <p className="outline-meta">
              {t('outline.noteBy', { author: note.author || '?' })}
              {votes > 0 &&
                ` · ${votes === 1 ? t('note.vote1') : t('note.votes', { count: votes })}`}
            </p>
          </div>
        </div>
      )}
      {refusal && (
        <p className="outline-refusal" role="alert">
          {refusal}
        </p>
      )}
      {prompt && (
        <div className="outline-refusal" role="alert">
          <WriterPromptBody editor={editor} prompt={prompt} />
        </div>
      )}
      {mode === 'move' && (
        <form onSubmit={move} className="row">
          <label htmlFor={`${id}-move`} className="visually-hidden">
            {t('outline.moveToLabel', { text: label })}
          </label>
          <select
            id={`${id}-move`}
            value={target}
            // biome-ignore lint/a11y/noAutofocus: the person just asked to move this note
            autoFocus
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value="">{t('outline.moveTo')} …</option>
            {targetBoards.map((b) => [
              <option key={b.id} value={`board:${b.id}`}>
                {t('outline.boardOption', { board: b.title })}
              </option>,
              ...b.clusters.map((c) => (
                <option key={c.id} value={`cluster:${c.id}`}>
                  {t('outline.clusterOption', { board: b.title, cluster: c.title })}
                </option>
              )),
            ])}
          </select>
          <button
            type="submit"
            className="button small primary"
            disabled={!target}
            aria-label={moveLabel ?? undefined}
          >
            {t('outline.move')}
          </button>
          <button
            type="button"
            className="button small"
            onClick={() => {
              setMoving(false);
              focusLater(moveButton);
            }}
          >
            {t('outline.cancel')}
          </button>
        </form>
      )}
      {canEdit && mode === 'view' && (
        <div className="outline-actions">
          <button
            ref={editButton}
            type="button"
            className="link-button outline-edit-button"
            aria-label={t('outline.editNote', { text: label })}
            onClick={startEdit}
          >
            {t('outline.edit')}
          </button>
          <button
            ref={moveButton}
            type="button"
            className="link-button"
            aria-label={t('outline.moveNote', { text: label })}
            onClick={() => {
              setRefusal(null);
              setMoving(true);
            }}
          >
            {t('outline.move')} …
          </button>
          {canDelete && (
            <button
              type="button"
              className="link-button danger"
              aria-label={t('outline.deleteNote', { text: label })}
              onClick={() => {
                if (item.current) keepFocusAfterDelete(item.current);
                editor.commands.run(editor, 'note.delete', note.id);
              }}
            >
              {t('outline.delete')}
            </button>
          )}
        </div>
      )}
      {mode === 'view' &&
        editor.outlineNoteExtras.map((x) => (
          <Fragment key={x.id}>{x.render(editor, note)}</Fragment>
        ))}
    </li>
  );
}, sameNote);
