// The current board's title and guiding question, prominent above the canvas.
// Facilitators open the board settings (rename, question, move, delete) here.
import type { Board } from '@pinnwand/shared/model/board';
import { useId, useState } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { submitOnEnter } from './NewBoardDialog.tsx';

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
        <button type="button" className="button small" onClick={() => setEditing(true)}>
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
  const id = useId();
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
      <label htmlFor={`${id}-t`}>{t('boards.titleLabel')}</label>
      <input id={`${id}-t`} value={title} onChange={(e) => setTitle(e.target.value)} />
      <label htmlFor={`${id}-q`}>{t('boards.questionLabel')}</label>
      <textarea
        id={`${id}-q`}
        value={question}
        rows={3}
        onChange={(e) => setQuestion(e.target.value)}
        onKeyDown={submitOnEnter}
      />
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
