// A board's title and guiding question as form fields, for the dialogs that
// create a board and change one. Enter in the question submits the form,
// Shift+Enter makes a new line.
import { useId } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';
import { isComposing } from '../ui/isComposing.ts';

function submitOnEnter(e: React.KeyboardEvent<HTMLTextAreaElement>): void {
  if (e.key !== 'Enter' || e.shiftKey || isComposing(e)) return;
  e.preventDefault();
  e.currentTarget.form?.requestSubmit();
}

export function BoardFields({
  title,
  question,
  onTitle,
  onQuestion,
  titlePlaceholder,
  autofocus = false,
}: {
  title: string;
  question: string;
  onTitle(title: string): void;
  onQuestion(question: string): void;
  titlePlaceholder?: string;
  autofocus?: boolean;
}) {
  const t = useT();
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-t`}>{t('boards.titleLabel')}</label>
      <input
        id={`${id}-t`}
        value={title}
        placeholder={titlePlaceholder}
        onChange={(e) => onTitle(e.target.value)}
        data-autofocus={autofocus || undefined}
      />
      <label htmlFor={`${id}-q`}>{t('boards.questionLabel')}</label>
      <textarea
        id={`${id}-q`}
        value={question}
        rows={3}
        onChange={(e) => onQuestion(e.target.value)}
        onKeyDown={submitOnEnter}
      />
    </>
  );
}
