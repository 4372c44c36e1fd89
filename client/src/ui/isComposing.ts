// While an input method composes (Japanese or Chinese input, dead keys, a
// phone keyboard whose autocorrect composes each word), Enter confirms a
// candidate and Esc cancels the composition: those keys belong to the input
// method, never to the app. keyCode 229 covers the browsers that do not set
// isComposing on such keys (Safari sends the confirming Enter after
// compositionend).
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';

/** A key event, React's or the browser's, that an input method is taking. */
export function isComposing(event: KeyboardEvent | ReactKeyboardEvent): boolean {
  const native = 'nativeEvent' in event ? event.nativeEvent : event;
  return native.isComposing || native.keyCode === 229;
}
