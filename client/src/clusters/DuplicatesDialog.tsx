// "Duplikate finden": near-identical notes of the board, offered group by
// group for merging. Per group the facilitator chooses which text stays (one
// note's, as it is) or to combine the differing texts explicitly; the merged
// note takes the others' authors and votes, and they are deleted (one undo
// step). The percentage says how much of the letter sequences the notes
// share; 100 % only for identical texts, which are shown once (nothing to choose).
import { findDuplicates, similarityPercent } from '@pinnwand/shared/cluster/findDuplicates';
import type { MergeText } from '@pinnwand/shared/facilitation/mergeNotes';
import type { BoardId, NoteId } from '@pinnwand/shared/model/ids';
import { useMemo, useState } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { say } from '../facilitation/facilitation.ts';
import { facilitationMessages } from '../facilitation/messages.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Dialog } from '../ui/Dialog.tsx';

export function DuplicatesDialog({
  editor,
  boardId,
  onClose,
}: {
  editor: Editor;
  boardId: BoardId;
  onClose(): void;
}) {
  const ft = useT(facilitationMessages);
  const board = editor.index.boards().find((b) => b.id === boardId);
  const notes = useMemo(
    () => editor.index.notes(boardId).filter((n) => n.text.trim() !== ''),
    [editor, boardId],
  );
  const byId = useMemo(() => new Map(notes.map((n) => [n.id, n])), [notes]);
  const [groups, setGroups] = useState(() =>
    findDuplicates(notes.map((n) => ({ id: n.id, text: n.text }))).map((g, key) => ({ ...g, key })),
  );
  // Per group: the id of the note whose text stays, or 'combine'.
  const [choices, setChoices] = useState<Record<number, NoteId | 'combine'>>({});
  const sameTextBy = (ids: readonly NoteId[]) => {
    const authors = [...new Set(ids.map((id) => byId.get(id)?.author.trim() ?? ''))].filter(
      Boolean,
    );
    return authors.length > 0
      ? ft('dup.sameTextBy', { count: ids.length, authors: authors.join(', ') })
      : ft('dup.sameText', { count: ids.length });
  };
  const merge = (key: number, ids: NoteId[]) => {
    const chosen = choices[key] ?? ids[0]!;
    const text: MergeText = chosen === 'combine' ? 'combine' : { keep: chosen };
    if (!editor.commands.run(editor, 'notes.merge', { ids, text })) return;
    say(editor, 'dup.merged');
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
            <li
              key={g.key}
              className="suggestion"
              data-duplicate={g.key}
              data-size={g.noteIds.length}
            >
              {g.identical ? (
                // Nothing to choose between the same text: it is shown once, with who wrote it.
                <div className="dup-choice">
                  <span className="suggestion-note-text">{byId.get(g.noteIds[0]!)?.text}</span>
                  <span className="muted small">{sameTextBy(g.noteIds)}</span>
                </div>
              ) : (
                <fieldset className="dup-choice">
                  <legend className="small">{ft('dup.keepWhich')}</legend>
                  {g.noteIds.map((id, i) => (
                    <label key={id} className="dup-option">
                      <input
                        type="radio"
                        name={`dup-${g.key}`}
                        checked={(choices[g.key] ?? g.noteIds[0]) === id}
                        onChange={() => setChoices((c) => ({ ...c, [g.key]: id }))}
                        data-keep={i}
                      />
                      <span className="suggestion-note-text">{byId.get(id)?.text}</span>
                      <span className="muted small suggestion-author">{byId.get(id)?.author}</span>
                    </label>
                  ))}
                  <label className="dup-option">
                    <input
                      type="radio"
                      name={`dup-${g.key}`}
                      checked={choices[g.key] === 'combine'}
                      onChange={() => setChoices((c) => ({ ...c, [g.key]: 'combine' }))}
                      data-keep="combine"
                    />
                    <span>{ft('dup.combine')}</span>
                  </label>
                </fieldset>
              )}
              <div className="row">
                {g.identical ? null : (
                  // Identical texts already say so above ("2 Notizen mit diesem Text").
                  <span className="muted small">
                    {ft('dup.similarity', { percent: similarityPercent(g) })}
                  </span>
                )}
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
