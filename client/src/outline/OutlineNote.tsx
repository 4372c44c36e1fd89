// One note in the outline: its text, and buttons to edit, move and delete it.
// Everything is a real form control, so it works with keyboard and screen reader.

import { isNoteColor, NOTE_COLOR_HEX } from '@pinnwand/shared/model/colors';
import type { BoardId, ClusterId } from '@pinnwand/shared/model/ids';
import type { Note } from '@pinnwand/shared/model/note';
import type { BoardView } from '@pinnwand/shared/read/workshopView';
import { type FormEvent, Fragment, memo, useId, useRef, useState } from 'react';
import type { MoveTarget } from '../commands/outlineCommands.ts';
import type { Editor } from '../editor/Editor.ts';
import { revealNote } from '../gate/placement.ts';
import { useNoteRights } from '../gate/useNoteRights.ts';
import { useT } from '../i18n/I18nProvider.tsx';

interface Props {
  editor: Editor;
  note: Note;
  /** Read when the move form opens; a stable holder so a note does not re-render when others change. */
  boards: { current: BoardView[] };
}

/** Re-render a note only when what it shows changed (the outline re-reads the workshop often). */
function sameNote(a: Props, b: Props): boolean {
  const x = a.note;
  const y = b.note;
  return (
    a.editor === b.editor &&
    a.boards === b.boards &&
    x.id === y.id &&
    x.text === y.text &&
    x.author === y.author &&
    x.color === y.color &&
    x.votes.total === y.votes.total
  );
}

export const OutlineNote = memo(function OutlineNote({ editor, note, boards }: Props) {
  const t = useT();
  const [mode, setMode] = useState<'view' | 'edit' | 'move'>('view');
  const [draft, setDraft] = useState(note.text);
  const [target, setTarget] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);
  const id = useId();
  // Nothing on a locked board for participants; delete only their own notes.
  const { canEdit, canDelete } = useNoteRights(editor, note);
  const votes = note.votes.total;

  const done = () => {
    setMode('view');
    requestAnimationFrame(() => editButton.current?.focus());
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    editor.commands.run(editor, 'note.setText', { id: note.id, text: draft });
    done();
  };
  const move = (e: FormEvent) => {
    e.preventDefault();
    const [kind, value] = target.split(':');
    if (!value) return;
    const to: MoveTarget =
      kind === 'cluster'
        ? { kind: 'cluster', clusterId: value as ClusterId }
        : { kind: 'board', boardId: value as BoardId };
    editor.commands.run(editor, 'note.moveTo', { id: note.id, to });
    done();
  };
  const swatch = isNoteColor(note.color) ? NOTE_COLOR_HEX[note.color] : '#ddd';

  return (
    <li
      className="outline-note"
      data-note-id={note.id}
      // Focusing a note here scrolls the canvas to it.
      onFocus={() => revealNote(editor, note.id)}
    >
      {mode === 'edit' ? (
        <form onSubmit={save} className="outline-edit">
          <label htmlFor={`${id}-text`} className="visually-hidden">
            {t('outline.editLabel')}
          </label>
          <textarea
            id={`${id}-text`}
            value={draft}
            rows={Math.min(8, Math.max(2, draft.split('\n').length + 1))}
            // biome-ignore lint/a11y/noAutofocus: the person just asked to edit this text
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                done();
              } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save(e);
            }}
          />
          <div className="row">
            <button type="submit" className="button small primary">
              {t('outline.save')}
            </button>
            <button type="button" className="button small" onClick={done}>
              {t('outline.cancel')}
            </button>
          </div>
        </form>
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
      {mode === 'move' && (
        <form onSubmit={move} className="row">
          <label htmlFor={`${id}-move`} className="visually-hidden">
            {t('outline.moveToLabel')}
          </label>
          <select
            id={`${id}-move`}
            value={target}
            // biome-ignore lint/a11y/noAutofocus: the person just asked to move this note
            autoFocus
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value="">{t('outline.moveTo')} …</option>
            {boards.current.map((b) => [
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
          <button type="submit" className="button small primary" disabled={!target}>
            {t('outline.move')}
          </button>
          <button type="button" className="button small" onClick={done}>
            {t('outline.cancel')}
          </button>
        </form>
      )}
      {canEdit && mode === 'view' && (
        <div className="outline-actions">
          <button
            ref={editButton}
            type="button"
            className="link-button"
            aria-label={`${t('outline.edit')}: ${note.text.slice(0, 40)}`}
            onClick={() => {
              setDraft(note.text);
              setMode('edit');
            }}
          >
            {t('outline.edit')}
          </button>
          <button
            type="button"
            className="link-button"
            aria-label={`${t('outline.moveTo')}: ${note.text.slice(0, 40)}`}
            onClick={() => setMode('move')}
          >
            {t('outline.move')} …
          </button>
          {canDelete && (
            <button
              type="button"
              className="link-button danger"
              aria-label={`${t('outline.delete')}: ${note.text.slice(0, 40)}`}
              onClick={() => editor.commands.run(editor, 'note.delete', note.id)}
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
