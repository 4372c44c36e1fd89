// How a notice says to take back what was just done. The one place that
// decides it: a phone has no keyboard, so it names the toolbar's undo button
// (the same command as Ctrl+Z); a Mac names ⌘, as the toolbar's tooltips do.
import type { Editor } from '../editor/Editor.ts';
import { isMac } from './registry.ts';

export type UndoWay = 'keys' | 'mac' | 'toolbar';

export function undoWay(editor: Editor): UndoWay {
  if (editor.narrowScreen) return 'toolbar';
  return isMac ? 'mac' : 'keys';
}

/** The key of a notice's wording for this device, from one key per way. */
export function undoHinted<K extends string>(
  editor: Editor,
  keys: Readonly<Record<UndoWay, K>>,
): K {
  return keys[undoWay(editor)];
}
