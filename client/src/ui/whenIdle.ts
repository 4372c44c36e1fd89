// Work that should not compete with what the person is waiting for (opening
// the board, its first picture) runs when the browser is next idle.

/** Runs `fn` when the browser is idle (at the latest after `timeout` ms); `cancel` stops it. */
export function whenIdle(fn: () => void, timeout = 5000): { cancel(): void } {
  if ('requestIdleCallback' in window) {
    const handle = requestIdleCallback(fn, { timeout });
    return { cancel: () => cancelIdleCallback(handle) };
  }
  const handle = setTimeout(fn, Math.min(timeout, 1000));
  return { cancel: () => clearTimeout(handle) };
}
