// The current board's title and guiding question, prominent above the canvas.
// Facilitators open the board settings (rename, question, move, delete) here.
import type { Board } from '@pinnwand/shared/model/board';
import { useRef, useState } from 'react';
import { mayOpenBoardDialog } from '../commands/boardCommands.ts';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useBoards } from '../model/useDoc.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { BoardFields } from './BoardFields.tsx';

export function BoardHeading({ editor, board }: { editor: Editor; board: Board }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const isFacilitator = editor.role === 'facilitator';
  return (
    <div className="board-heading">
      <div className="board-heading-text">
        <h2>{board.title}</h2>
        {board.question && <p className="question">{board.question}</p>}
      </div>
      {isFacilitator && (
        <button
          type="button"
          className="button small"
          onClick={() => setEditing(mayOpenBoardDialog(editor))}
        >
          {t('boards.rename')}
        </button>
      )}
      {editing && <BoardSettings editor={editor} board={board} onClose={() => setEditing(false)} />}
    </div>
  );
}

function BoardSettings({
  editor,
  board,
  onClose,
}: {
  editor: Editor;
  board: Board;
  onClose(): void;
}) {
  const t = useT();
  const [title, setTitle] = useState(board.title);
  const [question, setQuestion] = useState(board.question);
  // The first board cannot go further left, the last no further right: their
  // buttons are off rather than doing nothing when pressed.
  const boards = useBoards(editor.index);
  const at = boards.findIndex((b) => b.id === board.id);
  const left = useRef<HTMLButtonElement>(null);
  const right = useRef<HTMLButtonElement>(null);
  const move = (by: -1 | 1) => {
    editor.commands.run(editor, 'board.move', { boardId: board.id, by });
    // A move to the end turns its own button off: the keyboard's focus goes to
    // the other, once it has rendered (it may have been off itself until now).
    const end = by < 0 ? at + by === 0 : at + by === boards.length - 1;
    const other = by < 0 ? right : left;
    if (end) requestAnimationFrame(() => other.current?.focus());
  };
  const save = () => {
    editor.commands.run(editor, 'board.rename', {
      boardId: board.id,
      title: title.trim() || board.title,
      question,
    });
    onClose();
  };
  const remove = () => {
    if (window.confirm(t('boards.deleteConfirm', { title: board.title }))) {
      editor.commands.run(editor, 'board.delete', board.id);
      onClose();
    }
  };
  return (
    <Dialog title={t('boards.rename')} onClose={onClose} onSubmit={save}>
      <BoardFields title={title} question={question} onTitle={setTitle} onQuestion={setQuestion} />
      <div className="dialog-actions spread">
        <div>
          <button
            type="button"
            className="button"
            ref={left}
            disabled={at <= 0}
            onClick={() => move(-1)}
          >
            ← {t('boards.moveLeft')}
          </button>{' '}
          <button
            type="button"
            className="button"
            ref={right}
            disabled={at < 0 || at === boards.length - 1}
            onClick={() => move(1)}
          >
            {t('boards.moveRight')} →
          </button>
        </div>
        <button type="button" className="button danger" onClick={remove}>
          {t('boards.delete')}
        </button>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('outline.cancel')}
        </button>
        <button type="submit" className="button primary">
          {t('boards.save')}
        </button>
      </div>
    </Dialog>
  );
}
