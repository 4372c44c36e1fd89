/**
 * Plain text: one note per line (pasted from a mail, a chat or a typed-up
 * flip chart). Blank lines are skipped, leading bullets ("- ", "* ", "• ")
 * are dropped, surrounding spaces trimmed.
 */
import {
  checkLimits,
  emptyBoard,
  IMPORT_LIMITS,
  type ParseResult,
  type PlannedNote,
  parseFailure,
} from './importPlan.ts';

const BULLET = /^(?:[-*•–]\s+|\d{1,3}[.)]\s+)/;

export function parsePlainText(input: string): ParseResult {
  const text = input.replace(/^\uFEFF/, '');
  const notes: PlannedNote[] = [];
  const lines = text.split(/\r\n?|\n/);
  for (const [index, raw] of lines.entries()) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting binary input
    if (/\u0000/.test(raw)) {
      return parseFailure(`Line ${index + 1}: contains binary data; is this a text file?`);
    }
    const line = raw.trim().replace(BULLET, '').trim();
    if (!line) continue;
    if (line.length > IMPORT_LIMITS.noteText) {
      return parseFailure(
        `Line ${index + 1}: ${line.length} characters; a note can hold at most ${IMPORT_LIMITS.noteText}.`,
      );
    }
    notes.push({ text: line });
  }
  if (notes.length === 0) return parseFailure('The text holds no notes: write one note per line.');
  const board = emptyBoard();
  board.notes = notes;
  return checkLimits({ format: 'text', boards: [board], summary: '' });
}
