// The outline: boards → clusters → notes as plain HTML lists. It is the
// accessible equivalent of the canvas and the comfortable view on a phone.
import { NOTE_TEXT_MAX } from '@pinnwand/shared/model/note';
import type { BoardView } from '@pinnwand/shared/read/workshopView';
import { type FormEvent, useDeferredValue, useId, useRef, useState } from 'react';
import { selectBoard } from '../commands/boardCommands.ts';
import type { Editor } from '../editor/Editor.ts';
import { facilitationMessages } from '../facilitation/messages.ts';
import { type CreateVerdict, mayCreateNotes } from '../gate/noteGate.ts';
import { type NoteRightsJudge, useNoteRightsJudge } from '../gate/useNoteRights.ts';
import type { HiddenNote } from '../hidden/HiddenNotes.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { isComposing } from '../ui/isComposing.ts';
import { useStore } from '../ui/store.ts';
import { HiddenOutlineNotes, useOwnHiddenNotes } from './HiddenOutlineNotes.tsx';
import { NoteList } from './NoteList.tsx';
import { useLastRefusal } from './useLastRefusal.ts';
import { type OutlineWorkshop, useWorkshopView } from './useWorkshopView.ts';

/** What the outline shows before its first deferred render. */
const NOTHING_YET: OutlineWorkshop = { boards: [], orphanNotes: [] };

export function OutlineView({ editor }: { editor: Editor }) {
  const t = useT();
  // Rendered in the background (a transition React interrupts for input and
  // frames): a board of a thousand notes draws on the canvas first, and the
  // outline's re-renders never hold up a frame.
  const view = useDeferredValue(useWorkshopView(editor), NOTHING_YET);
  const current = useStore(editor.boardId);
  const rights = useNoteRightsJudge(editor);
  const hidden = useOwnHiddenNotes(editor);
  const boards = useRef(view.boards);
  boards.current = view.boards;
  return (
    <section className="outline" aria-labelledby="outline-h">
      <h2 id="outline-h" className="panel-title">
        {t('outline.heading')}
      </h2>
      {view.boards.map((board) => (
        <OutlineBoard
          key={board.id}
          editor={editor}
          board={board}
          boards={boards}
          rights={rights}
          hidden={hidden}
          current={board.id === current}
        />
      ))}
      {view.orphanNotes.length > 0 && (
        <section className="outline-board">
          <h3>{t('outline.orphans')}</h3>
          <NoteList editor={editor} notes={view.orphanNotes} boards={boards} rights={rights} />
        </section>
      )}
    </section>
  );
}

function OutlineBoard({
  editor,
  board,
  boards,
  rights,
  hidden,
  current,
}: {
  editor: Editor;
  board: BoardView;
  boards: { current: BoardView[] };
  rights: NoteRightsJudge;
  /** This device's hidden notes (all boards): listed apart, and counted, on theirs. */
  hidden: readonly HiddenNote[];
  current: boolean;
}) {
  const t = useT();
  const ft = useT(facilitationMessages);
  const hiddenHere = hidden.filter((n) => n.boardId === board.id).length;
  // The shown board is open; the others are one click (or Enter) away.
  return (
    <details className={`outline-board${current ? ' current' : ''}`} open={current}>
      <summary>
        <h3>{board.title}</h3>
        <span className="outline-count">
          {board.noteCount === 1
            ? t('outline.count1')
            : t('outline.count', { count: board.noteCount })}
          {hiddenHere > 0 && `, ${ft('hidden.outlineCount', { count: hiddenHere })}`}
        </span>
      </summary>
      {board.question && <p className="question small">{board.question}</p>}
      {!current && (
        <button type="button" className="link-button" onClick={() => selectBoard(editor, board.id)}>
          {t('outline.showBoard')}
        </button>
      )}
      {board.clusters.map((cluster) => (
        <section key={cluster.id} className="outline-cluster">
          <h4>{cluster.title.trim() || t('outline.untitledCluster')}</h4>
          <NoteList editor={editor} notes={cluster.notes} boards={boards} rights={rights} />
        </section>
      ))}
      {(board.unclusteredNotes.length > 0 || (board.clusters.length === 0 && hiddenHere === 0)) && (
        <section className="outline-cluster">
          {board.clusters.length > 0 && <h4>{t('outline.unclustered')}</h4>}
          <NoteList
            editor={editor}
            notes={board.unclusteredNotes}
            boards={boards}
            rights={rights}
          />
        </section>
      )}
      <HiddenOutlineNotes editor={editor} boardId={board.id} notes={hidden} />
      {editor.role !== 'viewer' && (
        <AddNote editor={editor} board={board} allowed={mayCreateNotes(editor, board.id)} />
      )}
    </details>
  );
}

/**
 * A new note for this board; shown while the gate allows adding here — and
 * kept with its text (and why it cannot be added) when the board is locked
 * while someone types.
 */
function AddNote({
  editor,
  board,
  allowed,
}: {
  editor: Editor;
  board: BoardView;
  allowed: CreateVerdict;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  // The new note takes its place in reading order, often above the field and
  // out of view (on a phone, mostly): that it is there is said here, where the
  // person looks.
  const [added, setAdded] = useState(false);
  const id = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const lastRefusal = useLastRefusal(editor);
  if (!allowed.allowed && text === '') return null;
  const denied = allowed.allowed ? null : t('outline.lockedKept');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    if (editor.commands.run(editor, 'note.addTo', { boardId: board.id, text: text.trim() })) {
      setText('');
      setRefusal(null);
      setAdded(true);
      // The button goes disabled with the field empty: the focus stays in the field, for the next note.
      field.current?.focus();
      return;
    }
    // Refused (the board was locked meanwhile …): the text stays to copy, the reason is said here.
    setRefusal(lastRefusal());
  };
  return (
    <form className="outline-add" onSubmit={submit}>
      <label htmlFor={id}>{t('outline.newNoteLabel', { board: board.title })}</label>
      <textarea
        maxLength={NOTE_TEXT_MAX}
        ref={field}
        id={id}
        rows={2}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setAdded(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !isComposing(e)) submit(e);
        }}
      />
      {(refusal ?? denied) && (
        <p className="outline-refusal" role="alert">
          {refusal ?? denied}
        </p>
      )}
      <button
        type="submit"
        className="button small primary"
        disabled={!text.trim() || !allowed.allowed}
      >
        {t('outline.add')}
      </button>
      <p className="outline-added muted small" role="status">
        {added ? t('outline.added') : ''}
      </p>
    </form>
  );
}
