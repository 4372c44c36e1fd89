// Texts written without a connection, kept until the server has answered them.
//
// A client that was offline sends all its edits as one update when it comes
// back, and the server reverts a refused update as a whole (docs/protocol.md,
// "Refusals"): a note written offline on a board the facilitator locked in the
// meantime, or a vote after the round closed, takes every other offline note
// of that update with it. The document then no longer holds those texts, so
// they are remembered here as last typed, and offered to copy when the
// server's refusal arrives soon after reconnecting.
import type { NoteId } from '@pinnwand/shared/model/ids';
import { notesMap } from '@pinnwand/shared/model/schema';
import { getNoteText } from '@pinnwand/shared/ops/noteOps';
import * as Y from 'yjs';
import type { Store } from '../ui/store.ts';
import type { ConnectionStatus } from './connectionStatus.ts';

/** How long after reconnecting a refusal can still be about the offline edits. */
const ANSWER_WINDOW_MS = 30_000;

export interface OfflineWrites {
  /**
   * Texts written offline that the document no longer holds as written (the
   * server took them back); forgets them, so each is offered once.
   */
  takenBack(): string[];
  destroy(): void;
}

/** The note a changed type belongs to, if any. */
function noteOf(type: { _item: Y.Item | null }, notes: unknown): NoteId | null {
  let item = type._item;
  while (item) {
    if (item.parent === notes) return (item.parentSub as NoteId | null) ?? null;
    item = item.parent instanceof Y.AbstractType ? item.parent._item : null;
  }
  return null;
}

export function trackOfflineWrites(doc: Y.Doc, status: Store<ConnectionStatus>): OfflineWrites {
  const notes: unknown = notesMap(doc);
  /** Note → its text as this person last left it while offline. */
  const written = new Map<NoteId, string>();
  let forgetTimer: ReturnType<typeof setTimeout> | null = null;

  const remember = (id: NoteId) => {
    const text = getNoteText(doc, id)?.toString() ?? '';
    if (text.trim()) written.set(id, text);
    else written.delete(id);
  };
  const onTransaction = (tr: Y.Transaction) => {
    // Only this person's own edits (remote and stored updates are applied with local = false).
    if (!tr.local || status.get() === 'connected') return;
    const touched = new Set<NoteId>();
    for (const [type, keys] of tr.changed) {
      if (type === notes) {
        for (const key of keys) if (key) touched.add(key as NoteId);
      } else {
        const id = noteOf(type, notes);
        if (id) touched.add(id);
      }
    }
    for (const id of touched) remember(id);
  };
  doc.on('afterTransaction', onTransaction);

  const unsubscribe = status.subscribe(() => {
    if (forgetTimer) clearTimeout(forgetTimer);
    forgetTimer = null;
    // Once back, the server answers the offline update within a round trip and a commit.
    if (status.get() === 'connected' && written.size > 0) {
      forgetTimer = setTimeout(() => written.clear(), ANSWER_WINDOW_MS);
    }
  });

  return {
    takenBack() {
      const lost: string[] = [];
      for (const [id, text] of written) {
        if ((getNoteText(doc, id)?.toString() ?? '') !== text) lost.push(text);
      }
      written.clear();
      return lost;
    },
    destroy() {
      doc.off('afterTransaction', onTransaction);
      unsubscribe();
      if (forgetTimer) clearTimeout(forgetTimer);
    },
  };
}
