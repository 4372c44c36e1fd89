/**
 * Merging near-duplicate notes into one. The facilitator chooses what the
 * merged note says: one of the texts as it is (`{ keep: id }`, the default is
 * the first note's), or all differing texts combined, one per line
 * (`'combine'`), so the document never repeats itself unasked. The note whose
 * text is kept keeps its place; it takes the others' authors and votes; the
 * others are deleted. One transaction, so one undo brings them all back.
 */
import type * as Y from 'yjs';
import { entryMap } from '../model/fields.ts';
import type { NoteId } from '../model/ids.ts';
import { noteTextOf, noteVotesMap } from '../model/note.ts';
import type { TransactionOrigin } from '../model/origin.ts';
import { NOTE, notesMap } from '../model/schema.ts';
import { votesOf } from '../model/vote.ts';
import { transact } from '../ops/transact.ts';

/** What the merged note says: one note's text as it is, or every differing text. */
export type MergeText = { keep: NoteId } | 'combine';

function normalise(text: string): string {
  return text.trim().toLocaleLowerCase('de').replace(/\s+/g, ' ');
}

/** Returns the id of the note that remains, or null when fewer than two notes exist. */
export function mergeNotes(
  doc: Y.Doc,
  ids: readonly NoteId[],
  origin: TransactionOrigin,
  choice: MergeText = { keep: ids[0] as NoteId },
): NoteId | null {
  return transact(doc, origin, () => {
    const root = notesMap(doc);
    const found = [...new Set(ids)]
      .map((id) => ({ id, map: entryMap(root, id) }))
      .filter((e): e is { id: NoteId; map: Y.Map<unknown> } => e.map !== undefined);
    if (found.length < 2) return null;
    const keepId = choice === 'combine' ? found[0]?.id : choice.keep;
    const keep = found.find((e) => e.id === keepId) ?? (found[0] as (typeof found)[number]);
    const rest = found.filter((e) => e !== keep);
    const text = noteTextOf(keep.map);
    const votes = noteVotesMap(keep.map);
    const seen = new Set([normalise(text?.toString() ?? '')]);
    const authors = String(keep.map.get(NOTE.author) ?? '')
      .split(', ')
      .filter((a) => a !== '');
    for (const other of rest) {
      const otherText = noteTextOf(other.map)?.toString() ?? '';
      if (
        choice === 'combine' &&
        text &&
        !seen.has(normalise(otherText)) &&
        otherText.trim() !== ''
      ) {
        seen.add(normalise(otherText));
        text.insert(text.length, `\n${otherText}`);
      }
      const author = other.map.get(NOTE.author);
      if (typeof author === 'string' && author !== '' && !authors.includes(author))
        authors.push(author);
      const otherVotes = noteVotesMap(other.map);
      if (votes && otherVotes) {
        for (const participant of otherVotes.keys()) {
          const add = votesOf(otherVotes, participant as never);
          if (add > 0) votes.set(participant, votesOf(votes, participant as never) + add);
        }
      }
      root.delete(other.id);
    }
    const joined = authors.join(', ');
    if (joined !== keep.map.get(NOTE.author)) keep.map.set(NOTE.author, joined);
    return keep.id;
  });
}
