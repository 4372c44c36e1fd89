// How a note's text is set in the PNG export: as the canvas sets it at full
// detail (canvas/noteText.ts) — wrapped, long words broken at syllable
// boundaries, at its size, on a note of the board's size, a text longer than
// the note cut with "…" — so that the picture shows what people saw on the
// board, and no note sticks out of its frame. Invisible bidi overrides and
// zero-width characters are shown, not applied.
import { revealInvisibles } from '@pinnwand/shared/export/invisibleChars';
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { NOTE_PADDING, noteFontSize } from '../canvas/noteStyle.ts';
import { detailLayout, fitLine } from '../canvas/noteText.ts';

/** Type size of the author's name in a note's footer, as on the canvas (notePainter.ts). */
export const AUTHOR_SIZE = 10;

export interface PngNoteLayout {
  lines: string;
  fontSize: number;
  /** The text went on beyond the note (its last line ends in "…"). */
  cut: boolean;
  /** Always the board's note height: the picture is the board as seen. */
  height: number;
  /** The author's name as the footer shows it ('' when the export leaves names out). */
  author: string;
}

/** The note's text and footer laid out as on the canvas; `author` only when the export names authors. */
export function noteLayout(text: string, author = '', votes = 0): PngNoteLayout {
  const shown = revealInvisibles(text);
  const layout = detailLayout(shown);
  const authorWidth = NOTE_WIDTH - 2 * NOTE_PADDING - (votes > 0 ? 34 : 0);
  const name = revealInvisibles(author.trim());
  return {
    lines: layout.lines.join('\n'),
    fontSize: noteFontSize(shown),
    cut: layout.cut,
    height: NOTE_HEIGHT,
    author: name ? fitLine(name, authorWidth, AUTHOR_SIZE) : '',
  };
}
