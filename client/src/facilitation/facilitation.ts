// The facilitation runtime of one open workshop, beside the Editor: UI state
// of the facilitation features (cluster drawing, renaming, menus, dialogs,
// toasts, following) and access to awareness and the connection. Kept in a
// WeakMap keyed by the editor, so features reach it with `facilitationOf(e)`
// without the Editor type knowing about them.
import type { ClusterId, NoteId } from '@pinnwand/shared/model/ids';
import type { Awareness } from 'y-protocols/awareness';
import type { Editor } from '../editor/Editor.ts';
import type { Connection } from '../sync/connection.ts';
import { createStore, type Store } from '../ui/store.ts';
import type { FKey } from './messages.ts';

export type MenuState =
  | { kind: 'note'; ids: NoteId[]; x: number; y: number }
  | { kind: 'cluster'; id: ClusterId; x: number; y: number };

export type DialogState = { kind: 'suggest' } | { kind: 'duplicates' } | null;

export interface Toast {
  key: FKey;
  params?: Record<string, string | number>;
  id: number;
}

export interface Facilitation {
  editor: Editor;
  connection: Connection;
  awareness: Awareness;
  drawingCluster: Store<boolean>;
  renaming: Store<ClusterId | null>;
  /** The frame being moved, resized or drawn (world coordinates), shown as a ghost. */
  ghost: Store<{ x: number; y: number; width: number; height: number } | null>;
  menu: Store<MenuState | null>;
  dialog: Store<DialogState>;
  toast: Store<Toast | null>;
  following: Store<boolean>;
  /** Server time minus local time, ms (0 until measured). */
  clockOffset: Store<number>;
  say(key: FKey, params?: Record<string, string | number>): void;
  serverNow(): number;
}

const registry = new WeakMap<Editor, Facilitation>();
let toastSeq = 0;

export function createFacilitation(editor: Editor, connection: Connection): Facilitation {
  const existing = registry.get(editor);
  if (existing) return existing;
  const toast = createStore<Toast | null>(null);
  let toastTimer: ReturnType<typeof setTimeout> | null = null;
  const clockOffset = createStore(0);
  const f: Facilitation = {
    editor,
    connection,
    awareness: connection.awareness,
    drawingCluster: createStore(false),
    renaming: createStore<ClusterId | null>(null),
    ghost: createStore<{ x: number; y: number; width: number; height: number } | null>(null),
    menu: createStore<MenuState | null>(null),
    dialog: createStore<DialogState>(null),
    toast,
    following: createStore(false),
    clockOffset,
    say(key, params) {
      toast.set({ key, ...(params ? { params } : {}), id: ++toastSeq });
      if (toastTimer) clearTimeout(toastTimer);
      toastTimer = setTimeout(() => toast.set(null), 3500);
    },
    serverNow: () => Date.now() + clockOffset.get(),
  };
  registry.set(editor, f);
  return f;
}

export function facilitationOf(editor: Editor): Facilitation | undefined {
  return registry.get(editor);
}

/** Extra fields this client publishes in awareness beside the board's presence. */
export function publish(editor: Editor, patch: Record<string, unknown>, throttled = false): void {
  // Presence merges the patch into the local awareness state; these fields are
  // not part of PresenceState, which only lists what the board itself reads.
  const p = patch as never;
  if (throttled) editor.presence.setThrottled(p);
  else editor.presence.set(p);
}
