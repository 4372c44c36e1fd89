// "Cluster vorschlagen": groups the board's unclustered notes by what they
// say, computed here in the browser (shared/src/cluster), and shows the
// proposal: headings to edit, the shared terms that explain each group, notes
// to take out. Accepting creates all frames in one transaction with this
// person's origin — one undo step.

import { suggestClusters } from '@pinnwand/shared/cluster/suggestClusters';
import type { BoardId, NoteId } from '@pinnwand/shared/model/ids';
import type { Note } from '@pinnwand/shared/model/note';
import { useMemo, useState } from 'react';
import { undoHinted } from '../commands/undoHint.ts';
import { zoomToFit } from '../commands/viewCommands.ts';
import type { Editor } from '../editor/Editor.ts';
import { say } from '../facilitation/facilitation.ts';
import { facilitationMessages } from '../facilitation/messages.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Dialog } from '../ui/Dialog.tsx';

interface Draft {
  key: number;
  title: string;
  noteIds: NoteId[];
  terms: string[];
}

export function unclusteredNotes(editor: Editor, boardId: BoardId): Note[] {
  const clusters = new Set(editor.index.clusters(boardId).map((c) => c.id));
  return editor.index
    .notes(boardId)
    .filter((n) => !(n.clusterId && clusters.has(n.clusterId)) && n.text.trim() !== '');
}

const ACCEPTED = {
  keys: 'suggest.accepted',
  mac: 'suggest.acceptedMac',
  toolbar: 'suggest.acceptedTouch',
} as const;

export function SuggestionsDialog({
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
  const notes = useMemo(() => unclusteredNotes(editor, boardId), [editor, boardId]);
  const byId = useMemo(() => new Map(notes.map((n) => [n.id, n])), [notes]);
  const [drafts, setDrafts] = useState<Draft[]>(() => {
    if (notes.length < 2) return [];
    const result = suggestClusters(notes.map((n) => ({ id: n.id, text: n.text })));
    return result.clusters.map((c, key) => ({
      key,
      title: c.title,
      noteIds: [...c.noteIds],
      terms: c.terms.map((t) => t.text),
    }));
  });
  const leftovers = notes.length - drafts.reduce((sum, d) => sum + d.noteIds.length, 0);

  const update = (key: number, fn: (d: Draft) => Draft | null) =>
    setDrafts((list) => list.flatMap((d) => (d.key === key ? (fn(d) ?? []) : [d])));
  const accept = () => {
    const clusters = drafts
      .filter((d) => d.noteIds.length > 0)
      .map((d) => ({ title: d.title.trim() || ft('cluster.newTitle'), noteIds: d.noteIds }));
    if (clusters.length === 0) return;
    if (!editor.commands.run(editor, 'clusters.accept', { boardId, clusters })) return;
    say(editor, undoHinted(editor, ACCEPTED), { count: clusters.length });
    onClose();
    requestAnimationFrame(() => zoomToFit(editor));
  };

  return (
    <Dialog
      title={ft('suggest.heading', { board: board?.title ?? '' })}
      className="fac-dialog"
      initialFocus="heading"
      onClose={onClose}
    >
      {notes.length >= 2 && (
        <p className="muted small">{ft('suggest.intro', { count: notes.length })}</p>
      )}
      {notes.length < 2 ? (
        <p>{ft('suggest.tooFew')}</p>
      ) : drafts.length === 0 ? (
        <p>{ft('suggest.none')}</p>
      ) : (
        <ol className="suggestions">
          {drafts.map((d) => (
            <li key={d.key} className="suggestion" data-suggestion={d.key}>
              <div className="suggestion-head">
                <label>
                  <span className="visually-hidden">{ft('suggest.titleLabel')}</span>
                  <input
                    className="suggestion-title"
                    value={d.title}
                    onChange={(e) => update(d.key, (x) => ({ ...x, title: e.target.value }))}
                  />
                </label>
                <span className="muted small">
                  {ft('suggest.notes', { count: d.noteIds.length })}
                </span>
                <button
                  type="button"
                  className="link-button danger"
                  onClick={() => update(d.key, () => null)}
                >
                  {ft('suggest.removeCluster')}
                </button>
              </div>
              {d.terms.length > 0 && (
                <p className="suggestion-why small">
                  {ft('suggest.why', { terms: d.terms.join(', ') })}
                </p>
              )}
              <ul className="suggestion-notes">
                {d.noteIds.map((id) => (
                  <li key={id}>
                    <span className="suggestion-note-text">{byId.get(id)?.text ?? ''}</span>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`${ft('suggest.removeNote')}: ${(byId.get(id)?.text ?? '').slice(0, 40)}`}
                      title={ft('suggest.removeNote')}
                      onClick={() =>
                        update(d.key, (x) => {
                          const noteIds = x.noteIds.filter((n) => n !== id);
                          return noteIds.length > 0 ? { ...x, noteIds } : null;
                        })
                      }
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {drafts.length > 0 && leftovers > 0 && (
        <p className="muted small">{ft('suggest.leftovers', { count: leftovers })}</p>
      )}
      <div className="row dialog-actions">
        {drafts.length > 0 && (
          <button
            type="button"
            className="button primary"
            onClick={accept}
            data-action="suggest-accept"
          >
            {ft('suggest.accept', { count: drafts.length })}
          </button>
        )}
        <button type="button" className="button" onClick={onClose}>
          {drafts.length > 0 ? ft('suggest.discard') : ft('dup.close')}
        </button>
      </div>
    </Dialog>
  );
}
