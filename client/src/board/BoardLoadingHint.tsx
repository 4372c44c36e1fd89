// While the server's preview stands in for the document (sync/boardPreview.ts)
// the board looks ready but is not: the gate refuses every change until the
// document is applied (gate/noteGate.ts, 'loading'). A quiet note over the
// canvas says so from the start, instead of only after a refused action, and
// goes when the document is here. Its live region is always in the page, so
// a screen reader hears both the loading and that it is done being said.
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useStore } from '../ui/store.ts';

export function BoardLoadingHint({ editor }: { editor: Editor }) {
  const t = useT();
  const loading = useStore(editor.preview) !== null;
  return (
    <div className="board-loading-region" role="status">
      {loading && (
        <p className="board-loading" data-board-loading>
          <span className="board-loading-spinner" aria-hidden="true" />
          {t('board.loading')}
        </p>
      )}
    </div>
  );
}
