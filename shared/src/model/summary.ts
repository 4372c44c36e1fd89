/**
 * Summaries: the facilitators' conclusions, one Y.Text per board (keyed by the
 * board id) and one for the whole workshop (key "workshop") in the
 * `summaries` root map. A Y.Text so that two facilitators can write together.
 *
 * The Y.Text for a board is created together with the board, and the
 * workshop's with the workshop: creating it lazily on first edit would let two
 * facilitators each create one concurrently, and one of them would lose their
 * text when the map key resolves to the other's.
 */
import * as Y from 'yjs';
import { describeValue } from './fields.ts';
import type { BoardId } from './ids.ts';
import { fail, ok, type ReadResult } from './result.ts';
import type { WORKSHOP_SUMMARY_KEY } from './schema.ts';

/** Which summary: a board's, or the workshop's. */
export type SummaryTarget = BoardId | typeof WORKSHOP_SUMMARY_KEY;

export interface Summary {
  target: SummaryTarget;
  /** Plain text; paragraphs separated by blank lines, as the facilitators wrote it. */
  text: string;
}

export function readSummary(value: unknown, target: SummaryTarget): ReadResult<Summary> {
  if (value instanceof Y.Text) return ok({ target, text: value.toString() });
  return fail(`summaries/${target}: expected Y.Text, received ${describeValue(value)}`);
}
