/**
 * The fixed palette of sticky-note colours. Notes store the colour's name (a
 * string, per design.md), so that a theme or a PDF can render names its own
 * way; the hex values here are the default rendering shared by canvas and PDF.
 */
import { z } from 'zod';

export const NOTE_COLORS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple'] as const;
export type NoteColor = (typeof NOTE_COLORS)[number];
export const noteColorSchema = z.enum(NOTE_COLORS);

export const DEFAULT_NOTE_COLOR: NoteColor = 'yellow';

/** Paper colours chosen for dark text to stay readable (WCAG AA against #1a1a1a). */
export const NOTE_COLOR_HEX: Readonly<Record<NoteColor, string>> = Object.freeze({
  yellow: '#fff176',
  pink: '#f8bbd0',
  blue: '#b3e5fc',
  green: '#c5e1a5',
  orange: '#ffcc80',
  purple: '#d1c4e9',
});

export function isNoteColor(value: unknown): value is NoteColor {
  return typeof value === 'string' && (NOTE_COLORS as readonly string[]).includes(value);
}
