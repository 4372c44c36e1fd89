// The gate has just said why a change was refused (a notice); the outline
// repeats it where the person typed.
import type { Editor } from '../editor/Editor.ts';
import { useMessageText, useT } from '../i18n/I18nProvider.tsx';

/** Reads the reason of the refusal the gate has just announced, in this person's language. */
export function useLastRefusal(editor: Editor): () => string {
  const t = useT();
  const noticeText = useMessageText();
  return () => {
    const notice = editor.notices.current.get();
    return notice ? noticeText(notice.message) : t('outline.refused');
  };
}
