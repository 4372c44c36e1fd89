// Whether the view has come to rest. While it pans or zooms, the note
// snapshot (noteSnapshot.ts) keeps its zoom and level of detail (one bitmap
// scaled by the compositor); once the view has been still for SETTLE_MS it is
// redrawn crisp at the current zoom — one redraw per gesture, not per step.
import type { Viewport } from './viewport.ts';

/** After this long without a viewport change the snapshot is redrawn crisp at the current zoom. */
export const SETTLE_MS = 150;

export class ViewSettling {
  private last: Viewport | null = null;
  private still = true;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    /** The view has just come to rest. */
    private readonly onSettled: () => void,
  ) {}

  /** The viewport of the latest frame (null before the first). */
  get lastView(): Viewport | null {
    return this.last;
  }

  get settled(): boolean {
    return this.still;
  }

  /** The viewport of the frame about to be drawn. */
  note(viewport: Viewport): void {
    const last = this.last;
    this.last = viewport;
    if (!last || (last.x === viewport.x && last.y === viewport.y && last.scale === viewport.scale))
      return;
    this.still = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.still = true;
      this.onSettled();
    }, SETTLE_MS);
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
