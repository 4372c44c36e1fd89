// What the server refused, said where the person is: a change the server
// reverted ("permission denied", docs/protocol.md) and a board locked while
// someone was writing on it. The text they were typing is offered to copy, so
// nothing typed is lost without a word.
import { boardMessages, message } from '../i18n/messages.ts';
import type { OfflineWrites } from '../sync/offlineWrites.ts';
import type { Store } from '../ui/store.ts';
import type { Editor } from './Editor.ts';
import { closedUnderWriter } from './strayTyping.ts';

/** How recent a keystroke must be for a refusal to be about that text. */
const RECENT_MS = 10_000;

function recentDraft(editor: Editor): string | undefined {
  const draft = editor.writing.draft;
  if (!draft || Date.now() - editor.writing.typedAt > RECENT_MS) return undefined;
  return draft.text;
}

/** Announces the server's refusals; returns the cleanup. */
export function announceRefusals(
  editor: Editor,
  refused: Store<{ reason: string; seq: number } | null>,
  offline: OfflineWrites,
): () => void {
  return refused.subscribe(() => {
    const refusal = refused.get();
    // Presence (awareness) refusals lose nobody's text; only changes to the document are told.
    if (!refusal || refusal.reason.startsWith('awareness')) return;
    // Everything written offline arrives as one change, refused as a whole: every
    // text of it is offered, and stays offered until the person closes it.
    const takenBack = offline.takenBack();
    if (takenBack.length > 0) {
      editor.notices.say(
        message(boardMessages, 'server.refusedOffline', { count: takenBack.length }),
        { kept: takenBack.join('\n\n'), persist: true },
      );
      return;
    }
    const kept = recentDraft(editor);
    editor.notices.say(
      message(boardMessages, 'server.refused'),
      kept !== undefined ? { kept } : undefined,
    );
  });
}

/** The shown board was locked while this person wrote in a note there: the editor closes, the text is offered. */
export function lockedWhileWriting(editor: Editor): void {
  const id = editor.editing.get();
  if (!id) return;
  const text = editor.index.note(id)?.text ?? recentDraft(editor) ?? '';
  editor.editing.set(null);
  closedUnderWriter(
    editor,
    message(boardMessages, 'denied.lockedWhileWriting'),
    text.trim() ? text : '',
  );
}
