/**
 * The workshop as a PDF: a real A4 document an administration can file and
 * publish instead of a photo protocol. Title page with the cover (organizer,
 * facilitators, place, date, licence, attribution) and contents; per board its
 * guiding question, a vector drawing of the board and the structured list
 * (clusters, notes, votes, as in the Markdown export); the board and workshop
 * summaries; page numbers; bookmarks.
 *
 * Accessible (PDF/UA-1 as far as it can be checked without Acrobat): tagged
 * with a structure tree (pdfTags.ts) — H1 title, a table of cover fields and
 * one of contents, H2 boards, H3 clusters, lists of notes (L/LI/LBody), P
 * paragraphs, the drawing as a Figure with alternative text whose own text is
 * replaced for extraction, so every note is read once; running headers and
 * page numbers are artifacts; document language, title and XMP metadata
 * (pdfMetadata.ts); fonts embedded (subset TrueType, with ToUnicode). All
 * pages are A4 portrait.
 *
 * Why pdf-lib plus our own tagging instead of pdfkit (which tags): the
 * serialiser must stay pure (no Node modules) and give the same bytes in the
 * browser's worker and on the server. pdfkit needs `fs`, `zlib` and streams
 * (a browser build bundles polyfills, and Node's zlib and the polyfill
 * compress differently, so the bytes would differ); pdf-lib is pure and
 * deterministic, and the tagging it lacks is a small, well-specified part of
 * ISO 32000 that pdfTags.ts writes.
 *
 * Pure: the font files come in as bytes (the server reads them from
 * node_modules, the browser fetches them), and the output depends only on the
 * view and the options — no clock, no random names.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import type { Rect } from '../model/layout.ts';
import type { Note } from '../model/note.ts';
import type { BoardView, WorkshopView } from '../read/workshopView.ts';
import {
  dateStartMs,
  documentDate,
  type ExportOptions,
  exportCover,
  exportLabels,
  notesInExportOrder,
  workshopTitle,
} from './exportOptions.ts';
import type { ExportLabels } from './labels.ts';
import { boardBounds, drawBoard, drawingSize } from './pdfBoardDrawing.ts';
import { writeMetadata } from './pdfMetadata.ts';
import { addOutline, type OutlineEntry } from './pdfOutline.ts';
import { type StructElement, StructureTree } from './pdfTags.ts';
import { cacheWordShaping, shownLine, TextMeasure } from './pdfText.ts';
import { countNotes, numberContents, titlePage } from './pdfTitlePage.ts';
import {
  A4,
  ACCENT,
  CONTENT_WIDTH,
  INK,
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

function heading(
  w: PdfWriter,
  parent: StructElement,
  type: 'H2' | 'H3',
  text: string,
  size: number,
  spaceAfter: number,
  keepWith = 60,
) {
  const style: TextStyle = { size, bold: true, leading: 1.25 };
  const lines = w.lines(text, style);
  w.ensure(lines.length * size * 1.25 + keepWith);
  const element = w.tags.add(parent, type);
  w.drawLines(lines, style, element);
  w.gap(spaceAfter);
}

const AUTHOR: TextStyle = { size: 8.5, color: MUTED, indent: BULLET_INDENT };

/** A note's list entry, wrapped; `height`: what must fit for it to start on a page. */
function noteLines(w: PdfWriter, note: Note, labels: ExportLabels, authors: boolean) {
  const textWidth = CONTENT_WIDTH - BULLET_INDENT - VOTE_COLUMN;
  const lines = w.lines(note.text.trim() || labels.emptyNote, BODY, textWidth);
  const author = authors && note.author.trim() ? `— ${note.author.trim()}` : '';
  const authorLines = author ? w.lines(author, AUTHOR, textWidth) : [];
  const lineHeight = BODY.size * (BODY.leading ?? 1.35);
  // A longer note may break between its lines; its first six stay together.
  const height = Math.min(lines.length, 6) * lineHeight + authorLines.length * 12 + 3;
  return { lines, authorLines, height };
}

function noteEntry(
  w: PdfWriter,
  list: StructElement,
  note: Note,
  labels: ExportLabels,
  authors: boolean,
) {
  const { lines, authorLines, height } = noteLines(w, note, labels, authors);
  w.ensure(height);
  const item = w.tags.add(list, 'LI');
  const body = w.tags.add(item, 'LBody');
  const first = w.baseline(BODY.size);
  const page = w.page;
  w.decorate((page) =>
    page.drawText('•', {
      x: MARGIN.left + 3,
      y: first,
      size: BODY.size,
      font: w.fonts.regular,
      color: ACCENT,
    }),
  );
  w.drawLines(lines, BODY, body, MARGIN.left + BULLET_INDENT);
  if (authorLines.length > 0) w.drawLines(authorLines, AUTHOR, body);
  if (note.votes.total > 0) {
    // Drawn beside the first line, read after the text (and author).
    const label = labels.votes(note.votes.total);
    const width = w.fonts.measureBold.width(label, 9);
    w.tags.mark(page, body, () =>
      page.drawText(label, {
        x: A4.width - MARGIN.right - width,
        y: first,
        size: 9,
        font: w.fonts.bold,
        color: ACCENT,
      }),
    );
  }
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
  parent: StructElement,
  notes: readonly Note[],
  labels: ExportLabels,
  authors: boolean,
  progress: Progress,
) {
  if (notes.length === 0) return;
  const list = w.tags.add(parent, 'L');
  for (const note of notesInExportOrder(notes)) {
    noteEntry(w, list, note, labels, authors);
    await progress.note();
  }
}

const SECTION_HEADING = { size: 13, spaceAfter: 5 } as const;

/**
 * A cluster (or the notes outside clusters) as a heading over its list of
 * notes. The heading stays with the first note. When the notes run onto
 * another page, that page starts with the heading again, marked as continued,
 * as a reader of a filed document expects.
 *
 * The repeat is a pagination artifact, like the running header, and not a
 * second H3: the structure tree keeps one heading over one unbroken list, so a
 * screen reader, which follows the structure and not the pages, reads the
 * heading once, its list of headings names the cluster once, and the list is
 * announced with its full count. A second H3 would split the list (a heading
 * cannot sit inside an L) and announce a section that is not there. Sighted
 * readers, printouts and text extraction get the repeated heading.
 */
async function headedNoteList(
  w: PdfWriter,
  parent: StructElement,
  title: string,
  notes: readonly Note[],
  labels: ExportLabels,
  authors: boolean,
  progress: Progress,
) {
  const first = notesInExportOrder(notes)[0];
  const firstHeight = first ? noteLines(w, first, labels, authors).height : 0;
  const { size, spaceAfter } = SECTION_HEADING;
  heading(w, parent, 'H3', title, size, spaceAfter, Math.max(60, spaceAfter + firstHeight));
  w.continuation = () => continuedHeading(w, labels.continued(title));
  try {
    await noteList(w, parent, notes, labels, authors, progress);
  } finally {
    w.continuation = null;
  }
}

/** The repeated heading of a section continued on a new page (an artifact: see headedNoteList). */
function continuedHeading(w: PdfWriter, text: string) {
  const { size, spaceAfter } = SECTION_HEADING;
  const style: TextStyle = { size, bold: true, leading: 1.25 };
  for (const wrapped of w.lines(text, style)) {
    const line = shownLine(wrapped);
    const y = w.baseline(size);
    w.decorate((page) =>
      page.drawText(line, { x: MARGIN.left, y, size, font: w.fonts.bold, color: INK }),
    );
    w.gap(size * 1.25);
  }
  w.gap(spaceAfter);
}

function summaryBlock(
  w: PdfWriter,
  parent: StructElement,
  type: 'H2' | 'H3',
  title: string,
  text: string,
  size: number,
) {
  heading(w, parent, type, title, size, 6);
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .filter((p) => p.trim());
  for (const p of paragraphs) {
    w.paragraph(p.trim(), { size: 11, leading: 1.4 }, parent);
    w.gap(6);
  }
}

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

async function boardSection(
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

/** BCP 47 tag of the document language. */
const LANG_TAG = { de: 'de-DE', en: 'en' } as const;

export async function workshopToPdf(view: WorkshopView, options: PdfOptions): Promise<Uint8Array> {
  const labels = exportLabels(view, options);
  const authors = options.includeAuthors === true;
  const title = workshopTitle(view);
  const cover = exportCover(view, options);

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
  const tags = new StructureTree(doc);
  const w = new PdfWriter(
    doc,
    { regular, bold, measure: new TextMeasure(regular), measureBold: new TextMeasure(bold) },
    tags,
  );

  const outline: OutlineEntry[] = [];
  const contents = titlePage(w, view, labels, options, outline);
  // Every note on a board is drawn once and listed once; orphans are only listed.
  const work = 2 * countNotes(view) - view.orphanNotes.length;
  const progress = new Progress(work, options.onProgress);
  await options.onProgress?.(0);
  for (const [i, board] of view.boards.entries()) {
    await boardSection(w, board, labels, authors, title, progress, outline, i > 0);
  }
  if (view.orphanNotes.length > 0) {
    w.header = `${title} · ${labels.orphans}`;
    outline.push({ title: labels.orphans, page: w.newPage(false) });
    heading(w, tags.root, 'H2', labels.orphans, 20, 10);
    await noteList(w, tags.root, view.orphanNotes, labels, authors, progress);
  }
  if (view.summary.trim()) {
    w.header = `${title} · ${labels.workshopSummary}`;
    outline.push({ title: labels.workshopSummary, page: w.newPage(false) });
    summaryBlock(w, tags.root, 'H2', labels.workshopSummary, view.summary, 20);
  }
  // The contents list the boards, then the orphans and the summary, as the bookmarks do.
  numberContents(
    w,
    contents,
    outline.slice(1).map((entry) => entry.page),
  );
  w.numberPages(title, labels.page);
  tags.finish();
  addOutline(doc, outline);
  writeMetadata(doc, {
    title,
    // The notes' language (the workshop's): most of the text, whatever language the labels are in.
    lang: LANG_TAG[view.meta?.lang ?? 'de'] ?? LANG_TAG.de,
    subject: labels.exportedWith,
    author: [cover.organizer, cover.facilitators].filter(Boolean).join('; '),
    date: new Date(dateStartMs(documentDate(view, options)) ?? 0),
  });
  const bytes = await doc.save();
  await options.onProgress?.(1);
  return bytes;
}
