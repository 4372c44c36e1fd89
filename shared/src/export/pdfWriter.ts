/**
 * A small flowing-text writer over pdf-lib: A4 portrait pages, a cursor that
 * moves down, automatic page breaks with a running header, and page numbers
 * added at the end (when the total is known). Every text it draws belongs to
 * a structure element (tagged PDF, pdfTags.ts); headers, footers and rules
 * are artifacts. Coordinates handed to callers are points from the
 * bottom-left corner, as in PDF.
 */
import { type PDFDocument, type PDFFont, type PDFPage, type RGB, rgb } from 'pdf-lib';
import { splitLayoutHyphen } from './pdfHyphenation.ts';
import type { StructElement, StructureTree } from './pdfTags.ts';
import { type TextMeasure, wrapText } from './pdfText.ts';

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 56.7, right: 56.7, top: 62, bottom: 62 } as const;
export const CONTENT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

export const INK = rgb(0.1, 0.1, 0.1);
export const MUTED = rgb(0.38, 0.4, 0.43);
export const ACCENT = rgb(0.11, 0.33, 0.6);

export interface WriterFonts {
  regular: PDFFont;
  bold: PDFFont;
  measure: TextMeasure;
  measureBold: TextMeasure;
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: RGB;
  /** Line height as a multiple of size. */
  leading?: number;
  /** Extra left indent in points. */
  indent?: number;
}

export class PdfWriter {
  page!: PDFPage;
  /** Distance of the cursor from the page's top edge. */
  y = 0;
  /** Running header for pages after the first of a section. */
  header = '';
  /**
   * Drawn below the header of every page the writer breaks to while set (a
   * cluster's heading, repeated as continued, while its notes are laid out).
   */
  continuation: (() => void) | null = null;

  constructor(
    readonly doc: PDFDocument,
    readonly fonts: WriterFonts,
    readonly tags: StructureTree,
  ) {}

  newPage(withHeader = true): PDFPage {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = MARGIN.top;
    if (withHeader && this.header) {
      const size = 8.5;
      const text = this.fit(this.header, CONTENT_WIDTH, size, false);
      this.decorate(() => {
        this.page.drawText(text, {
          x: MARGIN.left,
          y: A4.height - MARGIN.top / 2 - size,
          size,
          font: this.fonts.regular,
          color: MUTED,
        });
        this.page.drawLine({
          start: { x: MARGIN.left, y: A4.height - MARGIN.top / 2 - size - 5 },
          end: { x: A4.width - MARGIN.right, y: A4.height - MARGIN.top / 2 - size - 5 },
          thickness: 0.4,
          color: MUTED,
        });
      });
    }
    const continuation = this.continuation;
    if (withHeader && continuation) {
      // Unset while it draws: whatever it draws must not break the page again.
      this.continuation = null;
      continuation();
      this.continuation = continuation;
    }
    return this.page;
  }

  readonly pageHeight = A4.height;

  /** Draws on the current page as part of `owner`. */
  mark(owner: StructElement, draw: (page: PDFPage) => void): void {
    const page = this.page;
    this.tags.mark(page, owner, () => draw(page));
  }

  /** Draws decoration (rules, bullets, bars) that assistive technology skips. */
  decorate(draw: (page: PDFPage) => void): void {
    const page = this.page;
    this.tags.artifact(page, () => draw(page));
  }

  /** Space left on the page below the cursor. */
  get remaining(): number {
    return this.pageHeight - MARGIN.bottom - this.y;
  }

  /** Starts a new page unless `height` points still fit. */
  ensure(height: number): void {
    if (height > this.remaining) this.newPage();
  }

  /** PDF y of a baseline `offset` points below the cursor. */
  baseline(offset: number): number {
    return this.pageHeight - this.y - offset;
  }

  measureOf(bold: boolean | undefined): TextMeasure {
    return bold ? this.fonts.measureBold : this.fonts.measure;
  }

  fontOf(bold: boolean | undefined): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  /** `text` cut with an ellipsis to fit `width` on one line. */
  fit(text: string, width: number, size: number, bold: boolean): string {
    const m = this.measureOf(bold);
    const oneLine = text.replace(/\s+/g, ' ').trim();
    if (m.width(oneLine, size) <= width) return oneLine;
    let cut = oneLine;
    while (cut.length > 1 && m.width(`${cut}…`, size) > width) cut = cut.slice(0, -1);
    return `${cut}…`;
  }

  lines(text: string, style: TextStyle, width = CONTENT_WIDTH - (style.indent ?? 0)): string[] {
    return wrapText(text, width, style.size, this.measureOf(style.bold));
  }

  /** Draws already wrapped lines of `owner` at the cursor, breaking pages between lines. */
  drawLines(
    lines: readonly string[],
    style: TextStyle,
    owner: StructElement,
    x = MARGIN.left + (style.indent ?? 0),
  ) {
    const lineHeight = style.size * (style.leading ?? 1.35);
    for (const line of lines) {
      this.ensure(lineHeight);
      const { text, hyphen } = splitLayoutHyphen(line);
      const options = {
        y: this.baseline(style.size),
        size: style.size,
        font: this.fontOf(style.bold),
        color: style.color ?? INK,
      };
      if (text) this.mark(owner, (page) => page.drawText(text, { ...options, x }));
      if (hyphen) {
        // The hyphen of a word broken by the layout is not part of the text.
        const after = x + this.measureOf(style.bold).width(text, style.size);
        this.decorate((page) => page.drawText('-', { ...options, x: after }));
      }
      this.y += lineHeight;
    }
  }

  /** Wraps and draws a paragraph as element `type` under `parent`; returns the element. */
  paragraph(
    text: string,
    style: TextStyle,
    parent: StructElement,
    type: 'P' | 'H1' | 'H2' | 'H3' = 'P',
  ): StructElement {
    const element = this.tags.add(parent, type);
    this.drawLines(this.lines(text, style), style, element);
    return element;
  }

  gap(points: number): void {
    this.y += points;
  }

  /** Page numbers and footer text on every page, once all pages exist. */
  numberPages(footer: string, pageLabel: (page: number, of: number) => string): void {
    const pages = this.doc.getPages();
    const size = 8.5;
    pages.forEach((page, index) => {
      const label = pageLabel(index + 1, pages.length);
      const labelWidth = this.fonts.measure.width(label, size);
      const y = MARGIN.bottom / 2 - size / 2;
      const contentWidth = page.getWidth() - MARGIN.left - MARGIN.right;
      const left = this.fit(footer, contentWidth - labelWidth - 24, size, false);
      this.tags.artifact(page, () => {
        page.drawText(label, {
          x: page.getWidth() - MARGIN.right - labelWidth,
          y,
          size,
          font: this.fonts.regular,
          color: MUTED,
        });
        page.drawText(left, { x: MARGIN.left, y, size, font: this.fonts.regular, color: MUTED });
      });
    });
    this.tags.close();
  }
}
