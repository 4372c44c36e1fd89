/**
 * The PDF as an administration files and publishes it, checked with the tools
 * a reviewer has at hand (poppler): tagged, with a structure tree of
 * headings, tables and lists, every note read once and in order, the cover on
 * the title page, fonts embedded, A4 portrait. One export of the real example
 * workshop serves every check, so the suite stays quick.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, type PDFRawStream, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IMPORT_ORIGIN } from '../model/origin.ts';
import { readWorkshop, type WorkshopView } from '../read/workshopView.ts';
import { createExampleWorkshop } from '../templates/exampleWorkshop.ts';
import { pdfFonts } from '../testing/pdfFonts.ts';
import { notesInExportOrder } from './exportOptions.ts';
import { workshopToPdf } from './pdf.ts';

const fonts = pdfFonts;

const run = (tool: string, ...args: string[]) =>
  execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const squash = (text: string) => text.replace(/\s+/g, '');
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

let view: WorkshopView;
let file: string;
let info: string;
let struct: string;
let text: string;

beforeAll(async () => {
  const doc = new Y.Doc();
  createExampleWorkshop(doc, IMPORT_ORIGIN, { createdAt: Date.UTC(2026, 0, 5) });
  view = readWorkshop(doc);
  file = join(mkdtempSync(join(tmpdir(), 'pinnwand-pdfua-')), 'example.pdf');
  writeFileSync(file, await workshopToPdf(view, fonts));
  info = run('pdfinfo', file);
  struct = run('pdfinfo', '-struct-text', file);
  text = run('pdftotext', '-enc', 'UTF-8', file, '-');
}, 60_000);

describe('the example workshop as an accessible PDF', () => {
  it('is tagged, titled, in German, and all A4 portrait', async () => {
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Metadata Stream:\s+yes$/m);
    expect(info).toContain(
      'Title:           OZG-Erfahrungsaustausch 2023: Die Zukunft der föderalen OZG-Umsetzung',
    );
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
    const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
    const catalog = pdf.catalog;
    expect(catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('de-DE');
    const prefs = catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(prefs.get(PDFName.of('DisplayDocTitle'))?.toString()).toBe('true');
    const xmp = catalog.lookup(PDFName.of('Metadata')) as PDFRawStream;
    expect(new TextDecoder().decode(xmp.contents)).toContain('<pdfuaid:part>1</pdfuaid:part>');
    // Every page is portrait.
    const sizes = run('pdfinfo', '-f', '1', '-l', '999', file).match(/Page +\d+ size: .*/g) ?? [];
    expect(sizes.length).toBeGreaterThan(3);
    for (const size of sizes) expect(size).toContain('595.28 x 841.89');
  });

  it('embeds its fonts', () => {
    const fontsTable = run('pdffonts', file).split('\n').slice(2).filter(Boolean);
    expect(fontsTable.length).toBeGreaterThan(0);
    for (const row of fontsTable) expect(row).toMatch(/ yes +(yes|no) +yes /);
  });

  it('has a structure tree: title, cover table, boards, clusters, lists of notes, a figure', () => {
    expect(struct.startsWith('Document\n')).toBe(true);
    expect(struct).toMatch(/ {2}H1 \(block\)\n {4}"OZG-Erfahrungsaustausch 2023:/);
    for (const board of view.boards) {
      expect(struct).toContain(`  H2 (block)\n    "${board.title}`);
      for (const cluster of board.clusters) {
        expect(struct).toContain(`  H3 (block)\n    "${cluster.title}`);
      }
    }
    // Cover fields as a table of row headers and values.
    expect(struct).toMatch(/TH:\n\s+\/Scope \/Row\n\s+"Moderation"\n\s+TD\n\s+"Dr\. Pamela/);
    // One list item per note, the note's text in its body.
    expect(count(struct, '    LI (block)\n      LBody (block)\n')).toBe(94);
    // One figure per board, with alternative text.
    expect(count(struct, '  Figure:')).toBe(3);
    expect(struct).toContain('/BBox');
  });

  it('reads each note once, in the order of the lists', () => {
    const all = squash(text);
    const notes = view.boards.flatMap((b) => [
      ...b.clusters.flatMap((c) => notesInExportOrder(c.notes)),
      ...notesInExportOrder(b.unclusteredNotes),
    ]);
    expect(notes).toHaveLength(94);
    const texts = notes.map((n) => squash(n.text));
    // Everything else the document prints that a note's text may also occur in
    // (a cluster named like a note; "FIM" inside longer notes): once, and a
    // cluster's heading again on each page its notes continue on.
    const continued = (title: string) => count(all, squash(`${title} (Fortsetzung)`));
    const printed = [
      ...texts,
      ...view.boards.flatMap((b) => [
        b.title,
        b.question,
        b.summary,
        ...b.clusters.flatMap((c) => Array<string>(1 + continued(c.title)).fill(c.title)),
      ]),
      view.summary,
    ].map(squash);
    for (const t of new Set(texts)) {
      const expected = printed.reduce((sum, item) => sum + count(item, t), 0);
      expect(count(all, t), t).toBe(expected);
    }
    let at = 0;
    for (const t of texts) {
      const found = all.indexOf(t, at);
      expect(found, t).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
  });

  it('carries the cover: title, year, organizer, facilitators, licence and attribution', () => {
    const firstPage = run('pdftotext', '-enc', 'UTF-8', '-l', '1', file, '-');
    expect(firstPage).toContain('OZG-Erfahrungsaustausch 2023:');
    expect(firstPage).toMatch(/Datum\s+2023\b/);
    expect(firstPage).toMatch(/Veranstalter\s+Bundesministerium des Innern und für Heimat \(BMI\)/);
    expect(firstPage).toMatch(/Moderation\s+Dr\. Pamela Müller-Niese, Petra Streiber/);
    expect(firstPage).toMatch(/Lizenz\s+CC BY 4\.0/);
    expect(squash(firstPage)).toContain(
      squash('von Dr. Pamela Müller-Niese und Petra Streiber (BMI), lizenziert unter CC BY 4.0'),
    );
    expect(text).not.toContain('Import');
  });

  it('renders every page (pdftoppm)', () => {
    const out = join(file, '..', 'page');
    run('pdftoppm', '-png', '-r', '40', file, out);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]);
    expect(readdirSync(join(file, '..')).filter((f) => f.endsWith('.png'))).toHaveLength(pages);
  });
});
