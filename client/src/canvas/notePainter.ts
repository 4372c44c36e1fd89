// How one note is drawn, straight onto a 2D context in the note's own
// coordinates (its top-left at 0,0, world units). One function per note and
// level of detail instead of a Konva group of rectangles and texts: a
// thousand notes are a thousand nodes, not ten thousand, and drawing one is a
// handful of canvas calls with text laid out once (noteText.ts). Used by the
// board's snapshot (noteSnapshot.ts) and by the Konva shape of a note being
// dragged (NoteNode.tsx). Leaves the context's transform as it found it.
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import { fillCard, strokeCard } from './cardShape.ts';
import { NOTE_FOOTER, NOTE_PADDING, NOTE_TEXT_COLOR, noteFill, noteFont } from './noteStyle.ts';
import {
  fitLine,
  type NoteLayouts,
  type TextLayout,
  TITLE_PADDING,
  TITLE_SIZE,
} from './noteText.ts';
import type { NoteDetail } from './useViewRect.ts';

const SELECTED = '#1f5fbf';
/** The outline of a card zoomed out (it tells notes apart where no shadow shows). */
const TITLE_OUTLINE = '#c9c2a0';
const SHADOW = 'rgba(0,0,0,0.14)';
const BADGE = '#1d2433';
const AUTHOR = '#4a4a4a';
/** Outlines keep their width on screen (CSS pixels) at every zoom. */
const OUTLINE_PX = 3;

/** What a note shows, besides its text's layouts. */
export interface NoteLook {
  color: string;
  author: string;
  /** The total shown (0 while a round hides totals). */
  votes: number;
  selected: boolean;
  /** Someone else's colour when they select or write in it. */
  remoteColor: string | undefined;
  /** This person writes in it: the HTML editor shows the text instead. */
  editingHere: boolean;
  /** "Anna schreibt …" above the note, in the writer's colour. */
  writer: { label: string; color: string } | null;
  layouts: NoteLayouts;
}

function lines(ctx: CanvasRenderingContext2D, layout: TextLayout, x: number, y: number): void {
  ctx.font = layout.font;
  ctx.fillStyle = NOTE_TEXT_COLOR;
  for (let i = 0; i < layout.lines.length; i++)
    ctx.fillText(layout.lines[i] ?? '', x, y + (i + 0.5) * layout.lineHeight);
}

/** The vote count in a dark pill, its top-left at x,y, 30×16 units. */
function badge(ctx: CanvasRenderingContext2D, votes: number, x: number, y: number): void {
  ctx.fillStyle = BADGE;
  ctx.beginPath();
  ctx.roundRect(x, y, 30, 16, 8);
  ctx.fill();
  ctx.font = noteFont(10);
  ctx.fillStyle = '#ffffff';
  ctx.textAlign = 'center';
  ctx.fillText(`● ${votes}`, x + 15, y + 8);
  ctx.textAlign = 'left';
}

/** The whole note: text at its size, author, votes, shadow, who is writing in it. */
function paintDetail(ctx: CanvasRenderingContext2D, look: NoteLook, scale: number): void {
  fillCard(ctx, 2, 3, SHADOW, scale);
  fillCard(ctx, 0, 0, noteFill(look.color), scale);
  const ring = look.selected ? SELECTED : look.remoteColor;
  if (ring) strokeCard(ctx, ring, OUTLINE_PX, scale);
  if (!look.editingHere) lines(ctx, look.layouts.get('detail'), NOTE_PADDING, NOTE_PADDING);
  const authorWidth = NOTE_WIDTH - 2 * NOTE_PADDING - (look.votes > 0 ? 34 : 0);
  ctx.font = noteFont(10);
  ctx.fillStyle = AUTHOR;
  ctx.fillText(
    fitLine(look.author, authorWidth, 10),
    NOTE_PADDING,
    NOTE_HEIGHT - NOTE_FOOTER + 2 + 5,
  );
  if (look.votes > 0) badge(ctx, look.votes, NOTE_WIDTH - 36, NOTE_HEIGHT - NOTE_FOOTER - 2);
  const writer = look.writer;
  if (writer) {
    ctx.fillStyle = writer.color;
    ctx.beginPath();
    ctx.roundRect(0, -20, Math.min(NOTE_WIDTH, 12 + writer.label.length * 6.6), 18, 3);
    ctx.fill();
    ctx.font = noteFont(11);
    ctx.fillStyle = '#ffffff';
    ctx.fillText(fitLine(writer.label, NOTE_WIDTH - 12, 11), 6, -20 + 3 + 5.5);
  }
}

/** Zoomed out: the first words in large type (a title), its votes, and nothing else. */
function paintTitle(
  ctx: CanvasRenderingContext2D,
  look: NoteLook,
  level: Exclude<NoteDetail, 'detail' | 'card'>,
  scale: number,
): void {
  fillCard(ctx, 0, 0, noteFill(look.color), scale);
  const ring = look.selected ? SELECTED : look.remoteColor;
  strokeCard(ctx, ring ?? TITLE_OUTLINE, ring ? OUTLINE_PX : 1, scale);
  lines(ctx, look.layouts.get(level), TITLE_PADDING, TITLE_PADDING);
  if (look.votes > 0) {
    // The pill grows with the title type so it stays readable.
    const k = TITLE_SIZE[level] / 14;
    ctx.translate(NOTE_WIDTH, NOTE_HEIGHT);
    ctx.scale(k, k);
    badge(ctx, look.votes, -30, -16);
    ctx.scale(1 / k, 1 / k);
    ctx.translate(-NOTE_WIDTH, -NOTE_HEIGHT);
  }
}

/** A board fitted whole beyond 10 %: the card in its colour (and a selection ring), no text. */
function paintCard(ctx: CanvasRenderingContext2D, look: NoteLook, scale: number): void {
  fillCard(ctx, 0, 0, noteFill(look.color), scale);
  const ring = look.selected ? SELECTED : look.remoteColor;
  if (ring) strokeCard(ctx, ring, OUTLINE_PX, scale);
}

/**
 * Draws a note at `level` onto `ctx`, whose origin is the note's top-left in
 * world units; `scale` is CSS pixels per world unit (outlines keep their
 * screen width).
 */
export function paintNote(
  ctx: CanvasRenderingContext2D,
  look: NoteLook,
  level: NoteDetail,
  scale: number,
): void {
  ctx.textBaseline = 'middle';
  if (level === 'detail') paintDetail(ctx, look, scale);
  else if (level === 'card') paintCard(ctx, look, scale);
  else paintTitle(ctx, look, level, scale);
}
