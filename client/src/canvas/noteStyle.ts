// How a note looks, shared by the Konva note and the HTML editor laid over it
// so text does not jump when editing starts.
import { isNoteColor, NOTE_COLOR_HEX } from '@pinnwand/shared/model/colors';

export const FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif';
export const NOTE_PADDING = 10;
export const NOTE_FOOTER = 18;
export const NOTE_TEXT_COLOR = '#1a1a1a';
export const NOTE_LINE_HEIGHT = 1.25;

export function noteFill(color: string): string {
  if (isNoteColor(color)) return NOTE_COLOR_HEX[color];
  return /^#[0-9a-fA-F]{6}$/.test(color) ? color : NOTE_COLOR_HEX.yellow;
}

/** Shorter texts get larger type, so a keyword reads from across the room. */
export function noteFontSize(text: string): number {
  const length = text.length;
  const lines = text.split('\n').length;
  // German compounds are long: the large sizes are used only when the longest
  // word fits on a line (Konva wraps at spaces and hyphens, so those are the
  // word boundaries here too); longer words are hyphenated (hyphenate.ts).
  const longest = text.split(/[\s-]+/).reduce((a, w) => (w.length > a.length ? w : a), '');
  const fits = (size: number) => wordWidth(longest, size) <= TEXT_WIDTH;
  if (length <= 24 && lines <= 2 && fits(20)) return 20;
  if (length <= 60 && lines <= 3 && fits(16)) return 16;
  if (length <= 110 && lines <= 5) return 14;
  if (length <= 170) return 12;
  return 11;
}

/** Width of the note's text box (note width minus padding). */
export const TEXT_WIDTH = 140;
/** Average glyph width of sans-serif UI fonts relative to the size, where nothing can measure. */
const AVG_CHAR_WIDTH = 0.56;

/** Type is measured at this size and scaled: one cached width per word serves every size. */
const MEASURE_SIZE = 100;
let measureContext: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/** The CSS font of note text at `size` px. */
export function noteFont(size: number, bold = false): string {
  return `${bold ? 'bold ' : ''}${size}px ${FONT_FAMILY}`;
}

/**
 * The rendered width of `word` at `size` px in the note font (estimated
 * outside a browser). Advance widths scale with the size, so a word is
 * measured once per weight whatever sizes it is set in.
 */
export function wordWidth(word: string, size: number, bold = false): number {
  if (measureContext === undefined) {
    measureContext =
      typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  }
  if (!measureContext) return word.length * size * AVG_CHAR_WIDTH * (bold ? 1.1 : 1);
  const key = bold ? `b${word}` : word;
  let width = widths.get(key);
  if (width === undefined) {
    measureContext.font = noteFont(MEASURE_SIZE, bold);
    width = measureContext.measureText(word).width / MEASURE_SIZE;
    if (widths.size > 20_000) widths.clear();
    widths.set(key, width);
  }
  return width * size;
}
