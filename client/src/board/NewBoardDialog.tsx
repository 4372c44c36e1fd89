// "+ Tafel hinzufügen": asks for the new board's title and guiding question
// before it is created (Enter in the question creates it, Shift+Enter makes a
// new line), so no board called "Neue Tafel" is left to rename.
import { useState } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { BoardFields } from './BoardFields.tsx';

export function NewBoardDialog({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const create = () => {
    editor.commands.run(editor, 'board.add', {
      title: title.trim() || t('boards.newTitle'),
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
        titlePlaceholder={t('boards.newTitle')}
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
