// Scrolls an element's beginning into view inside its scrolling panel. The
// browser's scrollIntoView would put it under a sticky strip at the panel's
// top (the side panel's tabs), so the strip's height is reckoned with here.

const GAP = 8;

export function revealBelowStickyTop(el: HTMLElement): void {
  const scroller = scrollingAncestor(el);
  if (!scroller) return;
  const view = scroller.getBoundingClientRect();
  let top = view.top;
  for (const child of Array.from(scroller.children)) {
    if (child.contains(el) || getComputedStyle(child).position !== 'sticky') continue;
    top = Math.max(top, child.getBoundingClientRect().bottom);
  }
  const at = el.getBoundingClientRect().top;
  // Already readable where it is: leave the panel alone.
  if (at >= top && at <= view.bottom - 3 * GAP) return;
  scroller.scrollTop += at - top - GAP;
}

function scrollingAncestor(el: HTMLElement): HTMLElement | null {
  for (let node = el.parentElement; node; node = node.parentElement) {
    const overflow = getComputedStyle(node).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && node.scrollHeight > node.clientHeight)
      return node;
  }
  return null;
}
