// The heading of a board's PNG: the board's title and its guiding question,
// as the PDF's board section opens (shared/src/export/pdfBoardSection.ts) —
// a picture passed around on its own should say what the board asked. The
// question is labelled in the export's language ("Leitfrage" / "Guiding
// question"); title and question are printed as written.

import { revealInvisibles } from '@pinnwand/shared/export/invisibleChars';
import { labelsFor } from '@pinnwand/shared/export/labels';
import type { Lang } from '@pinnwand/shared/model/lang';
import { wrapText } from '../canvas/hyphenate.ts';
import { wordWidth } from '../canvas/noteStyle.ts';

export const TITLE_SIZE = 28;
export const QUESTION_SIZE = 16;
export const HEADER_LINE_HEIGHT = 1.3;
/** Between the title and the question, and below the header. */
export const HEADER_GAP = 10;
export const HEADER_BOTTOM = 32;
/** Narrowest the header is set in (a board of one note is narrower than its question). */
export const HEADER_MIN_WIDTH = 560;

export interface PngHeader {
  /** Wrapped lines of the title ('—' for an untitled board, as in the PDF). */
  title: string;
  /** Wrapped lines of "Leitfrage: …", '' when the board has none. */
  question: string;
  /** Top of the question below the header's top. */
  questionTop: number;
  /** The header's height including the space below it. */
  height: number;
}

export function pngHeader(
  board: { title: string; question: string },
  lang: Lang,
  width: number,
): PngHeader {
  const title = wrapText(revealInvisibles(board.title.trim()) || '—', width, (s) =>
    wordWidth(s, TITLE_SIZE, true),
  );
  const asked = revealInvisibles(board.question.trim());
  const question = asked
    ? wrapText(`${labelsFor(lang).question}: ${asked}`, width, (s) => wordWidth(s, QUESTION_SIZE))
    : '';
  const titleHeight = title.split('\n').length * TITLE_SIZE * HEADER_LINE_HEIGHT;
  const questionHeight = question
    ? HEADER_GAP + question.split('\n').length * QUESTION_SIZE * HEADER_LINE_HEIGHT
    : 0;
  return {
    title,
    question,
    questionTop: titleHeight + HEADER_GAP,
    height: titleHeight + questionHeight + HEADER_BOTTOM,
  };
}
