// "Duplikate finden": near-identical notes of the board, offered group by
// group for merging. Merging keeps the first note, adds the others' differing
// texts, their authors and their votes, and deletes them (one undo step).
import { findDuplicates } from '@pinnwand/shared/cluster/findDuplicates';
import { mergeNotes } from '@pinnwand/shared/facilitation/mergeNotes';
import type { BoardId, NoteId } from '@pinnwand/shared/model/ids';
import { useMemo, useState } from 'react';
import type { Facilitation } from '../facilitation/facilitation.ts';
import { facilitationMessages } from '../facilitation/messages.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Dialog } from '../ui/Dialog.tsx';

export function DuplicatesDialog({
  f,
  boardId,
  onClose,
}: {
  f: Facilitation;
  boardId: BoardId;
  onClose(): void;
}) {
  const ft = useT(facilitationMessages);
  const editor = f.editor;
  const board = editor.index.boards().find((b) => b.id === boardId);
  const notes = useMemo(
    () => editor.index.notes(boardId).filter((n) => n.text.trim() !== ''),
    [editor, boardId],
  );
  const byId = useMemo(() => new Map(notes.map((n) => [n.id, n])), [notes]);
  const [groups, setGroups] = useState(() =>
    findDuplicates(notes.map((n) => ({ id: n.id, text: n.text }))).map((g, key) => ({ ...g, key })),
  );
  const merge = (key: number, ids: NoteId[]) => {
    editor.undo.stopCapturing();
    mergeNotes(editor.doc, ids, editor.origin);
    editor.undo.stopCapturing();
    f.say('dup.merged');
    setGroups((list) => list.filter((g) => g.key !== key));
  };
  return (
    <Dialog
      title={ft('dup.heading', { board: board?.title ?? '' })}
      className="fac-dialog"
      initialFocus="heading"
      onClose={onClose}
    >
      <p className="muted small">{ft('dup.explain')}</p>
      {groups.length === 0 ? (
        <p>{ft('dup.none')}</p>
      ) : (
        <ol className="suggestions">
          {groups.map((g) => (
            <li key={g.key} className="suggestion" data-duplicate={g.key}>
              <ul className="suggestion-notes">
                {g.noteIds.map((id) => (
                  <li key={id}>
                    <span className="suggestion-note-text">{byId.get(id)?.text}</span>
                    <span className="muted small suggestion-author">{byId.get(id)?.author}</span>
                  </li>
                ))}
              </ul>
              <div className="row">
                <span className="muted small">
                  {ft('dup.similarity', { percent: Math.round(g.similarity * 100) })}
                </span>
                <button
                  type="button"
                  className="button small primary"
                  onClick={() => merge(g.key, g.noteIds)}
                >
                  {ft('dup.merge')}
                </button>
                <button
                  type="button"
                  className="button small"
                  onClick={() => setGroups((list) => list.filter((x) => x.key !== g.key))}
                >
                  {ft('dup.skip')}
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
      <div className="row dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {ft('dup.close')}
        </button>
      </div>
    </Dialog>
  );
}
