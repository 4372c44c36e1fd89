/**
 * The invariants every convergence test checks after the network settles:
 * all peers hold the same document, every note anyone created is still there
 * unless someone deleted that very note, every note is visible in the
 * workshop view (in a cluster, unclustered, or among the orphans), and
 * nothing in the document is malformed.
 */
import type * as Y from 'yjs';
import type { NoteId } from '../model/ids.ts';
import { notesMap } from '../model/schema.ts';
import { readWorkshop } from '../read/workshopView.ts';
import { divergence } from './peerNetwork.ts';

/** Records which notes were created and deleted during a run. */
export class NoteLedger {
  readonly created = new Set<NoteId>();
  readonly deleted = new Set<NoteId>();

  add(...ids: NoteId[]): void {
    for (const id of ids) this.created.add(id);
  }

  remove(...ids: NoteId[]): void {
    for (const id of ids) this.deleted.add(id);
  }
}

/** Null when all invariants hold, else what went wrong. */
export function checkInvariants(docs: readonly Y.Doc[], ledger: NoteLedger): string | null {
  const diverged = divergence(docs);
  if (diverged) return diverged;
  const doc = docs[0];
  if (!doc) return null;
  const notes = notesMap(doc);
  for (const id of ledger.created) {
    if (!ledger.deleted.has(id) && !notes.has(id)) return `note ${id} was lost`;
  }
  for (const id of notes.keys()) {
    if (!ledger.created.has(id as NoteId)) return `note ${id} appeared from nowhere`;
  }
  const view = readWorkshop(doc);
  if (view.problems.length > 0) return `problems: ${view.problems.join('; ')}`;
  const visible = view.orphanNotes.length + view.boards.reduce((sum, b) => sum + b.noteCount, 0);
  if (visible !== notes.size) return `${notes.size} notes in the document, ${visible} in the view`;
  return null;
}
