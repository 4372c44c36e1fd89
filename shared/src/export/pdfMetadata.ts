/**
 * The document-level metadata a tagged, accessible PDF carries (PDF/UA-1,
 * 7.1): the info dictionary and an XMP metadata stream with the title, the
 * language and the PDF/UA identification, and the viewer preference to show
 * the title (not the file name) in the window. Dates come from the document
 * date, never the clock, so the same workshop gives the same bytes.
 */
import { encodeUtf8 } from 'lib0/string';
import { type PDFDocument, PDFName, PDFString } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  /** BCP 47 language tag, e.g. "de-DE". */
  lang: string;
  subject: string;
  /** Who made the content: organizer and facilitators, when known. */
  author: string;
  date: Date;
}

const xml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
  );

function xmp(meta: PdfMetadata): string {
  const date = meta.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const creator = meta.author
    ? `<dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`
    : '';
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:xmp="http://ns.adobe.com/xap/1.0/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>${xml(meta.lang)}</rdf:li></rdf:Bag></dc:language>
${creator}
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:CreatorTool>Pinnwand</xmp:CreatorTool>
<pdf:Producer>Pinnwand (pdf-lib)</pdf:Producer>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

export function writeMetadata(doc: PDFDocument, meta: PdfMetadata): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setSubject(meta.subject);
  if (meta.author) doc.setAuthor(meta.author);
  doc.setCreator('Pinnwand');
  doc.setProducer('Pinnwand (pdf-lib)');
  doc.setLanguage(meta.lang);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  const stream = doc.context.stream(encodeUtf8(xmp(meta)), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  // Keep the catalog's /Lang a plain string (some validators reject hex strings here).
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
}
