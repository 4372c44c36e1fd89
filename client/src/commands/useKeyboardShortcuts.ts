// One window-level key handler: Esc goes to the canvas's input pipeline first
// (it ends a gesture or a tool), then shortcuts map to commands. Keys typed
// into a text field belong to the field; the note editor handles its own Esc
// and undo; keys in a dialog stay in the dialog.
import { useEffect } from 'react';
import { sendToCanvas } from '../canvas/canvasInput.ts';
import type { Editor } from '../editor/Editor.ts';
import { keepStrayKey } from '../editor/strayTyping.ts';
import { isComposing } from '../ui/isComposing.ts';
import { copySelection, PINNWAND_MIME, parsePrivate } from './clipboardCommands.ts';

export function isTextInput(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color'].includes(type);
}

/** Keys that act on the canvas only when focus is on the canvas or the page itself. */
function focusIsOnBoard(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  if (target === document.body) return true;
  return target.closest('[data-board-surface]') !== null;
}

export function useKeyboardShortcuts(editor: Editor): void {
  useEffect(() => {
    const spaceHeld = editor.canvas.spaceHeld;
    const onKeyDown = (event: KeyboardEvent) => {
      // Composing happens in text fields, which keep their keys anyway; this
      // also holds for a field that closes under the writer mid-composition.
      if (isComposing(event)) return;
      // Typing whose editor closed under the writer (or that waits for the board) stays text.
      if (!event.defaultPrevented && !isTextInput(event.target) && keepStrayKey(editor, event)) {
        event.preventDefault();
        return;
      }
      if (event.key === ' ' && !isTextInput(event.target) && focusIsOnBoard(event.target)) {
        spaceHeld.current = true;
        event.preventDefault();
        return;
      }
      if (event.defaultPrevented || isTextInput(event.target)) return;
      // Buttons and lists outside the canvas keep Enter, Space and arrows for themselves.
      const boardKeys = focusIsOnBoard(event.target);
      if (!boardKeys && /^(Enter|Arrow| )/.test(event.key)) return;
      // Esc first ends what the canvas is doing (a drag, drawing a frame, the frame tool).
      if (event.key === 'Escape' && sendToCanvas(editor, { type: 'key', key: 'Escape' })) {
        event.preventDefault();
        return;
      }
      const command = editor.commands.forKey(editor, event);
      if (!command) return;
      event.preventDefault();
      editor.commands.run(editor, command.id);
    };
    const onKeyUp = (event: KeyboardEvent) => {
      if (event.key === ' ') spaceHeld.current = false;
    };
    const onBlur = () => {
      spaceHeld.current = false;
    };
    const onCopy = (event: ClipboardEvent) => {
      if (isTextInput(event.target) || !event.clipboardData) return;
      const clip = copySelection(editor);
      if (!clip) return;
      event.preventDefault();
      event.clipboardData.setData('text/plain', clip.text);
      event.clipboardData.setData(PINNWAND_MIME, clip.json);
    };
    const onPaste = (event: ClipboardEvent) => {
      if (isTextInput(event.target) || !event.clipboardData) return;
      const text = event.clipboardData.getData('text/plain');
      const notes = parsePrivate(event.clipboardData.getData(PINNWAND_MIME)) ?? undefined;
      if (!text.trim() && !notes) return;
      event.preventDefault();
      editor.commands.run(editor, 'clipboard.paste', notes ? { text, notes } : { text });
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    window.addEventListener('blur', onBlur);
    document.addEventListener('copy', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [editor]);
}
