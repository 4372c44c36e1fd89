// Typing that has no editor to go to. Two ways it happens, and neither may
// turn a person's words into board shortcuts ("n" a new note, Backspace a
// deletion, arrows a move):
//
// - **Closed under them.** The note editor closed without the person closing
//   it (someone took the note over, the board was locked, the note was
//   deleted, the claim was lost or freed): their fingers are still typing.
//   The keys that follow are kept as text, not shortcuts, and offered in the
//   notice that says what happened, to copy or to keep as a new note of their
//   own — until they pause (PAUSE_MS without a key) or do something on purpose
//   (Esc, a press on the board, closing the notice).
// - **Held while loading.** A double-click to write while the board is still
//   loading (the server's preview stands in for the document) holds the note
//   at that spot: what is typed meanwhile is kept, and the note is created
//   with it through `note.add` — the gate's way — as soon as the document is
//   there, its editor open to go on writing. Esc or a press elsewhere drops
//   the held note; the text stays in the notice to copy.
//
// Keys reach this from the one window key handler (useKeyboardShortcuts)
// before any shortcut; presses end it from the canvas pipeline (canvasInput).
import type { Point } from '@pinnwand/shared/model/layout';
import { boardMessages, type Message, message } from '../i18n/messages.ts';
import type { Editor } from './Editor.ts';
import type { NoticeExtras } from './notices.ts';

/** Keys typed with less than this between them (and after the close) are still text. */
export const PAUSE_MS = 3000;

export interface StrayTyping {
  /** What it becomes: offered after an editor closed, or a note held until the board is ready. */
  into: { kind: 'closed'; message: Message } | { kind: 'held'; at: Point };
  /** Text not saved anywhere else (a deleted note's last words), before what was typed since. */
  base: string;
  /** What was typed since. */
  typed: string;
  /** The last key kept, or the start (local clock). */
  lastAt: number;
  /** The notice that shows the text, changed in place as it grows. */
  noticeId: number;
}

/** The keys typed go on where the text they were typing stopped, as in the editor. */
const keptText = (stray: StrayTyping): string => stray.base + stray.typed;

/**
 * A notice offering `text` to copy, and — where this person may add notes
 * now (not on a locked board) — to keep as a new note of their own.
 */
function offered(editor: Editor, text: string, typedAfter = false): NoticeExtras | undefined {
  if (!text.trim()) return undefined;
  const kept: NoticeExtras = {
    kept: text,
    ...(typedAfter ? { keptLabel: message(boardMessages, 'stray.typedAfter') } : {}),
    persist: true,
  };
  const add = editor.commands.get('note.add');
  if (!add || !editor.commands.available(editor, add)) return kept;
  return {
    ...kept,
    action: {
      label: message(boardMessages, 'stray.keepAsNote'),
      run: () => {
        if (editor.commands.run(editor, 'note.add', { text })) return;
        // Refused after all: the gate said why; the words stay beside it.
        const why = editor.notices.current.get()?.message;
        if (why) editor.notices.say(why, kept);
      },
    },
  };
}

/** Says what happened with the text so far; as it grows the same notice changes, unannounced. */
function say(editor: Editor, stray: StrayTyping): void {
  const text = keptText(stray);
  const said =
    stray.into.kind === 'closed' ? stray.into.message : message(boardMessages, 'stray.held');
  const extras =
    stray.into.kind === 'closed'
      ? offered(editor, text, stray.base === '')
      : { persist: true, ...(text ? { kept: text } : {}) };
  if (stray.noticeId && editor.notices.amend(stray.noticeId, said, extras ?? {})) return;
  stray.noticeId = editor.notices.say(said, extras);
}

/**
 * The editor on a note closed without the person closing it: says `said`
 * (offering `unsaved`, text that is in no note now) and keeps the keys that
 * follow as text.
 */
export function closedUnderWriter(editor: Editor, said: Message, unsaved = ''): void {
  editor.writing.stray = {
    into: { kind: 'closed', message: said },
    base: unsaved,
    typed: '',
    lastAt: Date.now(),
    noticeId: 0,
  };
  say(editor, editor.writing.stray);
}

/** A double-click to write while the board is loading: the note waits for the document. */
export function holdNoteWhileLoading(editor: Editor, at: Point): void {
  const before = editor.writing.stray;
  // Double-clicked elsewhere while a note was held: the new spot, the same words.
  const typed = before?.into.kind === 'held' ? before.typed : '';
  editor.writing.stray = {
    into: { kind: 'held', at },
    base: '',
    typed,
    lastAt: Date.now(),
    noticeId: 0,
  };
  say(editor, editor.writing.stray);
}

/** The person did something on purpose: keys are shortcuts again; a held note is dropped. */
export function endStrayTyping(editor: Editor): void {
  const stray = editor.writing.stray;
  if (!stray) return;
  editor.writing.stray = null;
  if (stray.into.kind === 'held') {
    const text = keptText(stray);
    if (text)
      editor.notices.say(message(boardMessages, 'stray.heldDropped'), offered(editor, text));
    else editor.notices.dismiss();
  }
}

/** The document is here: a held note is created, with what was typed, its editor open. */
function createHeld(editor: Editor): void {
  const stray = editor.writing.stray;
  if (stray?.into.kind !== 'held' || editor.preview.get() !== null) return;
  editor.writing.stray = null;
  editor.notices.dismiss();
  const text = keptText(stray);
  const created = editor.commands.run(editor, 'note.add', { ...stray.into.at, text });
  // Refused after all (a locked board): the gate said why; the words stay to copy.
  const why = editor.notices.current.get()?.message;
  if (!created && text && why) editor.notices.say(why, { kept: text, persist: true });
}

const TEXT_KEYS: Record<string, string> = { Enter: '\n' };
/** Keys that edit or move a caret in text, and act on notes on the board: swallowed. */
const CARET_KEYS = new Set([
  'Delete',
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

/**
 * A key pressed outside any text field: true when it was typing with no
 * editor to go to and is kept (the caller prevents its default and runs no
 * shortcut).
 */
export function keepStrayKey(editor: Editor, event: KeyboardEvent): boolean {
  const stray = editor.writing.stray;
  if (!stray) return false;
  const now = Date.now();
  if (stray.into.kind === 'closed' && now - stray.lastAt > PAUSE_MS) {
    editor.writing.stray = null;
    return false;
  }
  if (event.key === 'Escape') {
    endStrayTyping(editor);
    return true;
  }
  // AltGr arrives as Ctrl+Alt and types characters (@, €, {); Ctrl or ⌘ alone is a command.
  const altGr = event.ctrlKey && event.altKey;
  if ((event.ctrlKey || event.metaKey) && !altGr) return false;
  let typed: string | null = null;
  if (event.key.length === 1) typed = stray.typed + event.key;
  else if (event.key in TEXT_KEYS) typed = stray.typed + TEXT_KEYS[event.key];
  else if (event.key === 'Backspace') typed = stray.typed.slice(0, -1);
  else if (!CARET_KEYS.has(event.key)) return false;
  stray.lastAt = now;
  if (typed !== null && typed !== stray.typed) {
    stray.typed = typed;
    say(editor, stray);
  }
  return true;
}

/** Creates a held note once the document is applied; returns the cleanup. */
export function watchHeldNote(editor: Editor): () => void {
  return editor.preview.subscribe(() => createHeld(editor));
}
