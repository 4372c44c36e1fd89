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
  notesInExportOrder,
  workshopTitle,
} from './exportOptions.ts';
import { type ExportLabels, labelsFor } from './labels.ts';
import { boardBounds, drawBoard, drawingSize } from './pdfBoardDrawing.ts';
import { addOutline, type OutlineEntry } from './pdfOutline.ts';
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
   * Called every few dozen notes with the share of work done (0..1), and with
   * 1 at the end. Awaited: a browser yields there to repaint its progress bar,
   * the server to keep relaying while a large PDF builds.
   */
  onProgress?: (done: number) => void | Promise<void>;
}

const BODY: TextStyle = { size: 10.5, leading: 1.38 };
const BULLET_INDENT = 14;
const VOTE_COLUMN = 64;

function countNotes(view: WorkshopView): number {
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
  w.paragraph(`${labels.date}: ${labels.day(exportDate(view, options))}`, {
    size: 12,
    color: MUTED,
  });
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
  w.paragraph(labels.notes(countNotes(view)), { size: 10, color: MUTED });
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
  const lines = w.lines(note.text.trim() || labels.emptyNote, BODY, textWidth);
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

/** Counts laid-out notes and reports progress every `EVERY` notes. */
class Progress {
  static readonly EVERY = 40;
  private done = 0;
  private reported = 0;
  constructor(
    private readonly total: number,
    private readonly report: PdfOptions['onProgress'],
  ) {}

  /** One unit of work done: a note drawn on a board picture or set in a list. */
  async note(): Promise<void> {
    this.done++;
    if (!this.report || this.done - this.reported < Progress.EVERY) return;
    this.reported = this.done;
    // Layout is most of the work; saving takes the last tenth.
    await this.report((0.9 * this.done) / Math.max(1, this.total));
  }
}

async function noteList(
  w: PdfWriter,
  notes: readonly Note[],
  labels: ExportLabels,
  authors: boolean,
  progress: Progress,
) {
  for (const note of notesInExportOrder(notes)) {
    noteEntry(w, note, labels, authors);
    await progress.note();
  }
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
async function boardPicture(
  w: PdfWriter,
  board: BoardView,
  bounds: Rect,
  width: number,
  maxHeight: number,
  progress: Progress,
) {
  const size = drawingSize(bounds, width, maxHeight);
  const left = MARGIN.left + (width - size.width) / 2;
  const at = { left, top: w.pageHeight - w.y, ...size };
  await drawBoard(w.page, board, bounds, at, w.fonts, () => progress.note());
  w.gap(size.height + 20);
}

async function boardSection(
  w: PdfWriter,
  board: BoardView,
  labels: ExportLabels,
  authors: boolean,
  title: string,
  progress: Progress,
  outline: OutlineEntry[],
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
    outline.push({ title: board.title || '—', page: w.landscapePage() });
    boardHeading(w, board, landscapeWidth);
    await boardPicture(w, board, bounds, landscapeWidth, w.remaining, progress);
    w.newPage();
  } else {
    outline.push({ title: board.title || '—', page: w.newPage(false) });
    boardHeading(w, board, CONTENT_WIDTH);
    if (bounds) {
      const maxHeight = Math.min(w.remaining - 24, portraitBody * 0.62);
      await boardPicture(w, board, bounds, CONTENT_WIDTH, maxHeight, progress);
    }
  }
  for (const cluster of board.clusters) {
    heading(w, cluster.title || '—', 13, 5);
    await noteList(w, cluster.notes, labels, authors, progress);
    w.gap(8);
  }
  if (board.unclusteredNotes.length > 0) {
    if (board.clusters.length > 0) heading(w, labels.unclustered, 13, 5);
    await noteList(w, board.unclusteredNotes, labels, authors, progress);
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
  // Every note on a board is drawn once and listed once; orphans are only listed.
  const work = 2 * countNotes(view) - view.orphanNotes.length;
  const progress = new Progress(work, options.onProgress);
  await options.onProgress?.(0);
  const outline: OutlineEntry[] = [];
  for (const board of view.boards) {
    await boardSection(w, board, labels, authors, title, progress, outline);
  }
  if (view.orphanNotes.length > 0) {
    w.header = `${title} · ${labels.orphans}`;
    outline.push({ title: labels.orphans, page: w.newPage(false) });
    heading(w, labels.orphans, 20, 10);
    await noteList(w, view.orphanNotes, labels, authors, progress);
  }
  if (view.summary.trim()) {
    w.header = `${title} · ${labels.workshopSummary}`;
    outline.push({ title: labels.workshopSummary, page: w.newPage(false) });
    summaryBlock(w, labels.workshopSummary, view.summary, 20);
  }
  w.numberPages(title, labels.page);
  addOutline(doc, outline);

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
