import { useCallback, useSyncExternalStore } from 'react';
import type { Editor } from '../editor/Editor.ts';
import { intersects, type Rect, visibleRect } from './viewport.ts';

/** Subscribes to viewport and stage size together. */
export function subscribeView(editor: Editor, listener: () => void): () => void {
  const a = editor.viewport.subscribe(listener);
  const b = editor.stageSize.subscribe(listener);
  return () => {
    a();
    b();
  };
}

const MARGIN = 200;

/**
 * How much of a note is drawn at a zoom (level of detail). `detail`: the whole
 * note (text at its size, author, shadow). Further out the text at its size
 * is too small to read, so a note shows its text in large type instead — the
 * first words, as a title — at two sizes, and nothing else but its votes.
 */
export type NoteDetail = 'detail' | 'title' | 'far';
export const NOTE_DETAILS: readonly NoteDetail[] = ['detail', 'title', 'far'];

/** Zoom from which notes are drawn in full. */
export const DETAIL_SCALE = 0.5;
/** Zoom from which titles use the `title` size rather than the `far` one. */
export const TITLE_SCALE = 0.3;

export function detailAt(scale: number): NoteDetail {
  return scale >= DETAIL_SCALE ? 'detail' : scale >= TITLE_SCALE ? 'title' : 'far';
}

/**
 * Re-renders when the zoom crosses into a level of detail for which `wants`
 * says yes (and once more when it stops saying so); returns that level or null.
 */
export function useNoteDetail(
  editor: Editor,
  wants: (level: NoteDetail) => boolean,
): NoteDetail | null {
  const subscribe = useCallback((l: () => void) => editor.viewport.subscribe(l), [editor]);
  return useSyncExternalStore(subscribe, () => {
    const level = detailAt(editor.viewport.get().scale);
    return wants(level) ? level : null;
  });
}

/** Whether `rect` (world) is on screen; re-renders only when the answer changes. */
export function useIsVisible(editor: Editor, rect: Rect | null): boolean {
  const subscribe = useCallback((l: () => void) => subscribeView(editor, l), [editor]);
  return useSyncExternalStore(subscribe, () => {
    if (!rect) return false;
    const view = visibleRect(editor.viewport.get(), editor.stageSize.get());
    return intersects(
      {
        x: view.x - MARGIN,
        y: view.y - MARGIN,
        width: view.width + 2 * MARGIN,
        height: view.height + 2 * MARGIN,
      },
      rect,
    );
  });
}
