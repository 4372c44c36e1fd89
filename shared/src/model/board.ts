/**
 * A board: one question the workshop works on ("Bewährtes", "Aufgaben" …),
 * an entry of the `boards` root map keyed by its BoardId. Its notes and
 * clusters point at it by `boardId`; it does not list them, so adding a note
 * never conflicts with editing the board.
 */
import type * as Y from 'yjs';
import { z } from 'zod';
import { pick } from './fields.ts';
import type { BoardId } from './ids.ts';
import { parseWith, type ReadResult } from './result.ts';
import { BOARD } from './schema.ts';

export interface Board {
  id: BoardId;
  /** Short name shown on the tab and as the export's heading. */
  title: string;
  /** The guiding question participants answer on this board; may be empty. */
  question: string;
  /** Position among boards (fractional, ascending); ties are broken by id. */
  order: number;
  /** Read-only for participants when true (extension; absent means false). */
  locked: boolean;
}

export const boardSchema = z.object({
  title: z.string(),
  question: z.string(),
  // Absent only after a Yjs map undo racing a concurrent reorder (see note.ts).
  order: z.number().default(0),
  locked: z.boolean().optional().default(false),
});

export function readBoard(map: Y.Map<unknown>, id: BoardId): ReadResult<Board> {
  const raw = pick(map, [BOARD.title, BOARD.question, BOARD.order, BOARD.locked]);
  const parsed = parseWith(boardSchema, raw, `boards/${id}`);
  return parsed.ok ? { ok: true, value: { id, ...parsed.value } } : parsed;
}
