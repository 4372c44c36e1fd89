/**
 * One board in the PDF: its heading and guiding question, a vector drawing
 * of the board as a Figure, its clusters' and loose notes' lists, and its
 * summary. A board without notes shares the previous board's page when there
 * is room.
 */
import type { Rect } from '../model/layout.ts';
import type { BoardView } from '../read/workshopView.ts';
import type { ExportLabels } from './labels.ts';
import { boardBounds, drawBoard, drawingSize } from './pdfBoardDrawing.ts';
import { heading } from './pdfHeading.ts';
import { headedNoteList, noteList } from './pdfNoteList.ts';
import type { OutlineEntry } from './pdfOutline.ts';
import type { Progress } from './pdfProgress.ts';
import { summaryBlock } from './pdfSummary.ts';
import type { StructElement } from './pdfTags.ts';
import {
  A4,
  ACCENT,
  CONTENT_WIDTH,
  MARGIN,
  MUTED,
  type PdfWriter,
  type TextStyle,
} from './pdfWriter.ts';

function boardHeading(w: PdfWriter, parent: StructElement, board: BoardView) {
  heading(w, parent, 'H2', board.title || '—', 20, 4, 0);
  if (board.question.trim()) {
    const style: TextStyle = { size: 12, color: MUTED, leading: 1.35, indent: 10 };
    const lines = w.lines(board.question.trim(), style, CONTENT_WIDTH - 10);
    const top = w.y;
    const question = w.tags.add(parent, 'BlockQuote');
    w.drawLines(lines, style, w.tags.add(question, 'P'));
    w.decorate((page) =>
      page.drawRectangle({
        x: MARGIN.left,
        y: w.pageHeight - w.y + 2,
        width: 2.5,
        height: w.y - top - 2,
        color: ACCENT,
      }),
    );
  }
  w.gap(14);
}

/** Draws the board below the cursor, centred, at most `maxHeight` tall, as a Figure. */
async function boardPicture(
  w: PdfWriter,
  parent: StructElement,
  board: BoardView,
  bounds: Rect,
  labels: ExportLabels,
  maxHeight: number,
  progress: Progress,
) {
  const size = drawingSize(bounds, CONTENT_WIDTH, maxHeight);
  const left = MARGIN.left + (CONTENT_WIDTH - size.width) / 2;
  const at = { left, top: w.pageHeight - w.y, ...size };
  const alt = labels.drawing(board.title || '—', board.clusters.length, board.noteCount);
  const figure = w.tags.add(parent, 'Figure', {
    alt,
    bbox: [left, at.top - size.height, left + size.width, at.top],
  });
  const page = w.page;
  w.tags.beginReplaced(page, figure, alt);
  await drawBoard(page, board, bounds, at, w.fonts, () => progress.note());
  w.tags.endReplaced(page);
  w.gap(size.height + 20);
}

/** Room an empty board needs below the previous one: heading, question, one line. */
const EMPTY_BOARD_ROOM = 140;

export async function boardSection(
  w: PdfWriter,
  board: BoardView,
  labels: ExportLabels,
  authors: boolean,
  title: string,
  progress: Progress,
  outline: OutlineEntry[],
  sharePage: boolean,
) {
  const doc = w.tags.root;
  w.header = `${title} · ${board.title}`;
  const bounds = boardBounds(board);
  const portraitBody = A4.height - MARGIN.top - MARGIN.bottom;
  // A board without notes or summary is a heading and a line: it goes below
  // the previous board when there is room, not on a page of its own.
  const empty = board.noteCount === 0 && board.clusters.length === 0 && !board.summary.trim();
  if (empty && sharePage && w.remaining > EMPTY_BOARD_ROOM) {
    w.gap(18);
    outline.push({ title: board.title || '—', page: w.page });
  } else outline.push({ title: board.title || '—', page: w.newPage(false) });
  boardHeading(w, doc, board);
  if (empty) {
    w.paragraph(labels.noNotes, { size: 11, color: MUTED }, doc);
    return;
  }
  if (bounds) {
    const maxHeight = Math.min(w.remaining - 24, portraitBody * 0.62);
    await boardPicture(w, doc, board, bounds, labels, maxHeight, progress);
  }
  for (const cluster of board.clusters) {
    await headedNoteList(w, doc, cluster.title || '—', cluster.notes, labels, authors, progress);
    w.gap(8);
  }
  if (board.unclusteredNotes.length > 0) {
    const { unclusteredNotes } = board;
    if (board.clusters.length > 0) {
      await headedNoteList(w, doc, labels.unclustered, unclusteredNotes, labels, authors, progress);
    } else await noteList(w, doc, unclusteredNotes, labels, authors, progress);
    w.gap(8);
  }
  if (board.summary.trim()) {
    w.gap(6);
    summaryBlock(w, doc, 'H3', labels.boardSummary, board.summary, 13);
  }
}
