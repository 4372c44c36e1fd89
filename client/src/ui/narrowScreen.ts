// The layout's phone breakpoint (styles.css: `@media (max-width: 760px)`),
// for what is decided in code rather than in CSS: whether the side panel
// opens beside the board, and how notices word their hints.

const NARROW = '(max-width: 760px)';

/** Whether the window is phone-sized now. */
export function isNarrowScreen(): boolean {
  return window.matchMedia(NARROW).matches;
}
