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

/** Below this zoom, text is too small to read: notes are drawn as plain cards. */
export const DETAIL_SCALE = 0.3;

/** Whether notes are drawn with their text at the current zoom (re-renders on crossing only). */
export function useShowsDetail(editor: Editor): boolean {
  const subscribe = useCallback((l: () => void) => editor.viewport.subscribe(l), [editor]);
  return useSyncExternalStore(subscribe, () => editor.viewport.get().scale >= DETAIL_SCALE);
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
