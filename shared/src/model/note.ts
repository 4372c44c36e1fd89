/**
 * A sticky note: an entry of the `notes` root map. Notes live in one flat map
 * rather than inside their board or cluster so that moving a note between
 * clusters or boards is a field change, not a delete-and-recreate that would
 * race with someone typing into it. Its `text` is a Y.Text so two people
 * typing into one note both keep their words.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { pick } from './fields.ts';
import type { BoardId, ClusterId, NoteId } from './ids.ts';
import { parseWith, type ReadResult } from './result.ts';
import { NOTE } from './schema.ts';
import { readVotes, type VoteTally } from './vote.ts';

export interface Note {
  id: NoteId;
  /** The board the note is on. May name a deleted board: the note is then an orphan. */
  boardId: BoardId;
  /** The cluster it belongs to, null when unclustered. May name a deleted cluster. */
  clusterId: ClusterId | null;
  /** The note's text (a snapshot of its Y.Text). */
  text: string;
  /** Top-left corner in board coordinates. */
  x: number;
  y: number;
  /** A palette name from colors.ts when written by Pinnwand; any string from others. */
  color: string;
  /** Display name of the person who wrote it, as they chose it. */
  author: string;
  /** Stable id of that person (their participant id). */
  authorId: string;
  /** When it was written, ms since epoch. */
  createdAt: number;
  /** Votes on this note. */
  votes: VoteTally;
}

export const noteSchema = z.object({
  boardId: z.string().min(1),
  // A foreign client may write null for "no cluster"; absent is ours.
  clusterId: z.string().min(1).nullable().optional(),
  text: z.instanceof(Y.Text, { message: 'expected Y.Text' }),
  // Absent only when a Yjs map undo races a concurrent move (the undone value
  // and the overwritten one are both deleted) or a foreign client never wrote
  // it: the note is then shown at the board's origin instead of being dropped.
  // A present value of the wrong type is still reported.
  x: z.number().default(0),
  y: z.number().default(0),
  color: z.string(),
  author: z.string(),
  authorId: z.string(),
  createdAt: z.number(),
  // Absent means no votes yet (a foreign client may not create the map).
  votes: z.instanceof(Y.Map, { message: 'expected Y.Map' }).optional(),
});

export function readNote(map: Y.Map<unknown>, id: NoteId): ReadResult<Note> {
  const where = `notes/${id}`;
  const raw = pick(map, [
    NOTE.boardId,
    NOTE.clusterId,
    NOTE.text,
    NOTE.x,
    NOTE.y,
    NOTE.color,
    NOTE.author,
    NOTE.authorId,
    NOTE.createdAt,
    NOTE.votes,
  ]);
  const parsed = parseWith(noteSchema, raw, where);
  if (!parsed.ok) return parsed;
  const { text, votes, clusterId, boardId, ...rest } = parsed.value;
  const read = readVotes(votes as Y.Map<unknown> | undefined, where);
  const value: Note = {
    ...rest,
    id,
    boardId: boardId as BoardId,
    clusterId: (clusterId ?? null) as ClusterId | null,
    text: text.toString(),
    votes: read.tally,
  };
  return read.problems.length > 0
    ? { ok: true, value, problems: read.problems }
    : { ok: true, value };
}

/** The votes map of a note entry, if present and well-formed. */
export function noteVotesMap(map: Y.Map<unknown>): Y.Map<unknown> | undefined {
  const votes = map.get(NOTE.votes);
  return votes instanceof Y.Map ? (votes as Y.Map<unknown>) : undefined;
}

/** The Y.Text of a note entry, if well-formed. */
export function noteTextOf(map: Y.Map<unknown>): Y.Text | undefined {
  const text = map.get(NOTE.text);
  return text instanceof Y.Text ? text : undefined;
}
