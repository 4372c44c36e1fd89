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
  // German compounds are long: a size at which the longest word does not fit
  // on one line would break it in the middle ("Erfahrungsau-stausch").
  const longest = Math.max(0, ...text.split(/[\s-]+/).map((w) => w.length));
  const fits = (size: number) => longest * size * AVG_CHAR_WIDTH <= TEXT_WIDTH;
  if (length <= 24 && lines <= 2 && fits(20)) return 20;
  if (length <= 60 && lines <= 3 && fits(16)) return 16;
  if (length <= 110 && lines <= 5 && fits(14)) return 14;
  if (length <= 170 && fits(12)) return 12;
  return 11;
}

/** Average glyph width of the sans-serif UI fonts, relative to the font size. */
const AVG_CHAR_WIDTH = 0.56;
const TEXT_WIDTH = 140;
