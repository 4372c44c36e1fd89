// A board with nothing on it says how to begin, over the canvas (it takes no
// pointer events, so the double-click it suggests reaches the canvas).
import type { BoardId } from '@pinnwand/shared/model/ids';
import { useSyncExternalStore } from 'react';
import { usePreviewOf } from '../canvas/boardPreviewContent.ts';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useNoteIds } from '../model/useDoc.ts';
import { useStore } from '../ui/store.ts';

export function EmptyBoardHint({ editor, boardId }: { editor: Editor; boardId: BoardId }) {
  const t = useT();
  const ids = useNoteIds(editor.index, boardId);
  // While the server's preview stands in for the document, its notes count.
  const previewed = usePreviewOf(editor, boardId)?.notes.length ?? 0;
  const { readOnly } = useStore(editor.access);
  const hidden = useStore(editor.hidden);
  // This device's hidden notes count as notes here too.
  const hiddenHere = useSyncExternalStore(
    (l) => hidden?.notes.subscribe(l) ?? (() => undefined),
    () => hidden?.notes.all().some((n) => n.boardId === boardId) ?? false,
  );
  if (ids.length > 0 || previewed > 0 || hiddenHere) return null;
  return (
    <p className="empty-board-hint" data-empty-hint>
      {readOnly ? t('board.emptyReadOnly') : t('board.empty')}
    </p>
  );
}
