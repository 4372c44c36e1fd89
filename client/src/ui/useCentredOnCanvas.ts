// Keeps something floating over the board (a notice) centred on the board's
// canvas, not on the window: on a wide screen the side panel takes the
// window's right part, and a notice centred on the window sat off to the
// right of the board it speaks about, partly over the panel. Where no canvas
// is shown (a phone's outline view) the stylesheet's centring stays.
import { type RefObject, useLayoutEffect } from 'react';

/**
 * Sets the `left` (and the widest it may be) of `ref`'s element, which is
 * `position: fixed` and shifted back by half its width, to the middle of the
 * canvas area beside it. `shown` changes when the canvas may have come or gone
 * (another board, or none yet).
 */
export function useCentredOnCanvas(ref: RefObject<HTMLElement | null>, shown: unknown): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: shown is the trigger to look for the canvas again
  useLayoutEffect(() => {
    const el = ref.current;
    const area = el?.closest('.board-main')?.querySelector('.canvas-area') ?? null;
    if (!el || !area) return;
    const place = () => {
      const box = area.getBoundingClientRect();
      if (box.width === 0) {
        el.style.left = '';
        el.style.maxWidth = '';
        return;
      }
      el.style.left = `${Math.round(box.left + box.width / 2)}px`;
      // A rem of air at either side, as the stylesheet leaves on a phone.
      el.style.maxWidth = `${Math.max(0, Math.round(box.width) - 16)}px`;
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(area);
    window.addEventListener('resize', place);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', place);
      el.style.left = '';
      el.style.maxWidth = '';
    };
  }, [ref, shown]);
}
