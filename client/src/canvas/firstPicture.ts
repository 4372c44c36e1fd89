// When a board's picture counts as drawn (noteSnapshot.ts). A large board's
// first picture shows its notes as plain cards — a fraction of the work of
// their titles (laid out, hyphenated, filled) — and the picture at the view's
// level of detail follows in a second whole redraw. Only that one is "the
// picture": the document held back behind the server's preview and the
// mounting of note components wait for it (NotesLayer.tsx). The page marks
// both for the cold-load benchmark (e2e/bench/coldload.ts).
import { dismissEarlyCards } from './earlyCards.ts';
import type { NoteDetail } from './useViewRect.ts';

/**
 * A board with more notes than this shows them as plain cards first; a
 * smaller one is drawn whole within a frame or two, where cards without
 * their text would only flicker.
 */
const CARDS_FIRST_NOTES = 500;

export class FirstPicture {
  private waiting: (() => void)[] = [];
  /** Whether the picture at the view's level has been shown since the last reset. */
  private pictured = false;
  /** Whether the page has marked its first cards and its first whole picture. */
  private static marked = { cards: false, whole: false };

  /** Nothing drawn counts any more (a new board, another screen). */
  reset(): void {
    this.pictured = false;
  }

  get done(): boolean {
    return this.pictured;
  }

  /** The level to draw the first picture of `notes` notes at, for a view that wants `wanted`. */
  firstLevel(notes: number, wanted: NoteDetail): NoteDetail {
    return notes > CARDS_FIRST_NOTES ? 'card' : wanted;
  }

  /** Calls `fn` once the picture is on screen (at once if it is and `current`). */
  when(fn: () => void, current: boolean): () => void {
    if (current && this.pictured) {
      fn();
      return () => undefined;
    }
    this.waiting.push(fn);
    return () => {
      this.waiting = this.waiting.filter((f) => f !== fn);
    };
  }

  /**
   * A whole redraw of `notes` notes at `level` is being shown, in a view that
   * wants `wanted`. Returns false for the first picture's cards (the view's
   * level is still to come), true for the picture.
   */
  shown(level: NoteDetail, wanted: NoteDetail, notes: number): boolean {
    const marks = FirstPicture.marked;
    if (notes > 0 && !marks.cards) {
      marks.cards = true;
      // The cards drawn before the board's code had loaded are now these.
      dismissEarlyCards();
      if (performance.getEntriesByName('pinnwand:notes-placed').length === 0)
        performance.mark('pinnwand:notes-placed', { detail: { notes } });
    }
    if (!this.pictured && level !== wanted) return false;
    this.pictured = true;
    if (notes > 0 && !marks.whole) {
      marks.whole = true;
      performance.mark('pinnwand:board-drawn', { detail: { notes } });
    }
    const waiting = this.waiting;
    this.waiting = [];
    for (const fn of waiting) fn();
    return true;
  }
}
