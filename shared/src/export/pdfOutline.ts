/**
 * PDF bookmarks (the outline a viewer shows beside the pages): one entry per
 * board, the notes of deleted boards and the workshop summary, each opening
 * its first page. A filed document of thirty pages is navigated by these.
 * pdf-lib has no outline API, so the dictionaries are written directly
 * (PDF 32000-1, 12.3.3).
 */
import { type PDFDocument, PDFHexString, PDFName, type PDFPage, type PDFRef } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  page: PDFPage;
}

export function addOutline(doc: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) return;
  const { context } = doc;
  const rootRef = context.nextRef();
  const refs: PDFRef[] = entries.map(() => context.nextRef());
  entries.forEach((entry, i) => {
    const item = context.obj({
      Title: PDFHexString.fromText(entry.title),
      Parent: rootRef,
      Dest: [entry.page.ref, 'Fit'],
    });
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1] as PDFRef);
    if (i < refs.length - 1) item.set(PDFName.of('Next'), refs[i + 1] as PDFRef);
    context.assign(refs[i] as PDFRef, item);
  });
  context.assign(
    rootRef,
    context.obj({
      Type: 'Outlines',
      First: refs[0] as PDFRef,
      Last: refs[refs.length - 1] as PDFRef,
      Count: refs.length,
    }),
  );
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
