// What the canvas shows of a board while the server's preview stands in for
// the document (sync/boardPreview.ts): its notes and frames come from the
// preview, everything else (presence, editors, tools) from the document as
// ever. One place decides which, for the notes' picture, the frames, the
// empty-board hint and fitting the view.
import type { BoardId, NoteId } from '@pinnwand/shared/model/ids';
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import type { BoardPreview } from '@pinnwand/shared/protocol/http';
import type { Editor } from '../editor/Editor.ts';
import { useStore } from '../ui/store.ts';
import type { Rect } from './viewport.ts';

/** The preview when it shows this board, else null (the document is drawn). */
export function previewOf(editor: Editor, boardId: BoardId): BoardPreview | null {
  const preview = editor.preview.get();
  return preview?.boardId === boardId ? preview : null;
}

export function usePreviewOf(editor: Editor, boardId: BoardId): BoardPreview | null {
  const preview = useStore(editor.preview);
  return preview?.boardId === boardId ? preview : null;
}

/** The rectangles of the board's notes and frames, as shown (what "fit" fits). */
export function shownRects(editor: Editor, boardId: BoardId): Rect[] {
  const preview = previewOf(editor, boardId);
  const notes = preview ? preview.notes : editor.index.notes(boardId);
  const clusters = preview ? preview.clusters : editor.index.clusters(boardId);
  return [
    ...notes.map((n) => ({ x: n.x, y: n.y, width: NOTE_WIDTH, height: NOTE_HEIGHT })),
    ...clusters,
  ];
}

/** The board's note ids in drawing order, from the preview while it is shown. */
export function previewNoteIds(preview: BoardPreview): NoteId[] {
  return preview.notes.map((n) => n.id);
}
