// A board with nothing on it says how to begin, over the canvas (it takes no
// pointer events, so the double-click it suggests reaches the canvas). It lies
// over the middle of the board, so it shows only while nothing is there or
// being made: a frame (even one without notes, with its name field open), a
// frame being drawn or a hidden note being written would lie under it.
import type { BoardId } from '@pinnwand/shared/model/ids';
import { useSyncExternalStore } from 'react';
import { usePreviewOf } from '../canvas/boardPreviewContent.ts';
import type { Editor } from '../editor/Editor.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { useClusters, useNoteIds } from '../model/useDoc.ts';
import { useStore } from '../ui/store.ts';

export function EmptyBoardHint({ editor, boardId }: { editor: Editor; boardId: BoardId }) {
  const t = useT();
  const ids = useNoteIds(editor.index, boardId);
  const clusters = useClusters(editor.index, boardId);
  // While the server's preview stands in for the document, its notes and frames count.
  const preview = usePreviewOf(editor, boardId);
  const previewed = (preview?.notes.length ?? 0) + (preview?.clusters.length ?? 0);
  const { readOnly } = useStore(editor.access);
  const drawingFrame = useStore(editor.canvas.tool) === 'cluster';
  const hidden = useStore(editor.hidden);
  // This device's hidden notes count as notes here too, and so does the one being written.
  const hiddenHere = useSyncExternalStore(
    (l) => hidden?.notes.subscribe(l) ?? (() => undefined),
    () => hidden?.notes.all().some((n) => n.boardId === boardId) ?? false,
  );
  const writingHidden = useSyncExternalStore(
    (l) => hidden?.composer.subscribe(l) ?? (() => undefined),
    () => hidden?.composer.get()?.boardId === boardId,
  );
  const made = ids.length > 0 || clusters.length > 0 || previewed > 0 || hiddenHere;
  if (made || writingHidden || drawingFrame) return null;
  return (
    <p className="empty-board-hint" data-empty-hint>
      {readOnly ? t('board.emptyReadOnly') : t('board.empty')}
    </p>
  );
}
