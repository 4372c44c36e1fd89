// "+ Tafel hinzufügen": asks for the new board's title and guiding question
// before it is created (Enter in the question creates it, Shift+Enter makes a
// new line), so no board called "Neue Tafel" is left to rename.
import { useId, useState } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { Dialog } from '../ui/Dialog.tsx';

/** Enter submits the form around a question field; Shift+Enter is a new line. */
export function submitOnEnter(e: React.KeyboardEvent<HTMLTextAreaElement>): void {
  if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return;
  e.preventDefault();
  e.currentTarget.form?.requestSubmit();
}

export function NewBoardDialog({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [question, setQuestion] = useState('');
  const id = useId();
  const create = () => {
    editor.commands.run(editor, 'board.add', {
      title: title.trim() || t('boards.newTitle'),
      question: question.trim(),
    });
    onClose();
  };
  return (
    <Dialog title={t('boards.add')} onClose={onClose} onSubmit={create}>
      <label htmlFor={`${id}-t`}>{t('boards.titleLabel')}</label>
      <input
        id={`${id}-t`}
        value={title}
        placeholder={t('boards.newTitle')}
        onChange={(e) => setTitle(e.target.value)}
        data-autofocus
      />
      <label htmlFor={`${id}-q`}>{t('boards.questionLabel')}</label>
      <textarea
        id={`${id}-q`}
        value={question}
        rows={3}
        onChange={(e) => setQuestion(e.target.value)}
        onKeyDown={submitOnEnter}
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
