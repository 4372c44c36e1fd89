// Hidden writing in the workshop: while the phase runs, the gate routes new
// notes (canvas, outline, paste) here instead of onto the board; the count is
// published through awareness; once the phase has ended and this device is
// synced, the notes are published into the shared document — each one asked
// of the gate and placed apart from what is on its board (what this device
// sees; the revealing facilitator's device then moves apart what landed on
// another person's note: revealSettling.ts).
import type { BoardId } from '@pinnwand/shared/model/ids';
import { NOTE_HEIGHT, NOTE_WIDTH, type Point } from '@pinnwand/shared/model/layout';
import { IMPORT_ORIGIN } from '@pinnwand/shared/model/origin';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { transact } from '@pinnwand/shared/ops/transact';
import type { Editor } from '../editor/Editor.ts';
import { publish } from '../facilitation/facilitation.ts';
import { facilitationMessages } from '../facilitation/messages.ts';
import { facilitationState } from '../facilitation/useFacilitationState.ts';
import { mayCreateNotes } from '../gate/noteGate.ts';
import { freeSpot, spotsApart, viewCentre } from '../gate/placement.ts';
import { message } from '../i18n/messages.ts';
import { createStore, type Store } from '../ui/store.ts';
import { type HiddenNote, HiddenNotes } from './HiddenNotes.ts';
import { settleAfterReveal } from './revealSettling.ts';

export interface Composer {
  /** The hidden note being edited; absent for a new one. */
  id?: string;
  boardId: BoardId;
  x: number;
  y: number;
  text: string;
}

export interface HiddenWriting {
  notes: HiddenNotes;
  composer: Store<Composer | null>;
}

/** This device's hidden note whose card covers `world` on `boardId`, topmost first. */
export function hiddenNoteAt(
  notes: readonly HiddenNote[],
  boardId: BoardId,
  world: Point,
): HiddenNote | undefined {
  for (let i = notes.length - 1; i >= 0; i--) {
    const n = notes[i] as HiddenNote;
    if (n.boardId !== boardId) continue;
    if (
      world.x >= n.x &&
      world.x <= n.x + NOTE_WIDTH &&
      world.y >= n.y &&
      world.y <= n.y + NOTE_HEIGHT
    )
      return n;
  }
  return undefined;
}

/**
 * A new hidden note from the canvas (toolbar, N, double-click): opens the
 * composer at `at` (a top-left), or near the pointer. The gate has routed it here.
 */
export function composeHidden(editor: Editor, boardId: BoardId, at?: Point, text = ''): void {
  const h = editor.hidden.get();
  if (!h) return;
  const spot = at ?? freeSpot(editor, boardId, editor.pointer.get() ?? viewCentre(editor));
  h.composer.set({ boardId, x: spot.x, y: spot.y, text });
}

/** Opens the composer on one of this device's hidden notes. */
export function editHidden(editor: Editor, id: string): void {
  const h = editor.hidden.get();
  const note = h?.notes.all().find((n) => n.id === id);
  if (h && note) h.composer.set({ ...note });
}

/** Deletes one of this device's hidden notes, with an undo that writes it again. */
export function deleteHidden(editor: Editor, id: string): void {
  const h = editor.hidden.get();
  const note = h?.notes.all().find((n) => n.id === id);
  if (!h || !note) return;
  h.notes.remove(id);
  editor.notices.say(message(facilitationMessages, 'hidden.deleted'), {
    undo: () => h.notes.add({ boardId: note.boardId, x: note.x, y: note.y, text: note.text }),
  });
}

/** Hidden notes from the outline or a paste, at the spots the gate's placement chose. */
export function addHidden(
  editor: Editor,
  boardId: BoardId,
  texts: readonly string[],
  spots: readonly Point[],
): void {
  const h = editor.hidden.get();
  if (!h) return;
  texts.forEach((text, i) => {
    const spot = spots[i] ?? spots[spots.length - 1] ?? { x: 0, y: 0 };
    h.notes.add({ boardId, text, x: spot.x, y: spot.y });
  });
}

/**
 * Writes the hidden notes into the shared document as ordinary notes by this
 * person (one transaction), and forgets them here. Empty ones are dropped; a
 * note for a board deleted meanwhile goes to the first board; one the gate
 * refuses now (a locked board) waits for a later try, and so does `keep` (the
 * note open in the composer: its text there is newer). Returns how many went.
 */
export function revealHidden(editor: Editor, store: HiddenNotes, keep?: string): number {
  const boards = new Set(editor.index.boards().map((b) => b.id));
  const first = editor.index.boards()[0]?.id;
  const forget: string[] = [];
  const going: { note: HiddenNote; boardId: BoardId }[] = [];
  for (const note of store.all()) {
    if (note.id === keep) continue;
    if (note.text.trim() === '') {
      forget.push(note.id);
      continue;
    }
    const boardId = boards.has(note.boardId) ? note.boardId : first;
    if (!boardId) continue;
    const verdict = mayCreateNotes(editor, boardId);
    if (!verdict.allowed || verdict.into !== 'board') continue;
    going.push({ note, boardId });
  }
  if (going.length === 0 && forget.length === 0) return 0;
  const spots = spotsApart(
    editor,
    going.map(({ note, boardId }) => ({ boardId, at: { x: note.x, y: note.y } })),
  );
  const user = editor.user.get();
  // Not this person's undo history: Ctrl+Z right after the reveal must not
  // take the revealed notes back off everyone's board.
  transact(editor.doc, IMPORT_ORIGIN, () => {
    going.forEach(({ note, boardId }, i) => {
      const spot = spots[i] ?? { x: note.x, y: note.y };
      addNote(
        editor.doc,
        {
          boardId,
          x: spot.x,
          y: spot.y,
          text: note.text,
          author: user.name,
          authorId: editor.userId,
          createdAt: note.createdAt,
        },
        IMPORT_ORIGIN,
      );
      forget.push(note.id);
    });
  });
  store.forget(forget);
  return going.length;
}

/** Starts hidden writing support for this workshop (editor.hidden); returns the teardown. */
export function startHiddenWriting(editor: Editor): () => void {
  const notes = new HiddenNotes(editor.workshopId, editor.userId);
  const h: HiddenWriting = { notes, composer: createStore<Composer | null>(null) };
  editor.hidden.set(h);

  const tryPublish = () => {
    if (notes.all().length === 0) return;
    if (facilitationState(editor).facilitation.hiddenWriting) return;
    if (editor.connectionStatus.get() !== 'connected' || !editor.index.meta().meta) return;
    // A note being rewritten goes once its composer closes: published now, it
    // would be forgotten here and the rewrite saved into nothing.
    revealHidden(editor, notes, h.composer.get()?.id);
  };
  const publishCount = () => publish(editor, { hiddenNotes: notes.all().length });
  const offNotes = notes.subscribe(() => {
    publishCount();
    tryPublish();
  });
  const offMeta = editor.index.subscribeMeta(tryPublish);
  const offBoards = editor.index.subscribeBoards(() => {
    // A participant's open composer closes when its board gets locked.
    const open = h.composer.get();
    if (open && !mayCreateNotes(editor, open.boardId).allowed) h.composer.set(null);
    // Notes kept back by a lock go once it is lifted.
    tryPublish();
  });
  const offStatus = editor.connectionStatus.subscribe(tryPublish);
  const offComposer = h.composer.subscribe(tryPublish);
  const offSettling = settleAfterReveal(editor);
  void notes.ready.then(() => {
    publishCount();
    tryPublish();
  });

  return () => {
    offNotes();
    offMeta();
    offBoards();
    offStatus();
    offComposer();
    offSettling();
    editor.hidden.set(null);
    notes.destroy();
  };
}
