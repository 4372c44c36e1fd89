// Notes that just appeared or moved under someone else's hands (a remote
// addition, a remote move): a double-click aimed at empty space that lands on
// such a note between its first press and its end must not open it (the
// canvas writes a new note instead). A note that was already drawn when the
// double-click began was aimed at, however fresh: it opens. Kept as local
// arrival times, so clocks of other devices do not matter.
import type { NoteId } from '@pinnwand/shared/model/ids';
import { NOTE, notesMap } from '@pinnwand/shared/model/schema';
import type * as Y from 'yjs';

/** How long an arrival is remembered (longer than any double-click takes). */
export const LANDING_MS = 1000;

export interface Landings {
  /** True when `id` appeared or moved here through someone else less than LANDING_MS ago. */
  justLanded(id: NoteId, now?: number): boolean;
  /** True when `id` appeared or moved here through someone else at `since` (Date.now()) or later. */
  landedSince(id: NoteId, since: number): boolean;
  destroy(): void;
}

export function watchLandings(doc: Y.Doc, isLocal: (origin: unknown) => boolean): Landings {
  const landed = new Map<string, number>();
  const notes = notesMap(doc);
  const onNotes = (events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction) => {
    if (isLocal(tr.origin)) return;
    const now = Date.now();
    for (const event of events) {
      if (event.target === notes) {
        for (const [key, change] of event.changes.keys)
          if (change.action !== 'delete') landed.set(key, now);
        continue;
      }
      const id = event.path[0];
      if (
        typeof id === 'string' &&
        event.path.length === 1 &&
        (event.changes.keys.has(NOTE.x) ||
          event.changes.keys.has(NOTE.y) ||
          event.changes.keys.has(NOTE.boardId))
      )
        landed.set(id, now);
    }
    // Forget old arrivals so the table stays small.
    if (landed.size > 500)
      for (const [id, at] of landed) if (now - at > LANDING_MS) landed.delete(id);
  };
  notes.observeDeep(onNotes);
  return {
    justLanded: (id, now = Date.now()) => {
      const at = landed.get(id);
      return at !== undefined && now - at < LANDING_MS;
    },
    landedSince: (id, since) => {
      const at = landed.get(id);
      return at !== undefined && at >= since;
    },
    destroy: () => notes.unobserveDeep(onNotes),
  };
}
