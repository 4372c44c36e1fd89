/**
 * The workshop as a PDF: a real A4 document a facilitator can file or mail
 * instead of a photo protocol. Title page; per board its guiding question, a
 * vector drawing of the board and the structured list (clusters, notes,
 * votes, as in the Markdown export); the board and workshop summaries; page
 * numbers. Text is set in an embedded TrueType font (subset) so that it is
 * selectable and searchable, umlauts included.
 *
 * Pure: the font files come in as bytes (the server reads them from
 * node_modules, the browser fetches them), and the output depends only on the
 * view and the options — no clock, no random names — so the browser's
 * download and the server's export are the same bytes.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import type { Rect } from '../model/layout.ts';
import type { Note } from '../model/note.ts';
import type { BoardView, WorkshopView } from '../read/workshopView.ts';
import {
  type ExportOptions,
  exportDate,
  isoDay,
  notesInExportOrder,
  workshopTitle,
} from './exportOptions.ts';
import { type ExportLabels, labelsFor } from './labels.ts';
import { boardBounds, drawBoard, drawingSize } from './pdfBoardDrawing.ts';
import { cacheWordShaping, TextMeasure } from './pdfText.ts';
import {
  A4,
  ACCENT,
  CONTENT_WIDTH,
  MARGIN,
  MUTED,
  PdfWriter,
  type TextStyle,
} from './pdfWriter.ts';

export interface PdfOptions extends ExportOptions {
  /** A TrueType/OpenType font covering the workshop's text (e.g. DejaVuSans.ttf). */
  fontBytes: Uint8Array | ArrayBuffer;
  /** Its bold cut; the regular font is used for headings when absent. */
  boldFontBytes?: Uint8Array | ArrayBuffer;
  /**
   * Called after each board with the share of work done (0..1). Awaited, so a
   * browser can yield to repaint a progress bar while a large PDF builds.
   */
  onProgress?: (done: number) => void | Promise<void>;
}

const BODY: TextStyle = { size: 10.5, leading: 1.38 };
const BULLET_INDENT = 14;
const VOTE_COLUMN = 64;

function collectText(view: WorkshopView): number {
  let notes = view.orphanNotes.length;
  for (const board of view.boards) notes += board.noteCount;
  return notes;
}

function titlePage(w: PdfWriter, view: WorkshopView, labels: ExportLabels, options: PdfOptions) {
  w.newPage(false);
  w.gap(150);
  w.page.drawRectangle({
    x: MARGIN.left,
    y: A4.height - w.y + 12,
    width: 60,
    height: 4,
    color: ACCENT,
  });
  w.gap(12);
  w.paragraph(workshopTitle(view), { size: 26, bold: true, leading: 1.2 });
  w.gap(14);
  w.paragraph(`${labels.date}: ${isoDay(exportDate(view, options))}`, { size: 12, color: MUTED });
  const license = options.license?.trim();
  if (license) w.paragraph(`${labels.license}: ${license}`, { size: 12, color: MUTED });
  w.gap(36);
  w.paragraph(labels.contents, { size: 13, bold: true });
  w.gap(6);
  const entries: [string, string][] = view.boards.map((b) => [
    b.title || '—',
    labels.notes(b.noteCount),
  ]);
  if (view.orphanNotes.length > 0)
    entries.push([labels.orphans, labels.notes(view.orphanNotes.length)]);
  if (view.summary.trim()) entries.push([labels.workshopSummary, '']);
  for (const [title, count] of entries) {
    const countWidth = w.fonts.measure.width(count, 11);
    const lines = w.lines(title, { size: 11 }, CONTENT_WIDTH - countWidth - 16);
    w.ensure(lines.length * 15);
    w.page.drawText(count, {
      x: A4.width - MARGIN.right - countWidth,
      y: w.baseline(11),
      size: 11,
      font: w.fonts.regular,
      color: MUTED,
    });
    w.drawLines(lines, { size: 11, leading: 1.36 });
    w.gap(3);
  }
  w.gap(24);
  w.paragraph(labels.notes(collectText(view)), { size: 10, color: MUTED });
}

function heading(w: PdfWriter, text: string, size: number, spaceAfter: number, keepWith = 60) {
  const style: TextStyle = { size, bold: true, leading: 1.25 };
  const lines = w.lines(text, style);
  w.ensure(lines.length * size * 1.25 + keepWith);
  w.drawLines(lines, style);
  w.gap(spaceAfter);
}

function noteEntry(w: PdfWriter, note: Note, labels: ExportLabels, authors: boolean) {
  const textWidth = CONTENT_WIDTH - BULLET_INDENT - VOTE_COLUMN;
  const lines = w.lines(note.text.trim() || '—', BODY, textWidth);
  const author = authors && note.author.trim() ? `— ${note.author.trim()}` : '';
  const authorStyle: TextStyle = { size: 8.5, color: MUTED, indent: BULLET_INDENT };
  const authorLines = author ? w.lines(author, authorStyle, textWidth) : [];
  const lineHeight = BODY.size * (BODY.leading ?? 1.35);
  const height = Math.min(lines.length, 6) * lineHeight + authorLines.length * 12;
  w.ensure(height + 3);
  const first = w.baseline(BODY.size);
  w.page.drawText('•', {
    x: MARGIN.left + 3,
    y: first,
    size: BODY.size,
    font: w.fonts.regular,
    color: ACCENT,
  });
  if (note.votes.total > 0) {
    const label = labels.votes(note.votes.total);
    const width = w.fonts.measureBold.width(label, 9);
    w.page.drawText(label, {
      x: A4.width - MARGIN.right - width,
      y: first,
      size: 9,
      font: w.fonts.bold,
      color: ACCENT,
    });
  }
  w.drawLines(lines, BODY, MARGIN.left + BULLET_INDENT);
  if (authorLines.length > 0) w.drawLines(authorLines, authorStyle);
  w.gap(3);
}

function noteList(w: PdfWriter, notes: readonly Note[], labels: ExportLabels, authors: boolean) {
  for (const note of notesInExportOrder(notes)) noteEntry(w, note, labels, authors);
}

function summaryBlock(w: PdfWriter, title: string, text: string, size: number) {
  heading(w, title, size, 6);
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .filter((p) => p.trim());
  for (const p of paragraphs) {
    w.paragraph(p.trim(), { size: 11, leading: 1.4 });
    w.gap(6);
  }
}

function boardHeading(w: PdfWriter, board: BoardView, width: number) {
  heading(w, board.title || '—', 20, 4, 0);
  if (board.question.trim()) {
    const style: TextStyle = { size: 12, color: MUTED, leading: 1.35, indent: 10 };
    const lines = w.lines(board.question.trim(), style, width - 10);
    const top = w.y;
    w.drawLines(lines, style);
    w.page.drawRectangle({
      x: MARGIN.left,
      y: w.pageHeight - w.y + 2,
      width: 2.5,
      height: w.y - top - 2,
      color: ACCENT,
    });
  }
  w.gap(14);
}

/** Draws the board below the cursor, centred, at most `maxHeight` tall. */
function boardPicture(
  w: PdfWriter,
  board: BoardView,
  bounds: Rect,
  width: number,
  maxHeight: number,
) {
  const size = drawingSize(bounds, width, maxHeight);
  const left = MARGIN.left + (width - size.width) / 2;
  drawBoard(w.page, board, bounds, { left, top: w.pageHeight - w.y, ...size }, w.fonts);
  w.gap(size.height + 20);
}

function boardSection(
  w: PdfWriter,
  board: BoardView,
  labels: ExportLabels,
  authors: boolean,
  title: string,
) {
  w.header = `${title} · ${board.title}`;
  const bounds = boardBounds(board);
  const portraitBody = A4.height - MARGIN.top - MARGIN.bottom;
  const landscapeWidth = A4.height - MARGIN.left - MARGIN.right;
  const landscapeBody = A4.width - MARGIN.top - MARGIN.bottom;
  // A wide board gets a landscape page of its own when that shows it clearly larger.
  const inline = bounds ? drawingSize(bounds, CONTENT_WIDTH, portraitBody * 0.5).scale : 0;
  const wide = bounds ? drawingSize(bounds, landscapeWidth, landscapeBody - 90).scale : 0;
  if (bounds && inline < 0.3 && wide > inline * 1.2) {
    w.landscapePage();
    boardHeading(w, board, landscapeWidth);
    boardPicture(w, board, bounds, landscapeWidth, w.remaining);
    w.newPage();
  } else {
    w.newPage(false);
    boardHeading(w, board, CONTENT_WIDTH);
    if (bounds) {
      const maxHeight = Math.min(w.remaining - 24, portraitBody * 0.62);
      boardPicture(w, board, bounds, CONTENT_WIDTH, maxHeight);
    }
  }
  for (const cluster of board.clusters) {
    heading(w, cluster.title || '—', 13, 5);
    noteList(w, cluster.notes, labels, authors);
    w.gap(8);
  }
  if (board.unclusteredNotes.length > 0) {
    if (board.clusters.length > 0) heading(w, labels.unclustered, 13, 5);
    noteList(w, board.unclusteredNotes, labels, authors);
    w.gap(8);
  }
  if (board.summary.trim()) {
    w.gap(6);
    summaryBlock(w, labels.boardSummary, board.summary, 13);
  }
}

export async function workshopToPdf(view: WorkshopView, options: PdfOptions): Promise<Uint8Array> {
  const labels = labelsFor(view.meta?.lang);
  const authors = options.includeAuthors === true;
  const title = workshopTitle(view);
  const date = new Date(exportDate(view, options));

  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  // Fixed names instead of pdf-lib's random subset prefixes: same input, same bytes.
  const regular = await doc.embedFont(options.fontBytes, {
    subset: true,
    customName: 'PinnwandSans',
  });
  const bold = options.boldFontBytes
    ? await doc.embedFont(options.boldFontBytes, { subset: true, customName: 'PinnwandSans-Bold' })
    : regular;
  cacheWordShaping(regular);
  if (bold !== regular) cacheWordShaping(bold);
  const w = new PdfWriter(doc, {
    regular,
    bold,
    measure: new TextMeasure(regular),
    measureBold: new TextMeasure(bold),
  });

  titlePage(w, view, labels, options);
  const steps = view.boards.length + 1;
  for (const [index, board] of view.boards.entries()) {
    boardSection(w, board, labels, authors, title);
    await options.onProgress?.((index + 1) / steps);
  }
  if (view.orphanNotes.length > 0) {
    w.header = `${title} · ${labels.orphans}`;
    w.newPage(false);
    heading(w, labels.orphans, 20, 10);
    noteList(w, view.orphanNotes, labels, authors);
  }
  if (view.summary.trim()) {
    w.header = `${title} · ${labels.workshopSummary}`;
    w.newPage(false);
    summaryBlock(w, labels.workshopSummary, view.summary, 20);
  }
  w.numberPages(title, labels.page);

  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setSubject(labels.exportedWith);
  doc.setCreator('Pinnwand');
  doc.setProducer('Pinnwand (pdf-lib)');
  doc.setLanguage(view.meta?.lang === 'en' ? 'en' : 'de-DE');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const bytes = await doc.save();
  await options.onProgress?.(1);
  return bytes;
}
