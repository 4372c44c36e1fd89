// Hidden writing: while the facilitator's hidden phase runs, a person's new
// notes live only in a local Y.Doc on their device (persisted with
// y-indexeddb, never connected to the server), so their text cannot reach
// another browser before the reveal. Publishing them into the shared document
// is hiddenWriting.ts's (through the gate). Others only learn a count, through
// awareness.
import type { BoardId } from '@pinnwand/shared/model/ids';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

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

  /** Forgets notes here once they are in the shared document (or were empty). */
  forget(ids: readonly string[]): void {
    this.doc.transact(() => {
      for (const id of ids) this.map.delete(id);
    });
  }

  destroy(): void {
    void this.persistence.destroy();
    this.doc.destroy();
  }
}
