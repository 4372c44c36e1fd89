/**
 * A board: one question the workshop works on ("Bewährtes", "Aufgaben" …),
 * an entry of the `boards` root map keyed by its BoardId. Its notes and
 * clusters point at it by `boardId`; it does not list them, so adding a note
 * never conflicts with editing the board.
 *
 * `boardFieldsSchema` declares the fields once; the type, the reader, the
 * entry writer (ops/entries.ts) and the JSON backup derive from it.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { fieldKeys, pick } from './fields.ts';
import { type BoardId, boardIdSchema } from './ids.ts';
import { parseWith, type ReadResult } from './result.ts';

export const boardFieldsSchema = z.object({
  /** Short name shown on the tab and as the export's heading. */
  title: z.string(),
  /** The guiding question participants answer on this board; may be empty. */
  question: z.string(),
  /** Position among boards (fractional, ascending); ties are broken by id. */
  order: z.number(),
  /** Read-only for participants when true (extension; absent means false). */
  locked: z.boolean().default(false),
});
/** What writing a board takes (`locked` may be left out). */
export type BoardFields = z.input<typeof boardFieldsSchema>;

export const boardSchema = boardFieldsSchema.extend({ id: boardIdSchema });
export type Board = z.infer<typeof boardSchema>;

/** The entry as a Y.Map holds it, read leniently. */
export const boardEntrySchema = boardFieldsSchema.extend({
  // Absent from foreign clients or an old undo race (see note.ts).
  order: boardFieldsSchema.shape.order.default(0),
});

/** The keys of a board entry in the document (`BOARD.title` …). */
export const BOARD = fieldKeys(boardEntrySchema);
const ENTRY_KEYS = Object.values(BOARD);

export function readBoard(map: Y.Map<unknown>, id: BoardId): ReadResult<Board> {
  const parsed = parseWith(boardEntrySchema, pick(map, ENTRY_KEYS), `boards/${id}`);
  return parsed.ok ? { ok: true, value: { id, ...parsed.value } } : parsed;
}
