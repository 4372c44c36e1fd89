// A PNG of one board at print resolution, drawn on an off-screen Konva stage
// from the board's data (the live canvas only draws what is on screen). It
// shows the board as people saw it: note colours, type sizes and lines as on
// the canvas (canvas/noteStyle, noteText), notes at their board size with a
// long text cut with "…" (noteLayout.ts), a frame's heading wrapped as on the
// canvas (canvas/frameHeading.ts), the author's name in a note's footer when
// the export names authors. Above the board, its title and guiding question
// (pngHeader.ts). Invisible bidi overrides are shown, not applied.

import { revealInvisibles } from '@pinnwand/shared/export/invisibleChars';
import {
  HEADING_INSET,
  HEADING_LINE_HEIGHT,
  HEADING_TOP,
  headingWidth,
} from '@pinnwand/shared/model/clusterHeading';
import type { Lang } from '@pinnwand/shared/model/lang';
import { NOTE_HEIGHT, NOTE_WIDTH } from '@pinnwand/shared/model/layout';
import type { BoardView } from '@pinnwand/shared/read/workshopView';
import Konva from 'konva';
import { frameHeading } from '../canvas/frameHeading.ts';
import { loadHyphenation } from '../canvas/hyphenation.ts';
import {
  FONT_FAMILY,
  NOTE_FOOTER,
  NOTE_LINE_HEIGHT,
  NOTE_PADDING,
  NOTE_TEXT_COLOR,
  noteFill,
} from '../canvas/noteStyle.ts';
import { AUTHOR_SIZE, noteLayout } from './noteLayout.ts';
import {
  HEADER_LINE_HEIGHT,
  HEADER_MIN_WIDTH,
  pngHeader,
  QUESTION_SIZE,
  TITLE_SIZE,
} from './pngHeader.ts';

/** Long side of the picture: A4 at 300 dpi. */
const PRINT_PIXELS = 3508;
/** Browsers refuse canvases much larger than this on a side. */
const MAX_SIDE = 16_000;
const MARGIN = 40;
const FAR = 1e6;
/** The author's name, as on the canvas (notePainter.ts). */
const AUTHOR_COLOR = '#4a4a4a';
const MUTED = '#5f666e';
/** The PDF's accent (pdfWriter.ts), beside the question as there. */
const ACCENT = '#1c5499';
const plausible = (...values: number[]) =>
  values.every((v) => Number.isFinite(v) && Math.abs(v) <= FAR);

/** A frame's heading, set as the canvas sets it (ClusterLayer.tsx). */
function headingText(x: number, y: number, width: number, title: string): Konva.Text {
  const { size, lines } = frameHeading(title, width);
  return new Konva.Text({
    x: x + HEADING_INSET,
    y: y + HEADING_TOP,
    width: Math.max(1, headingWidth(width)),
    text: lines.join('\n'),
    fontFamily: FONT_FAMILY,
    fontSize: size,
    lineHeight: HEADING_LINE_HEIGHT,
    fontStyle: 'bold',
    fill: NOTE_TEXT_COLOR,
    wrap: 'none',
  });
}

export interface PngOptions {
  /** Names each note's author in its footer (the export's "authors" option). */
  includeAuthors: boolean;
  /** The language of the words the picture adds ("Leitfrage"). */
  lang: Lang;
}

export async function boardToPng(board: BoardView, options: PngOptions): Promise<Blob> {
  await loadHyphenation();
  const notes = [...board.clusters.flatMap((c) => c.notes), ...board.unclusteredNotes]
    .filter((n) => plausible(n.x, n.y))
    .map((n) => ({
      ...n,
      layout: noteLayout(n.text, options.includeAuthors ? n.author : '', n.votes.total),
    }));
  const clusters = board.clusters.filter(
    (c) => plausible(c.x, c.y, c.width, c.height) && c.width > 0 && c.height > 0,
  );
  let minX = 0;
  let minY = 0;
  let maxX = NOTE_WIDTH;
  let maxY = NOTE_HEIGHT;
  const boxes = [
    ...clusters.map((c) => ({ x: c.x, y: c.y, w: c.width, h: c.height })),
    ...notes.map((n) => ({ x: n.x, y: n.y, w: NOTE_WIDTH, h: n.layout.height })),
  ];
  if (boxes.length > 0) {
    minX = Math.min(...boxes.map((b) => b.x));
    minY = Math.min(...boxes.map((b) => b.y));
    maxX = Math.max(...boxes.map((b) => b.x + b.w));
    maxY = Math.max(...boxes.map((b) => b.y + b.h));
  }
  const contentWidth = Math.max(maxX - minX, HEADER_MIN_WIDTH);
  const header = pngHeader(board, options.lang, contentWidth);
  // The header lies above the board's content, in the margin's coordinates.
  minY -= header.height;
  const width = contentWidth + 2 * MARGIN;
  const height = maxY - minY + 2 * MARGIN;
  const longest = Math.max(width, height);
  const pixelRatio = Math.max(0.5, Math.min(PRINT_PIXELS / longest, MAX_SIDE / longest, 4));

  const container = document.createElement('div');
  const stage = new Konva.Stage({ container, width, height });
  try {
    const layer = new Konva.Layer({ x: MARGIN - minX, y: MARGIN - minY });
    stage.add(layer);
    layer.add(
      new Konva.Rect({ x: minX - MARGIN, y: minY - MARGIN, width, height, fill: '#ffffff' }),
    );
    layer.add(
      new Konva.Text({
        x: minX,
        y: minY,
        width: contentWidth,
        text: header.title,
        fontFamily: FONT_FAMILY,
        fontSize: TITLE_SIZE,
        lineHeight: HEADER_LINE_HEIGHT,
        fontStyle: 'bold',
        fill: NOTE_TEXT_COLOR,
        wrap: 'none',
      }),
    );
    if (header.question) {
      const lines = header.question.split('\n').length;
      layer.add(
        new Konva.Rect({
          x: minX,
          y: minY + header.questionTop,
          width: 3,
          height: lines * QUESTION_SIZE * HEADER_LINE_HEIGHT,
          fill: ACCENT,
        }),
        new Konva.Text({
          x: minX + 12,
          y: minY + header.questionTop,
          width: contentWidth - 12,
          text: header.question,
          fontFamily: FONT_FAMILY,
          fontSize: QUESTION_SIZE,
          lineHeight: HEADER_LINE_HEIGHT,
          fill: MUTED,
          wrap: 'none',
        }),
      );
    }
    for (const c of clusters) {
      layer.add(
        new Konva.Rect({
          x: c.x,
          y: c.y,
          width: c.width,
          height: c.height,
          fill: '#f1f3f5',
          stroke: '#adb5bd',
          strokeWidth: 1.5,
          cornerRadius: 8,
        }),
        headingText(c.x, c.y, c.width, revealInvisibles(c.title)),
      );
    }
    for (const n of notes) {
      const { lines, fontSize, height: noteHeight } = n.layout;
      layer.add(
        new Konva.Rect({
          x: n.x + 2,
          y: n.y + 3,
          width: NOTE_WIDTH,
          height: noteHeight,
          fill: 'rgba(0,0,0,0.14)',
        }),
        new Konva.Rect({
          x: n.x,
          y: n.y,
          width: NOTE_WIDTH,
          height: noteHeight,
          fill: noteFill(n.color),
        }),
        new Konva.Text({
          x: n.x + NOTE_PADDING,
          y: n.y + NOTE_PADDING,
          width: NOTE_WIDTH - 2 * NOTE_PADDING,
          text: lines,
          fontFamily: FONT_FAMILY,
          fontSize,
          lineHeight: NOTE_LINE_HEIGHT,
          fill: NOTE_TEXT_COLOR,
          // The lines are already broken (and hyphenated) to fit.
          wrap: 'none',
        }),
      );
      if (n.layout.author) {
        layer.add(
          new Konva.Text({
            x: n.x + NOTE_PADDING,
            y: n.y + noteHeight - NOTE_FOOTER + 2,
            text: n.layout.author,
            fontFamily: FONT_FAMILY,
            fontSize: AUTHOR_SIZE,
            fill: AUTHOR_COLOR,
            wrap: 'none',
          }),
        );
      }
      if (n.votes.total > 0) {
        layer.add(
          new Konva.Text({
            x: n.x + NOTE_WIDTH - 60,
            y: n.y + noteHeight - 18,
            width: 52,
            align: 'right',
            text: `● ${n.votes.total}`,
            fontFamily: FONT_FAMILY,
            fontSize: 12,
            fontStyle: 'bold',
            fill: NOTE_TEXT_COLOR,
          }),
        );
      }
    }
    layer.draw();
    const blob = await stage.toBlob({ pixelRatio, mimeType: 'image/png' });
    if (!(blob instanceof Blob)) throw new Error('The browser could not draw the board.');
    return blob;
  } finally {
    stage.destroy();
  }
}
