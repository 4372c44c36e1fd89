// Short notices under the board's status line ("Notiz gelöscht – Rückgängig
// (Strg+Z)", why an action was refused): the latest one, cleared after a few
// seconds. Part of the editor's state, so commands and the permission gate say
// things without knowing who shows them.
import type { Message } from '../i18n/messages.ts';
import { createStore, type Store } from '../ui/store.ts';

const SHOWN_MS = 3500;
/**
 * A coalescing notice said again within this time of its last saying is the
 * same action going on (a key's auto-repeat comes every 30–50 ms after a first
 * pause of up to ~600 ms); said later, it is a new action and announced anew.
 */
const SAME_ACTION_MS = 1000;
/** A notice with text to copy or an undo stays long enough to use it. */
const ACTION_MS = 12000;

export interface NoticeExtras {
  /** Text the person wrote that did not land (a refusal): shown to copy. */
  kept?: string;
  /** What `kept` is, when the message does not say (the words typed after an editor closed). */
  keptLabel?: Message;
  /** Takes back what was just done (a discarded draft). */
  undo?: () => void;
  /** A button that does something with the notice's text (keep it as a new note). */
  action?: { label: Message; run: () => void };
  /** Stays until the person closes it or another notice replaces it (texts to rescue). */
  persist?: boolean;
  /**
   * Said again while it is shown and less than SAME_ACTION_MS after its last
   * saying, the notice stays as it is (not announced again) and only stays
   * longer: a refusal for a held key or a repeated gesture is one message.
   */
  coalesce?: boolean;
}

export interface Notice extends NoticeExtras {
  message: Message;
  /** Distinguishes a repeated notice, so it is announced again. */
  id: number;
}

export interface Notices {
  current: Store<Notice | null>;
  /** Shows `message`; returns the notice's id. */
  say(message: Message, extras?: NoticeExtras): number;
  /**
   * Changes the notice `id` if it is still shown (its text to copy grew),
   * without announcing it again; false when it is gone.
   */
  amend(id: number, message: Message, extras: NoticeExtras): boolean;
  dismiss(): void;
  destroy(): void;
}

export function createNotices(): Notices {
  const current = createStore<Notice | null>(null);
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saidAt = 0;
  return {
    current,
    say(message, extras) {
      const shown = current.get();
      const now = Date.now();
      const again =
        extras?.coalesce === true &&
        shown?.coalesce === true &&
        now - saidAt < SAME_ACTION_MS &&
        sameMessage(shown.message, message);
      saidAt = now;
      if (!again) current.set({ message, id: ++seq, ...extras });
      if (timer) clearTimeout(timer);
      timer = null;
      const id = current.get()?.id ?? seq;
      if (extras?.persist) return id;
      const long =
        extras?.kept !== undefined || extras?.undo !== undefined || extras?.action !== undefined;
      timer = setTimeout(() => current.set(null), long ? ACTION_MS : SHOWN_MS);
      return id;
    },
    amend(id, message, extras) {
      if (current.get()?.id !== id) return false;
      if (extras.persist && timer) clearTimeout(timer);
      current.set({ message, id, ...extras });
      return true;
    },
    dismiss() {
      if (timer) clearTimeout(timer);
      current.set(null);
    },
    destroy() {
      if (timer) clearTimeout(timer);
    },
  };
}

function sameMessage(a: Message, b: Message): boolean {
  return a.ns === b.ns && a.key === b.key && JSON.stringify(a.params) === JSON.stringify(b.params);
}
