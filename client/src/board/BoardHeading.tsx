// The current board's title and guiding question, prominent above the canvas.
// Facilitators open the board settings (rename, question, move, delete) here.
import type { Board } from '@pinnwand/shared/model/board';
import { useState } from 'react';
import { mayOpenBoardDialog } from '../commands/boardCommands.ts';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
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
            onClick={() => editor.commands.run(editor, 'board.move', { boardId: board.id, by: -1 })}
          >
            ← {t('boards.moveLeft')}
          </button>{' '}
          <button
            type="button"
            className="button"
            onClick={() => editor.commands.run(editor, 'board.move', { boardId: board.id, by: 1 })}
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
