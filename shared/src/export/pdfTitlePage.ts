// The PDF's title page: the workshop's title (H1), the cover fields
// (organizer, facilitators, place, date, licence, attribution) and the
// contents, each a tagged two-column table (TH per row, TD), so a screen
// reader announces "Moderation: …" rather than two loose paragraphs.

import type { PDFPage } from 'pdf-lib';
import type { WorkshopView } from '../read/workshopView.ts';
import { documentDate, type ExportOptions, exportCover, workshopTitle } from './exportOptions.ts';
import { coverLines, type ExportLabels } from './labels.ts';
import type { OutlineEntry } from './pdfOutline.ts';
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

const COVER_LABEL_WIDTH = 120;

/** Notes in the workshop, on boards and orphaned. */
export function countNotes(view: WorkshopView): number {
  let notes = view.orphanNotes.length;
  for (const board of view.boards) notes += board.noteCount;
  return notes;
}

/**
 * A row of a table: a header cell and a data cell, top-aligned; the data cell
 * ends `right` points before the right margin. Returns the row and where it
 * starts, for a cell filled in later.
 */
function tableRow(
  w: PdfWriter,
  table: StructElement,
  head: { text: string; style: TextStyle; width: number },
  data: { text: string; style: TextStyle; width: number; alignRight?: boolean; right?: number },
): { row: StructElement; page: PDFPage; top: number } {
  const row = w.tags.add(table, 'TR');
  const th = w.tags.add(row, 'TH', { scope: 'Row' });
  const td = w.tags.add(row, 'TD');
  const headLines = w.lines(head.text, head.style, head.width);
  const dataLines = data.text ? w.lines(data.text, data.style, data.width) : [];
  const lineHeight = (style: TextStyle) => style.size * (style.leading ?? 1.35);
  const height = Math.max(
    headLines.length * lineHeight(head.style),
    dataLines.length * lineHeight(data.style),
  );
  w.ensure(Math.min(height, 120));
  const top = w.y;
  w.drawLines(headLines, head.style, th, MARGIN.left);
  const afterHead = w.y;
  w.y = top;
  const right = A4.width - MARGIN.right - (data.right ?? 0);
  if (data.alignRight) {
    for (const line of dataLines) {
      const width = w.measureOf(data.style.bold).width(shownLine(line), data.style.size);
      w.drawLines([line], data.style, td, right - width);
    }
  } else {
    w.drawLines(dataLines, data.style, td, right - data.width);
  }
  w.y = Math.max(w.y, afterHead);
  return { row, page: w.page, top };
}

/**
 * The first page: title, the cover's fields as a table, the contents (board,
 * its number of notes, its page: the numbers are written by `numberContents`
 * once the boards are laid out).
 */
export function titlePage(
  w: PdfWriter,
  view: WorkshopView,
  labels: ExportLabels,
  options: ExportOptions,
  outline: OutlineEntry[],
): ContentsRow[] {
  const doc = w.tags.root;
  const title = workshopTitle(view);
  outline.push({ title, page: w.newPage(false) });
  w.gap(130);
  w.decorate((page) =>
    page.drawRectangle({
      x: MARGIN.left,
      y: A4.height - w.y + 12,
      width: 60,
      height: 4,
      color: ACCENT,
    }),
  );
  w.gap(12);
  w.paragraph(title, { size: 26, bold: true, leading: 1.2 }, doc, 'H1');
  w.gap(18);
  const cover = coverLines(labels, exportCover(view, options), documentDate(view, options));
  if (cover.length > 0) {
    const table = w.tags.add(doc, 'Table');
    const labelStyle: TextStyle = { size: 10.5, bold: true, color: MUTED, leading: 1.4 };
    const valueStyle: TextStyle = { size: 11, leading: 1.4 };
    for (const line of cover) {
      tableRow(
        w,
        table,
        { text: line.label, style: labelStyle, width: COVER_LABEL_WIDTH - 8 },
        { text: line.value, style: valueStyle, width: CONTENT_WIDTH - COVER_LABEL_WIDTH },
      );
      w.gap(4);
    }
  }
  w.gap(30);
  w.paragraph(labels.contents, { size: 13, bold: true }, doc, 'H2');
  w.gap(6);
  const entries: [string, string][] = view.boards.map((b) => [
    b.title || '—',
    labels.notes(b.noteCount),
  ]);
  if (view.orphanNotes.length > 0)
    entries.push([labels.orphans, labels.notes(view.orphanNotes.length)]);
  if (view.summary.trim()) entries.push([labels.workshopSummary, '']);
  const contents = w.tags.add(doc, 'Table');
  const rows: ContentsRow[] = [];
  for (const [entry, count] of entries) {
    const countWidth = w.fonts.measure.width(count, 11);
    const { row, page, top } = tableRow(
      w,
      contents,
      {
        text: entry,
        style: { size: 11, leading: 1.36 },
        width: CONTENT_WIDTH - countWidth - PAGE_COLUMN - 16,
      },
      {
        text: count,
        style: { size: 11, color: MUTED, leading: 1.36 },
        width: countWidth + 1,
        alignRight: true,
        right: PAGE_COLUMN,
      },
    );
    // The page number's cell, in its place in the row; its number is drawn once known.
    rows.push({ cell: w.tags.add(row, 'TD'), page, top });
    w.gap(3);
  }
  w.gap(20);
  w.paragraph(labels.notes(countNotes(view)), { size: 10, color: MUTED }, doc);
  return rows;
}

/** Room for the page numbers at the right of the contents. */
const PAGE_COLUMN = 34;

/** A row of the contents, waiting for the number of the page its section starts on. */
export interface ContentsRow {
  cell: StructElement;
  page: PDFPage;
  top: number;
}

/**
 * Writes the page numbers into the contents once every page exists: `pages`
 * holds, per row, the first page of its section.
 */
export function numberContents(w: PdfWriter, rows: readonly ContentsRow[], pages: PDFPage[]) {
  const all = w.doc.getPages();
  const size = 11;
  rows.forEach((row, i) => {
    const target = pages[i];
    if (!target) return;
    const label = String(all.indexOf(target) + 1);
    const width = w.fonts.measure.width(label, size);
    w.tags.mark(row.page, row.cell, () =>
      row.page.drawText(label, {
        x: A4.width - MARGIN.right - width,
        y: A4.height - row.top - size,
        size,
        font: w.fonts.regular,
        color: INK,
      }),
    );
  });
}
