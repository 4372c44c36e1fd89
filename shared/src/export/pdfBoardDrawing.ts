/**
 * The vector picture of a board in the PDF: cluster frames and notes as boxes
 * with their text, scaled to fit a rectangle of the page. Drawn from the
 * document's own coordinates (the same ones the canvas uses), so the picture
 * shows the board as the room saw it. In the tagged PDF the drawing is one
 * Figure with alternative text, and its text is replaced by that description
 * for extraction (pdf.ts): the notes are read once, from the list after it.
 *
 * Positions a client may write but no board shows (NaN, ±Infinity, beyond a
 * million units) are left out of the picture, never thrown on; such notes
 * still appear in the list.
 */
import { type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import {
  HEADING_INSET,
  HEADING_LINE_HEIGHT,
  HEADING_TOP,
  headingWidth,
  layoutHeading,
} from '../model/clusterHeading.ts';
import { isNoteColor, NOTE_COLOR_HEX } from '../model/colors.ts';
import { NOTE_HEIGHT, NOTE_WIDTH, type Rect, withinBoard } from '../model/layout.ts';
import type { Note } from '../model/note.ts';
import type { BoardView } from '../read/workshopView.ts';
import { splitLayoutHyphen } from './pdfHyphenation.ts';
import { shownLine, type TextMeasure, wrapText } from './pdfText.ts';

export interface DrawingFonts {
  regular: PDFFont;
  bold: PDFFont;
  measure: TextMeasure;
  measureBold: TextMeasure;
}

export function hexColor(hex: string) {
  const n = Number.parseInt(hex.slice(1), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}

const FRAME_FILL = hexColor('#f1f3f5');
const FRAME_BORDER = hexColor('#adb5bd');
const NOTE_BORDER = hexColor('#8d8d8d');
const INK = hexColor('#1a1a1a');
const BOARD_BORDER = hexColor('#ced4da');

function noteFill(color: string) {
  return hexColor(isNoteColor(color) ? NOTE_COLOR_HEX[color] : NOTE_COLOR_HEX.yellow);
}

function allNotes(board: BoardView): Note[] {
  return [...board.clusters.flatMap((c) => c.notes), ...board.unclusteredNotes];
}

const plausible = (...values: number[]) => values.every(withinBoard);
const drawable = (c: { x: number; y: number; width: number; height: number }) =>
  plausible(c.x, c.y, c.width, c.height) && c.width > 0 && c.height > 0;

/** The board's content bounds in board units, or null for an empty board. */
export function boardBounds(board: BoardView): Rect | null {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  const add = (x: number, y: number, w: number, h: number) => {
    if (!drawable({ x, y, width: w, height: h })) return;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x + w);
    maxY = Math.max(maxY, y + h);
  };
  for (const c of board.clusters) add(c.x, c.y, c.width, c.height);
  for (const n of allNotes(board)) add(n.x, n.y, NOTE_WIDTH, NOTE_HEIGHT);
  if (minX === Number.POSITIVE_INFINITY) return null;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/** Size the drawing takes when fitted into `maxWidth` × `maxHeight` (points). */
export function drawingSize(
  bounds: Rect,
  maxWidth: number,
  maxHeight: number,
): { width: number; height: number; scale: number } {
  const pad = 24; // board units of air around the content
  const w = bounds.width + 2 * pad;
  const h = bounds.height + 2 * pad;
  // Never enlarge beyond half size: a near-empty board should not fill a page.
  const scale = Math.min(maxWidth / w, maxHeight / h, 0.5);
  return { width: w * scale, height: h * scale, scale };
}

/** Lines of `text` that fit a box; the last shown line ends in an ellipsis if text was cut. */
function fitLines(
  text: string,
  width: number,
  maxLines: number,
  size: number,
  m: TextMeasure,
): string[] {
  // Inside the drawing (text the figure's ActualText replaces) a layout hyphen is drawn as one.
  const lines = wrapText(text, width, size, m);
  if (lines.length <= maxLines) return lines.map(shownLine);
  const shown = lines.slice(0, Math.max(0, maxLines));
  if (shown.length > 0) {
    const lastLine = splitLayoutHyphen(shown[shown.length - 1] ?? '').text;
    let last = `${lastLine.trimEnd()}…`;
    while (last.length > 1 && m.width(last, size) > width) last = `${last.slice(0, -2)}…`;
    shown[shown.length - 1] = last;
  }
  return shown.map(shownLine);
}

/**
 * Draws the board with its top-left corner at (left, top) in page coordinates
 * (points from the bottom-left corner, as PDF counts).
 */
export async function drawBoard(
  page: PDFPage,
  board: BoardView,
  bounds: Rect,
  at: { left: number; top: number; width: number; height: number; scale: number },
  fonts: DrawingFonts,
  /** Awaited after each note, so a caller can yield during a large board. */
  afterNote: () => Promise<void> = async () => {},
): Promise<void> {
  const { scale } = at;
  const pad = 24;
  const toX = (x: number) => at.left + (x - bounds.x + pad) * scale;
  const toY = (y: number) => at.top - (y - bounds.y + pad) * scale;
  page.drawRectangle({
    x: at.left,
    y: at.top - at.height,
    width: at.width,
    height: at.height,
    borderColor: BOARD_BORDER,
    borderWidth: 0.5,
  });
  for (const c of board.clusters) {
    if (!drawable(c)) continue;
    page.drawRectangle({
      x: toX(c.x),
      y: toY(c.y + c.height),
      width: c.width * scale,
      height: c.height * scale,
      color: FRAME_FILL,
      borderColor: FRAME_BORDER,
      borderWidth: Math.max(0.3, 1.5 * scale),
    });
    // The heading wraps as on the canvas (model/clusterHeading.ts), measured in the PDF's font.
    const width = headingWidth(c.width) * scale;
    const heading = layoutHeading((size, lines) => {
      const all = wrapText(c.title, width, size * scale, fonts.measureBold);
      return {
        lines: fitLines(c.title, width, lines, size * scale, fonts.measureBold),
        cut: all.length > lines,
      };
    });
    const headingLine = heading.size * HEADING_LINE_HEIGHT;
    heading.lines.forEach((line, i) => {
      if (!line) return;
      page.drawText(line, {
        x: toX(c.x + HEADING_INSET),
        // The baseline where the canvas has it: the line's middle plus the font's x-height, roughly.
        y: toY(c.y + HEADING_TOP + i * headingLine + 0.9 * heading.size),
        size: heading.size * scale,
        font: fonts.bold,
        color: INK,
      });
    });
  }
  const size = 12 * scale;
  const lineHeight = size * 1.2;
  const inner = (NOTE_WIDTH - 16) * scale;
  const maxLines = Math.floor(((NOTE_HEIGHT - 16) * scale) / lineHeight);
  for (const note of allNotes(board)) {
    if (!plausible(note.x, note.y)) {
      await afterNote();
      continue;
    }
    const x = toX(note.x);
    const top = toY(note.y);
    page.drawRectangle({
      x,
      y: top - NOTE_HEIGHT * scale,
      width: NOTE_WIDTH * scale,
      height: NOTE_HEIGHT * scale,
      color: noteFill(note.color),
      borderColor: NOTE_BORDER,
      borderWidth: Math.max(0.2, 0.75 * scale),
    });
    const lines = fitLines(note.text, inner, maxLines, size, fonts.measure);
    lines.forEach((line, i) => {
      if (!line) return;
      page.drawText(line, {
        x: x + 8 * scale,
        y: top - 8 * scale - size * 0.95 - i * lineHeight,
        size,
        font: fonts.regular,
        color: INK,
      });
    });
    if (note.votes.total > 0) {
      const label = `● ${note.votes.total}`;
      const vs = 11 * scale;
      page.drawText(label, {
        x: x + (NOTE_WIDTH - 8) * scale - fonts.measureBold.width(label, vs),
        y: top - (NOTE_HEIGHT - 8) * scale,
        size: vs,
        font: fonts.bold,
        color: INK,
      });
    }
    await afterNote();
  }
}
