// A locked board is read-only for participants: while they look at one, the
// editor is read-only, so commands, the canvas and the outline offer no
// changes (the server refuses them as well). Facilitators keep editing.
import type { Editor } from '../editor/Editor.ts';

const lockedBy = new WeakSet<Editor>();

/** True when the editor is read-only only because the shown board is locked. */
export function readOnlyByLock(editor: Editor): boolean {
  return lockedBy.has(editor);
}

export function currentBoardLocked(editor: Editor): boolean {
  const id = editor.boardId.get();
  return editor.index.boards().some((b) => b.id === id && b.locked);
}

export function startBoardLock(editor: Editor): () => void {
  if (editor.role !== 'participant') return () => undefined;
  const sync = () => {
    const locked = currentBoardLocked(editor);
    if (locked && !editor.readOnly) {
      editor.readOnly = true;
      lockedBy.add(editor);
      editor.editing.set(null);
    } else if (!locked && lockedBy.has(editor)) {
      lockedBy.delete(editor);
      editor.readOnly = editor.readOnlyReason.get() !== null;
    } else return;
    // Re-render the board page so everything reads the new flag.
    editor.ui.update((s) => ({ ...s }));
  };
  const offBoards = editor.index.subscribeBoards(sync);
  const offBoard = editor.boardId.subscribe(sync);
  sync();
  return () => {
    offBoards();
    offBoard();
  };
}
