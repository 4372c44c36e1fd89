// How far something floating over the board's canvas (the toolbar, a notice)
// reaches up from the canvas's bottom, kept in a store: a view shown for the
// facilitator (follow/follow.ts) is fitted into what is left free. Measured,
// not assumed: a phone's toolbar grows a second row with the colours, a
// notice may wrap.
import { type RefObject, useLayoutEffect } from 'react';
import type { Store } from './store.ts';

/**
 * Keeps `store` at the screen pixels from the top of `ref`'s element down to
 * the canvas's bottom, or at `absent` while the element takes no room (an
 * empty notice region) and once it is gone.
 */
export function useRoomAtBottom(
  ref: RefObject<HTMLElement | null>,
  store: Store<number>,
  absent: number,
): void {
  // A layout effect: measured before a view is fitted to it in the same frame.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const area = el.closest('.board-main')?.querySelector('.canvas-area') ?? null;
    const measure = () => {
      const box = el.getBoundingClientRect();
      if (box.height === 0) {
        store.set(absent);
        return;
      }
      const bottom = area ? area.getBoundingClientRect().bottom : window.innerHeight;
      store.set(Math.max(0, Math.round(bottom - box.top)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (area) observer.observe(area);
    return () => {
      observer.disconnect();
      store.set(absent);
    };
  }, [ref, store, absent]);
}
