// The layer over the canvas's top that holds the banners (connection lost,
// read-only, the facilitation bar). It lies over the board instead of pushing
// it down: a banner that comes or goes never resizes or moves the stage, so
// no note jumps from under the pointer. Its height is kept in
// `editor.canvas.topInset`, so fitting the board into view, and showing the
// facilitator's view to those who follow (follow/follow.ts), leaves it free.
import { type ReactNode, useLayoutEffect, useRef } from 'react';
import type { Editor } from '../editor/Editor.ts';

export function BoardBanners({ editor, children }: { editor: Editor; children: ReactNode }) {
  const layer = useRef<HTMLDivElement>(null);
  // A layout effect: measured before the canvas fits a board it opens (a passive effect).
  useLayoutEffect(() => {
    const el = layer.current;
    if (!el) return;
    const measure = () => editor.canvas.topInset.set(Math.round(el.getBoundingClientRect().height));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => {
      observer.disconnect();
      editor.canvas.topInset.set(0);
    };
  }, [editor]);
  return (
    <div ref={layer} className="board-banners">
      {children}
    </div>
  );
}
