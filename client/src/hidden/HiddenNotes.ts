// Hidden writing: while the facilitator's hidden phase runs, a person's new
// notes live only in a local Y.Doc on their device (persisted with
// y-indexeddb, never connected to the server), so their text cannot reach
// another browser before the reveal. When the phase has ended and this device
// is synced with the server, the notes are published into the shared document
// with the ordinary note operation — at once on reveal, or on return for an
// author who was offline then. Others only learn a count, through awareness.
import { placeApart } from '@pinnwand/shared/facilitation/placeApart';
import type { BoardId } from '@pinnwand/shared/model/ids';
import type { Point } from '@pinnwand/shared/model/layout';
import { IMPORT_ORIGIN } from '@pinnwand/shared/model/origin';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { transact } from '@pinnwand/shared/ops/transact';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import type { Editor } from '../editor/Editor.ts';

export interface HiddenNote {
  id: string;
  boardId: BoardId;
  text: string;
  x: number;
  y: number;
  createdAt: number;
}

function isHiddenNote(value: unknown): value is Omit<HiddenNote, 'id'> {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.boardId === 'string' &&
    typeof v.text === 'string' &&
    typeof v.x === 'number' &&
    typeof v.y === 'number' &&
    typeof v.createdAt === 'number'
  );
}

export class HiddenNotes {
  readonly doc = new Y.Doc();
  private readonly map = this.doc.getMap<unknown>('hidden');
  private readonly persistence: IndexeddbPersistence;
  private listeners = new Set<() => void>();
  private snapshot: HiddenNote[] = [];
  readonly ready: Promise<void>;

  constructor(workshopId: string, userId: string) {
    this.persistence = new IndexeddbPersistence(
      `pinnwand-hidden-${workshopId}-${userId}`,
      this.doc,
    );
    this.ready = this.persistence.whenSynced.then(
      () => undefined,
      () => undefined,
    );
    this.map.observe(() => {
      this.snapshot = this.read();
      for (const l of [...this.listeners]) l();
    });
  }

  private read(): HiddenNote[] {
    const out: HiddenNote[] = [];
    for (const [id, value] of this.map.entries())
      if (isHiddenNote(value)) out.push({ id, ...value });
    return out.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  all = (): HiddenNote[] => this.snapshot;

  add(note: Omit<HiddenNote, 'id' | 'createdAt'>): string {
    const id = `h${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    this.map.set(id, { ...note, createdAt: Date.now() });
    return id;
  }

  update(id: string, patch: Partial<Pick<HiddenNote, 'text' | 'x' | 'y'>>): void {
    const current = this.map.get(id);
    if (isHiddenNote(current)) this.map.set(id, { ...current, ...patch });
  }

  remove(id: string): void {
    this.map.delete(id);
  }

  /**
   * Writes every hidden note into the shared document as an ordinary note by
   * this person (one transaction), then forgets them here. Empty notes are dropped.
   * Each lands near where it was written but never on top of a note already on
   * the board or another revealed one (placeApart).
   */
  publish(editor: Editor): number {
    const notes = this.read();
    if (notes.length === 0) return 0;
    const user = editor.user.get();
    const boards = new Set(editor.index.boards().map((b) => b.id));
    let count = 0;
    const occupied = new Map<BoardId, Point[]>();
    const spotOn = (boardId: BoardId, want: Point): Point => {
      let taken = occupied.get(boardId);
      if (!taken) {
        taken = editor.index.notes(boardId).map((n) => ({ x: n.x, y: n.y }));
        occupied.set(boardId, taken);
      }
      const [spot] = placeApart(taken, [want]) as [Point];
      taken.push(spot);
      return spot;
    };
    // Not this person's undo history: Ctrl+Z right after the reveal must not
    // take the revealed notes back off everyone's board.
    transact(editor.doc, IMPORT_ORIGIN, () => {
      for (const note of notes) {
        if (note.text.trim() === '') continue;
        // A note for a board deleted meanwhile goes to the first board rather than being lost.
        const boardId = boards.has(note.boardId) ? note.boardId : editor.index.boards()[0]?.id;
        if (!boardId) continue;
        const spot = spotOn(boardId, { x: note.x, y: note.y });
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
        count++;
      }
    });
    this.doc.transact(() => {
      for (const note of notes) this.map.delete(note.id);
    });
    return count;
  }

  destroy(): void {
    void this.persistence.destroy();
    this.doc.destroy();
  }
}
