// The runtime of one open workshop: the document and its index, who we are,
// what we may do, and the UI state that is not board state (current board,
// selection, viewport, editing). Commands, the canvas, the outline and the
// panels all work through this one object, so a feature added later (voting,
// export) registers its commands and panels here instead of reaching into
// components.
import type { BoardId, NoteId, ParticipantId } from '@pinnwand/shared/model/ids';
import { asParticipantId } from '@pinnwand/shared/model/ids';
import { type LocalOrigin, localOrigin } from '@pinnwand/shared/model/origin';
import type { Role } from '@pinnwand/shared/protocol/roles';
import { createUndoManager } from '@pinnwand/shared/undo';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Viewport } from '../canvas/viewport.ts';
import { CommandRegistry } from '../commands/registry.ts';
import { DocIndex } from '../model/docIndex.ts';
import { Presence } from '../presence/presence.ts';
import type { Identity } from '../session/identity.ts';
import { createStore, type Store } from '../ui/store.ts';
import { discardIfEmpty } from './emptyNotes.ts';

export type PanelId = 'outline' | 'share' | 'people' | (string & {});
export type MobileView = 'canvas' | 'outline';

export interface UiState {
  /** The side panel shown beside the canvas (null: closed). */
  panel: PanelId | null;
  helpOpen: boolean;
  /** On narrow screens: which of canvas and outline fills the screen. */
  mobileView: MobileView;
}

export interface Editor {
  workshopId: string;
  doc: Y.Doc;
  index: DocIndex;
  presence: Presence;
  role: Role;
  /** Viewers (and documents from a newer schema) cannot change anything. */
  readOnly: boolean;
  /** Why the document itself is read-only (newer format), null when it is not. */
  readOnlyReason: Store<string | null>;
  userId: ParticipantId;
  user: Store<Identity>;
  origin: LocalOrigin;
  undo: Y.UndoManager;
  commands: CommandRegistry;
  boardId: Store<BoardId | null>;
  selection: Store<ReadonlySet<NoteId>>;
  editing: Store<NoteId | null>;
  viewport: Store<Viewport>;
  stageSize: Store<{ width: number; height: number }>;
  /** Offset applied to the selected notes while they are dragged (not yet written). */
  dragOffset: Store<{ dx: number; dy: number } | null>;
  /** The world point under the pointer, for placing pasted or new notes. */
  pointer: Store<{ x: number; y: number } | null>;
  ui: Store<UiState>;
  /** Per-board viewports, so switching boards returns to where one was. */
  viewports: Map<string, Viewport>;
  destroy(): void;
}

export interface EditorInput {
  workshopId: string;
  doc: Y.Doc;
  awareness: Awareness;
  role: Role;
  readOnlyDoc: boolean;
  identity: Identity;
  narrowScreen: boolean;
  /** The side panel to show first (e.g. the invitations right after creating). */
  initialPanel?: PanelId;
}

export const EMPTY_SELECTION: ReadonlySet<NoteId> = new Set();

export function createEditor(input: EditorInput): Editor {
  const userId = asParticipantId(input.identity.id);
  const origin = localOrigin(userId);
  const index = new DocIndex(input.doc);
  const presence = new Presence(input.awareness, {
    id: input.identity.id,
    name: input.identity.name,
    color: input.identity.color,
  });
  const undo = createUndoManager(input.doc, origin);
  const editor: Editor = {
    workshopId: input.workshopId,
    doc: input.doc,
    index,
    presence,
    role: input.role,
    readOnly: input.role === 'viewer' || input.readOnlyDoc,
    readOnlyReason: createStore<string | null>(null),
    userId,
    user: createStore(input.identity),
    origin,
    undo,
    commands: new CommandRegistry(),
    boardId: createStore<BoardId | null>(null),
    selection: createStore(EMPTY_SELECTION),
    editing: createStore<NoteId | null>(null),
    viewport: createStore<Viewport>({ x: 0, y: 0, scale: 1 }),
    stageSize: createStore({ width: 800, height: 600 }),
    dragOffset: createStore<{ dx: number; dy: number } | null>(null),
    pointer: createStore<{ x: number; y: number } | null>(null),
    ui: createStore<UiState>({
      panel: input.initialPanel ?? (input.narrowScreen ? null : 'outline'),
      helpOpen: false,
      mobileView: 'canvas',
    }),
    viewports: new Map(),
    destroy() {
      undo.destroy();
      presence.destroy();
      index.destroy();
    },
  };
  // Mirror local UI state into presence so others see selection and editing.
  // A viewer's selection is their own business: it is not shown to everyone.
  if (input.role !== 'viewer')
    editor.selection.subscribe(() => presence.set({ selection: [...editor.selection.get()] }));
  let editingBefore: NoteId | null = null;
  editor.editing.subscribe(() => {
    // Typing into one note is one undo step (per pause), separate from what came before.
    undo.stopCapturing();
    const now = editor.editing.get();
    // A note just created here and left empty does not stay behind.
    if (editingBefore && editingBefore !== now) discardIfEmpty(editor, editingBefore);
    editingBefore = now;
    presence.set({ editing: now });
  });
  editor.user.subscribe(() => {
    const u = editor.user.get();
    presence.set({ user: { id: u.id, name: u.name, color: u.color } });
  });
  // Others see a drag as it happens; the document is written once, on release.
  let clearDrag: ReturnType<typeof setTimeout> | null = null;
  editor.dragOffset.subscribe(() => {
    const offset = editor.dragOffset.get();
    if (clearDrag) clearTimeout(clearDrag);
    if (!offset) {
      // Cleared a little later, so the moved positions arrive first (no jump back).
      clearDrag = setTimeout(() => presence.set({ dragging: null }), 600);
      return;
    }
    const ids: string[] = [];
    const from: number[] = [];
    for (const id of [...editor.selection.get()].slice(0, 200)) {
      const note = index.note(id);
      if (!note) continue;
      ids.push(id);
      from.push(note.x, note.y);
    }
    presence.setThrottled({ dragging: { ids, dx: offset.dx, dy: offset.dy, from } });
  });
  editor.viewport.subscribe(() => {
    const boardId = editor.boardId.get();
    const v = editor.viewport.get();
    if (boardId) {
      editor.viewports.set(boardId, v);
      presence.setThrottled({ view: { boardId, ...v } });
    }
  });
  return editor;
}
