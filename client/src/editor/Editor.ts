// The runtime of one open workshop: the document and its index, who we are,
// what we may do, and the UI state that is not board state (current board,
// selection, viewport, editing, the canvas's tool, the features' state).
// Commands, the canvas, the outline and the panels all work through this one
// object. Everything a feature keeps per workshop is a field here, created
// with the editor; the features' commands and panels are given to it once
// (board/features.tsx).
import type { BoardId, NoteId, ParticipantId } from '@pinnwand/shared/model/ids';
import { asParticipantId } from '@pinnwand/shared/model/ids';
import { IMPORT_ORIGIN, type LocalOrigin, localOrigin } from '@pinnwand/shared/model/origin';
import type { BoardPreview } from '@pinnwand/shared/protocol/http';
import type { Role } from '@pinnwand/shared/protocol/roles';
import { createUndoManager } from '@pinnwand/shared/undo';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { OutlineNoteExtra, PanelDefinition } from '../board/extensions.ts';
import { type CanvasUi, createCanvasUi } from '../canvas/canvasUi.ts';
import type { Viewport } from '../canvas/viewport.ts';
import { CommandRegistry } from '../commands/registry.ts';
import type { AnyCommand } from '../commands/types.ts';
import { createExportState, type ExportState } from '../export/exportState.ts';
import { createFacilitationUi, type FacilitationUi } from '../facilitation/facilitation.ts';
import type { HiddenWriting } from '../hidden/hiddenWriting.ts';
import { DocIndex } from '../model/docIndex.ts';
import { keepColourDistinct } from '../presence/distinctColour.ts';
import { Presence } from '../presence/presence.ts';
import { RemoteCursors } from '../presence/remoteCursors.ts';
import type { Identity } from '../session/identity.ts';
import type { ConnectionStatus } from '../sync/connectionStatus.ts';
import { createStore, type Store } from '../ui/store.ts';
import { type Access, deriveAccess, sameAccess } from './access.ts';
import { discardIfEmpty } from './emptyNotes.ts';
import { type Landings, watchLandings } from './landings.ts';
import { createNotices, type Notices } from './notices.ts';
import { lockedWhileWriting } from './refusals.ts';
import { watchHeldNote } from './strayTyping.ts';
import { typingStarts } from './undoSteps.ts';
import {
  claimEnded,
  createWriting,
  myClaim,
  typed,
  type Writing,
  watchWriters,
} from './writers.ts';

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
  /** Other people's pointers to draw, fading when they stop moving (presence/remoteCursors.ts). */
  cursors: RemoteCursors;
  /**
   * The name each participant id showed in presence during this session, kept
   * after they leave: the facilitator's list of identities still names a
   * device that was disconnected (identities/IdentitiesSection.tsx).
   */
  seenNames: Map<string, string>;
  awareness: Awareness;
  role: Role;
  /**
   * A phone-sized screen when the board opened (the layout's 760px breakpoint):
   * taken as a touch device without a keyboard, so notices name the toolbar's
   * buttons rather than shortcuts.
   */
  readonly narrowScreen: boolean;
  /**
   * Set when the document turns out to come from a newer Pinnwand (what is
   * newer); its one writer is the format check when the document has loaded.
   */
  newerDocument: Store<string | null>;
  /** Whether this person can change the shown board, and why not (derived, see access.ts). */
  access: Store<Access>;
  /** Shorthand for `access.get().readOnly !== null`. */
  readonly readOnly: boolean;
  connectionStatus: Store<ConnectionStatus>;
  notices: Notices;
  userId: ParticipantId;
  user: Store<Identity>;
  origin: LocalOrigin;
  undo: Y.UndoManager;
  commands: CommandRegistry;
  boardId: Store<BoardId | null>;
  /**
   * The server's first picture of the workshop (sync/boardPreview.ts), shown
   * instead of the document while a new device waits for it; null otherwise.
   */
  preview: Store<BoardPreview | null>;
  /** True once the board's first picture drawn from `preview` is on screen. */
  previewDrawn: Store<boolean>;
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
  /** The canvas's tool and what its gestures draw (frame, ghost). */
  canvas: CanvasUi;
  facilitation: FacilitationUi;
  /** This device's hidden notes while hidden writing is started (hiddenWriting.ts). */
  hidden: Store<HiddenWriting | null>;
  exports: ExportState;
  /** The side panels, in the order given (board/features.tsx). */
  panels: readonly PanelDefinition[];
  /** Extra controls under each note in the outline. */
  outlineNoteExtras: readonly OutlineNoteExtra[];
  /** Notes created here and not yet written into: note id → its creation's undo item. */
  freshNotes: Map<NoteId, unknown>;
  /** One writer per note: the outline's claim, the last keystroke, who writes where we wanted to (writers.ts). */
  writing: Writing;
  /** Notes that just appeared or moved through someone else (landings.ts). */
  landings: Landings;
  /** A note the outline puts the focus on once it shows it (after it moved there). */
  outlineFocus: Store<NoteId | null>;
  destroy(): void;
}

export interface EditorInput {
  workshopId: string;
  doc: Y.Doc;
  awareness: Awareness;
  role: Role;
  identity: Identity;
  narrowScreen: boolean;
  /** The side panel to show first (e.g. the invitations right after creating). */
  initialPanel?: PanelId;
  /** Every command of this workshop, registered once. */
  commands?: readonly AnyCommand[];
  panels?: readonly PanelDefinition[];
  outlineNoteExtras?: readonly OutlineNoteExtra[];
  /** The connection's status (hidden notes are published only when connected). */
  connectionStatus?: Store<ConnectionStatus>;
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
  const notices = createNotices();
  const commands = new CommandRegistry();
  commands.registerAll(input.commands ?? []);
  const boardId = createStore<BoardId | null>(null);
  const newerDocument = createStore<string | null>(null);
  const accessNow = () =>
    deriveAccess({
      role: input.role,
      newerDocument: newerDocument.get(),
      boardId: boardId.get(),
      boards: index.boards(),
    });
  const access = createStore<Access>(accessNow());
  const cleanup: (() => void)[] = [];
  const editor: Editor = {
    workshopId: input.workshopId,
    doc: input.doc,
    index,
    presence,
    cursors: new RemoteCursors(presence),
    seenNames: new Map(),
    awareness: input.awareness,
    role: input.role,
    narrowScreen: input.narrowScreen,
    newerDocument,
    access,
    get readOnly() {
      return access.get().readOnly !== null;
    },
    connectionStatus: input.connectionStatus ?? createStore<ConnectionStatus>('connected'),
    notices,
    userId,
    user: createStore(input.identity),
    origin,
    undo,
    commands,
    boardId,
    preview: createStore<BoardPreview | null>(null),
    previewDrawn: createStore(false),
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
    canvas: createCanvasUi(),
    facilitation: createFacilitationUi(),
    hidden: createStore<HiddenWriting | null>(null),
    exports: createExportState(),
    panels: input.panels ?? [],
    outlineNoteExtras: input.outlineNoteExtras ?? [],
    freshNotes: new Map(),
    writing: createWriting(),
    outlineFocus: createStore<NoteId | null>(null),
    landings: watchLandings(input.doc, (o) => o === origin || o === IMPORT_ORIGIN),
    destroy() {
      for (const stop of cleanup) stop();
      editor.landings.destroy();
      notices.destroy();
      undo.destroy();
      editor.cursors.destroy();
      presence.destroy();
      index.destroy();
    },
  };
  // Access follows the document's format, the shown board and its lock; a
  // person who just lost the right to change the board stops writing in it.
  const updateAccess = () => {
    const next = accessNow();
    if (sameAccess(next, access.get())) return;
    access.set(next);
    if (next.readOnly?.kind === 'locked') lockedWhileWriting(editor);
    if (next.readOnly) editor.editing.set(null);
  };
  cleanup.push(
    newerDocument.subscribe(updateAccess),
    boardId.subscribe(updateAccess),
    index.subscribeBoards(updateAccess),
  );
  mirrorIntoPresence(editor);
  cleanup.push(watchWriters(editor), watchHeldNote(editor));
  if (input.role !== 'viewer') cleanup.push(keepColourDistinct(editor));
  return editor;
}

/** Local UI state others see: selection, editing, the live drag, the view. */
function mirrorIntoPresence(editor: Editor): void {
  const { presence, index, undo } = editor;
  // A viewer's selection is their own business: it is not shown to everyone.
  if (editor.role !== 'viewer')
    editor.selection.subscribe(() => presence.set({ selection: [...editor.selection.get()] }));
  // Another board shown: the pointer left this one (others stop drawing it here).
  editor.boardId.subscribe(() => presence.set({ cursor: null }));
  let editingBefore: NoteId | null = null;
  editor.editing.subscribe(() => {
    typingStarts(undo);
    const now = editor.editing.get();
    // A note just created here and left empty does not stay behind.
    if (editingBefore && editingBefore !== now) discardIfEmpty(editor, editingBefore);
    editingBefore = now;
  });
  // The note written in (canvas editor or outline form) is claimed: one writer per note.
  let claimed: NoteId | null = null;
  const publishClaim = () => {
    const claim = myClaim(editor);
    if (claim === claimed) return;
    const ended = claimed;
    claimed = claim;
    if (claim) typed(editor);
    // The server stamps the claim's time with its own clock (writers.ts).
    presence.set({ editing: claim, editingSince: null });
    if (ended) claimEnded(editor, ended);
  };
  editor.editing.subscribe(publishClaim);
  editor.writing.outline.subscribe(publishClaim);
  // Names are remembered by participant id (ends with presence, on destroy).
  presence.subscribe(() => {
    for (const p of presence.peers()) editor.seenNames.set(p.user.id, p.user.name);
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
}
