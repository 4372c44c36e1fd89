// Short notices under the board's status line ("Notiz gelöscht – Rückgängig
// (Strg+Z)", why an action was refused): the latest one, cleared after a few
// seconds. Part of the editor's state, so commands and the permission gate say
// things without knowing who shows them.
import type { Message } from '../i18n/messages.ts';
import { createStore, type Store } from '../ui/store.ts';

const SHOWN_MS = 3500;

export interface Notice {
  message: Message;
  /** Distinguishes a repeated notice, so it is announced again. */
  id: number;
}

export interface Notices {
  current: Store<Notice | null>;
  say(message: Message): void;
  destroy(): void;
}

export function createNotices(): Notices {
  const current = createStore<Notice | null>(null);
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    current,
    say(message) {
      current.set({ message, id: ++seq });
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => current.set(null), SHOWN_MS);
    },
    destroy() {
      if (timer) clearTimeout(timer);
    },
  };
}
