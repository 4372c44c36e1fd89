// The notes a transaction moved or added, read from what it changed: the
// watchers that settle where notes belong (membership.ts, dropSettling.ts)
// look only at those.
import type { NoteId } from '@pinnwand/shared/model/ids';
import { NOTE } from '@pinnwand/shared/model/schema';
import type * as Y from 'yjs';

/** The notes whose position `tr` changed, or that it added under `root` (the notes map). */
export function movedNotes(tr: Y.Transaction, root: Y.Map<unknown>): Set<NoteId> {
  const moved = new Set<NoteId>();
  for (const [type, keys] of tr.changed) {
    if ((type as unknown) === root) {
      for (const key of keys) if (key) moved.add(key as NoteId);
      continue;
    }
    if ((type.parent as unknown) !== root || !(keys.has(NOTE.x) || keys.has(NOTE.y))) continue;
    const id = type._item?.parentSub;
    if (typeof id === 'string') moved.add(id as NoteId);
  }
  return moved;
}
