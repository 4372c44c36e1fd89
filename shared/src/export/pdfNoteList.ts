/**
 * The PDF's lists of notes: one entry per note (its text, author and votes,
 * as in the Markdown export), each list tagged L/LI/LBody, and a cluster's
 * heading over its list, repeated as continued on each further page.
 */
import type { Note } from '../model/note.ts';
import { notesInExportOrder } from './exportOptions.ts';
import type { ExportLabels } from './labels.ts';
import { heading } from './pdfHeading.ts';
import type { Progress } from './pdfProgress.ts';
import type { StructElement } from './pdfTags.ts';
import { shownLine } from './pdfText.ts';
import {
  A4,
  ACCENT,
  CONTENT_WIDTH,
  INK,
  MARGIN,
  MUTED,
  type PdfWriter,
  type TextStyle,
} from './pdfWriter.ts';

const BODY: TextStyle = { size: 10.5, leading: 1.38 };
const BULLET_INDENT = 14;
const VOTE_COLUMN = 64;

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

export async function noteList(
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
export async function headedNoteList(
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
