/**
 * A summary in the PDF (a board's, or the workshop's): its heading over its
 * paragraphs, which blank lines separate.
 */
import { heading } from './pdfHeading.ts';
import type { StructElement } from './pdfTags.ts';
import type { PdfWriter } from './pdfWriter.ts';

export function summaryBlock(
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
