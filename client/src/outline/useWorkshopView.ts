import { readWorkshop, type WorkshopView } from '@pinnwand/shared/read/workshopView';
import { useEffect, useState } from 'react';
import type { Editor } from '../editor/Editor.ts';

const THROTTLE_MS = 120;

/**
 * The whole workshop as an ordered snapshot, re-read at most every 120 ms
 * while changes stream in (typing elsewhere must not make the outline the
 * bottleneck of a large board).
 */
export function useWorkshopView(editor: Editor): WorkshopView {
  const [view, setView] = useState(() => readWorkshop(editor.doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const refresh = () => {
      timer = null;
      last = performance.now();
      setView(readWorkshop(editor.doc));
    };
    const unsubscribe = editor.index.subscribeDoc(() => {
      if (timer) return;
      const wait = Math.max(0, THROTTLE_MS - (performance.now() - last));
      timer = setTimeout(refresh, wait);
    });
    refresh();
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [editor]);
  return view;
}
