// How a note's text is set in the PNG export: wrapped like the canvas wraps
// it, breaking long words at syllable boundaries (canvas/hyphenate.ts), and
// all of it shown — a picture cannot be scrolled or opened. A long text is set
// smaller, down to a readable minimum; beyond that the note grows downwards.
// Invisible bidi overrides and zero-width characters are shown, not applied.
import { revealInvisibles } from '@pinnwand/shared/export/invisibleChars';
import { NOTE_HEIGHT } from '@pinnwand/shared/model/layout';
import { wrapText } from '../canvas/hyphenate.ts';
import {
  NOTE_FOOTER,
  NOTE_LINE_HEIGHT,
  NOTE_PADDING,
  noteFontSize,
  TEXT_WIDTH,
  wordWidth,
} from '../canvas/noteStyle.ts';

/** Smallest type a note is set in before it grows instead. */
const MIN_FONT_SIZE = 9;
/** The note's text laid out to show all of it: wrapped lines, type size, note height. */
export function noteLayout(text: string): { lines: string; fontSize: number; height: number } {
  const shown = revealInvisibles(text);
  const room = NOTE_HEIGHT - 2 * NOTE_PADDING - NOTE_FOOTER;
  let fontSize = noteFontSize(shown);
  for (;;) {
    const size = fontSize;
    const lines = wrapText(shown, TEXT_WIDTH, (s) => wordWidth(s, size));
    const needed = lines.split('\n').length * size * NOTE_LINE_HEIGHT;
    if (needed <= room || size <= MIN_FONT_SIZE) {
      return { lines, fontSize: size, height: Math.max(NOTE_HEIGHT, needed + NOTE_HEIGHT - room) };
    }
    fontSize = size - 1;
  }
}
