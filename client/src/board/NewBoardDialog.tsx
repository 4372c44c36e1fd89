// "+ Tafel hinzufügen": asks for the new board's title and guiding question
// before it is created (Enter in the question creates it, Shift+Enter makes a
// new line); left without a title it is numbered after the others ("Tafel 2"
// beside a blank workshop's "Tafel 1": defaultBoardTitle.ts).
import { useState } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useBoards } from '../model/useDoc.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { BoardFields } from './BoardFields.tsx';
import { defaultBoardTitle } from './defaultBoardTitle.ts';

export function NewBoardDialog({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const boards = useBoards(editor.index);
  const untitled = defaultBoardTitle(
    boards.map((b) => b.title),
    (number) => t('boards.newTitle', { number }),
  );
  const create = () => {
    editor.commands.run(editor, 'board.add', {
      title: title.trim() || untitled,
      question: question.trim(),
    });
    onClose();
  };
  return (
    <Dialog title={t('boards.add')} onClose={onClose} onSubmit={create}>
      <BoardFields
        title={title}
        question={question}
        onTitle={setTitle}
        onQuestion={setQuestion}
        titlePlaceholder={untitled}
        autofocus
      />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('outline.cancel')}
        </button>
        <button type="submit" className="button primary">
          {t('boards.create')}
        </button>
      </div>
    </Dialog>
  );
}
