// The facilitation features' UI state for one open workshop (editor.facilitation):
// the frame being renamed, the context menu, the facilitator's dialogs, follow
// mode, the server clock and who holds hidden notes; plus what this client
// publishes in awareness beside the board's presence.
import type { ClusterId, NoteId } from '@pinnwand/shared/model/ids';
import type { Editor } from '../editor/Editor.ts';
import type { HiddenHolder } from '../hidden/hiddenHolders.ts';
import { message, type TranslateParams } from '../i18n/messages.ts';
import { createStore, type Store } from '../ui/store.ts';
import { type FKey, facilitationMessages } from './messages.ts';
import type { FacilitationState } from './useFacilitationState.ts';

export type MenuState =
  | { kind: 'note'; ids: NoteId[]; x: number; y: number }
  | { kind: 'cluster'; id: ClusterId; x: number; y: number };

export type DialogState = { kind: 'suggest' } | { kind: 'duplicates' } | null;

export interface FacilitationUi {
  renaming: Store<ClusterId | null>;
  menu: Store<MenuState | null>;
  dialog: Store<DialogState>;
  following: Store<boolean>;
  /** Server time minus local time, ms (0 until measured). */
  clockOffset: Store<number>;
  /** Who holds hidden notes, as the facilitator's device has seen it (empty for others). */
  hiddenHolders: Store<HiddenHolder[]>;
  /** The settings and round read for the current meta (useFacilitationState.ts). */
  stateMemo: { meta: object | null; state: FacilitationState | null };
}

export function createFacilitationUi(): FacilitationUi {
  return {
    renaming: createStore<ClusterId | null>(null),
    menu: createStore<MenuState | null>(null),
    dialog: createStore<DialogState>(null),
    following: createStore(false),
    clockOffset: createStore(0),
    hiddenHolders: createStore<HiddenHolder[]>([]),
    stateMemo: { meta: null, state: null },
  };
}

/** The server's clock, as measured for this workshop (timer, summons). */
export function serverNow(editor: Editor): number {
  return Date.now() + editor.facilitation.clockOffset.get();
}

/** A notice in the facilitation's words. */
export function say(editor: Editor, key: FKey, params?: TranslateParams): void {
  editor.notices.say(message(facilitationMessages, key, params));
}

/** Extra fields this client publishes in awareness beside the board's presence. */
export function publish(editor: Editor, patch: Record<string, unknown>, throttled = false): void {
  // Presence merges the patch into the local awareness state; these fields are
  // not part of PresenceState, which only lists what the board itself reads.
  const p = patch as never;
  if (throttled) editor.presence.setThrottled(p);
  else editor.presence.set(p);
}
