/**
 * A sticky note: an entry of the `notes` root map. Notes live in one flat map
 * rather than inside their board or cluster so that moving a note between
 * clusters or boards is a field change, not a delete-and-recreate that would
 * race with someone typing into it. Its `text` is a Y.Text so two people
 * typing into one note both keep their words.
 *
 * `noteFieldsSchema` declares the fields once. The `Note` type, the document
 * reader below, the entry writer (ops/entries.ts) and the JSON backup
 * (export/backupFormat.ts) all derive from it.
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { fieldKeys, pick } from './fields.ts';
import { boardIdSchema, clusterIdSchema, type NoteId, noteIdSchema } from './ids.ts';
import { withinBoard } from './layout.ts';
import { parseWith, type ReadResult } from './result.ts';
import { readVotes, voteTallySchema } from './vote.ts';

/**
 * The most characters a note's text holds: a sticky note, not a document.
 * Participants' changes beyond it are refused (the server's role policy), and
 * imports check it; laying out a note of a megabyte took the PDF export ten
 * seconds in one piece.
 */
export const NOTE_TEXT_MAX = 5000;

/** A note's own fields, in plain values (its text as a string). */
export const noteFieldsSchema = z.object({
  /** The board the note is on. May name a deleted board: the note is then an orphan. */
  boardId: boardIdSchema,
  /**
   * The cluster it belongs to, null when unclustered (absent in the document;
   * a foreign client may write null). May name a deleted cluster.
   */
  clusterId: clusterIdSchema.nullable().default(null),
  /** The note's text. */
  text: z.string(),
  /** Top-left corner in board coordinates. */
  x: z.number(),
  y: z.number(),
  /** A palette name from colors.ts when written by Pinnwand; any string from others. */
  color: z.string(),
  /** Display name of the person who wrote it, as they chose it. */
  author: z.string(),
  /** Stable id of that person (their participant id). */
  authorId: z.string(),
  /** When it was written, ms since epoch. */
  createdAt: z.number(),
  /**
   * Its place in the board's drawing order once it was brought to the front
   * (dropped onto another note), in the same scale as `createdAt`; absent
   * until then, and its creation time counts (noteLayer). Higher lies on top.
   */
  layer: z.number().optional(),
});
/** What writing a note takes (`clusterId` may be left out). */
export type NoteFields = z.input<typeof noteFieldsSchema>;

/** A note as read from the document: its fields, its id and its votes. */
export const noteSchema = noteFieldsSchema.extend({
  id: noteIdSchema,
  votes: voteTallySchema,
});
export type Note = z.infer<typeof noteSchema>;

const { shape } = noteFieldsSchema;

/** The entry as a Y.Map holds it, read leniently (a foreign client wrote it, or a Yjs undo raced). */
export const noteEntrySchema = noteFieldsSchema.extend({
  text: z.instanceof(Y.Text, { message: 'expected Y.Text' }),
  // Absent when a foreign client never wrote it, or in documents written
  // before undo.ts restored keys over remote changes (a Yjs undo racing a
  // concurrent move deleted both values): the note is then shown at the
  // board's origin instead of being dropped.
  // A present value of the wrong type is still reported.
  x: shape.x.default(0),
  y: shape.y.default(0),
  // Absent means no votes yet (a foreign client may not create the map).
  votes: z.instanceof(Y.Map, { message: 'expected Y.Map' }).optional(),
});

/** The keys of a note entry in the document (`NOTE.boardId` …). */
export const NOTE = fieldKeys(noteEntrySchema);
const ENTRY_KEYS = Object.values(NOTE);

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isDocumentId = (v: unknown): v is string => typeof v === 'string' && v !== '';

/**
 * The note when every field already has the type `noteEntrySchema` accepts
 * (checked by hand), else null: then zod reads it and names what is wrong.
 * Opening a 5,000-note board reads every note; through zod that took about
 * 0.2 s of the page's start. Accepts nothing zod would refuse.
 */
function readWellFormed(map: Y.Map<unknown>, id: NoteId): ReadResult<Note> | null {
  const boardId = map.get(NOTE.boardId);
  const clusterId = map.get(NOTE.clusterId) ?? null;
  const text = map.get(NOTE.text);
  // Absent reads as 0 (the schema's default); null is refused, as zod does.
  const rawX = map.get(NOTE.x);
  const rawY = map.get(NOTE.y);
  const x = rawX === undefined ? 0 : rawX;
  const y = rawY === undefined ? 0 : rawY;
  const color = map.get(NOTE.color);
  const author = map.get(NOTE.author);
  const authorId = map.get(NOTE.authorId);
  const createdAt = map.get(NOTE.createdAt);
  const layer = map.get(NOTE.layer);
  const votes = map.get(NOTE.votes);
  if (
    !isDocumentId(boardId) ||
    !(clusterId === null || isDocumentId(clusterId)) ||
    !(text instanceof Y.Text) ||
    !isFiniteNumber(x) ||
    !isFiniteNumber(y) ||
    typeof color !== 'string' ||
    typeof author !== 'string' ||
    typeof authorId !== 'string' ||
    !isFiniteNumber(createdAt) ||
    !(layer === undefined || isFiniteNumber(layer)) ||
    !(votes === undefined || votes instanceof Y.Map)
  )
    return null;
  const read = readVotes(votes as Y.Map<unknown> | undefined, `notes/${id}`);
  // The keys in the order zod's reading gives them.
  const value = {
    boardId,
    clusterId,
    x,
    y,
    color,
    author,
    authorId,
    createdAt,
    ...(layer === undefined ? {} : { layer }),
    id,
    text: text.toString(),
    votes: read.tally,
  } as Note;
  return read.problems.length > 0
    ? { ok: true, value, problems: read.problems }
    : { ok: true, value };
}

export function readNote(map: Y.Map<unknown>, id: NoteId): ReadResult<Note> {
  const fast = readWellFormed(map, id);
  if (fast) return fast;
  const where = `notes/${id}`;
  const parsed = parseWith(noteEntrySchema, pick(map, ENTRY_KEYS), where);
  if (!parsed.ok) return parsed;
  const { text, votes, ...rest } = parsed.value;
  const read = readVotes(votes as Y.Map<unknown> | undefined, where);
  const value: Note = {
    ...rest,
    id,
    text: text.toString(),
    votes: read.tally,
  };
  return read.problems.length > 0
    ? { ok: true, value, problems: read.problems }
    : { ok: true, value };
}

/**
 * Whether `value` may stand under the note entry's field `key` after a change
 * by someone allowed to edit the note but not to destroy it: a value the reader
 * accepts (else every board and export would skip the whole note as
 * malformed), and a position on the board (`withinBoard`; absent reads as 0).
 * Keys the schema does not declare are not fields: always accepted.
 */
export function acceptsNoteField(key: string, value: unknown): boolean {
  if (!Object.hasOwn(noteEntrySchema.shape, key)) return true;
  if (key === NOTE.x || key === NOTE.y) return value === undefined || withinBoard(value);
  return noteEntrySchema.shape[key as keyof typeof noteEntrySchema.shape].safeParse(value).success;
}

/** A note's place in its board's drawing order (higher lies on top): see `layer`. */
export function noteLayer(note: Pick<Note, 'createdAt' | 'layer'>): number {
  return note.layer ?? note.createdAt;
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
