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
import type { WorkshopView } from '../read/workshopView.ts';
import {
  dateStartMs,
  documentDate,
  type ExportOptions,
  exportCover,
  exportLabels,
  workshopTitle,
} from './exportOptions.ts';
import { boardSection } from './pdfBoardSection.ts';
import { heading } from './pdfHeading.ts';
import { writeMetadata } from './pdfMetadata.ts';
import { noteList } from './pdfNoteList.ts';
import { addOutline, type OutlineEntry } from './pdfOutline.ts';
import { Progress } from './pdfProgress.ts';
import { summaryBlock } from './pdfSummary.ts';
import { StructureTree } from './pdfTags.ts';
import { cacheWordShaping, TextMeasure } from './pdfText.ts';
import { countNotes, numberContents, titlePage } from './pdfTitlePage.ts';
import { PdfWriter } from './pdfWriter.ts';

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
