// Where the keyboard's focus goes when a note is deleted from the outline: its
// item leaves the page, and with it the focused delete button, which would
// leave the focus on <body> and a keyboard user at the top of the page. The
// next note takes it, else the previous one, else the heading of the board
// the list belongs to.

/** How many frames to wait for the item to leave the page (the outline redraws after the document). */
const FRAMES = 30;

/**
 * Call before deleting the note whose outline item is `item`. Once the item is
 * gone, and only if the focus was lost with it, it moves on. When the deletion
 * was refused the item stays, and so does the focus.
 */
export function keepFocusAfterDelete(item: HTMLElement): void {
  const list = item.parentElement;
  const items = list
    ? [...list.children].filter((el): el is HTMLElement => el.classList.contains('outline-note'))
    : [];
  const at = items.indexOf(item);
  const candidates = [...items.slice(at + 1), ...items.slice(0, Math.max(at, 0)).reverse()]
    .map((el) => el.dataset.noteId)
    .filter((id): id is string => id !== undefined);
  const board = item.closest<HTMLElement>('.outline-board');
  const outline = item.closest<HTMLElement>('.outline');

  const moveOn = (framesLeft: number) => {
    if (item.isConnected) {
      if (framesLeft > 0) requestAnimationFrame(() => moveOn(framesLeft - 1));
      return;
    }
    const active = document.activeElement;
    if (active && active !== document.body) return;
    for (const id of candidates) {
      const next = outline?.querySelector<HTMLElement>(`.outline-note[data-note-id="${id}"]`);
      if (next && focusItem(next)) return;
    }
    focusHeading(board, outline);
  };
  requestAnimationFrame(() => moveOn(FRAMES));
}

/** An item's first button, or the item itself (someone else's note offers none). */
function focusItem(item: HTMLElement): boolean {
  if (item.offsetParent === null) return false;
  const button = item.querySelector<HTMLElement>('button, textarea, select');
  if (button) {
    button.focus();
    return true;
  }
  item.tabIndex = -1;
  item.focus();
  return true;
}

function focusHeading(board: HTMLElement | null, outline: HTMLElement | null): void {
  const summary = board?.isConnected ? board.querySelector<HTMLElement>(':scope > summary') : null;
  if (summary) {
    summary.focus();
    return;
  }
  const heading =
    (board?.isConnected ? board.querySelector<HTMLElement>('h3') : null) ??
    outline?.querySelector<HTMLElement>('h2') ??
    null;
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus();
}
