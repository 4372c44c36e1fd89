/**
 * A section's heading in the PDF (H2 a board, H3 a cluster or a summary),
 * kept on one page with what follows it.
 */
import type { StructElement } from './pdfTags.ts';
import type { PdfWriter, TextStyle } from './pdfWriter.ts';

/** `keepWith`: the room below the heading that must fit on its page too. */
export function heading(
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
