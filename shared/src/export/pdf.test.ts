import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadStructuredResults } from '../import/structuredResults.ts';
import { asParticipantId } from '../model/ids.ts';
import { IMPORT_ORIGIN } from '../model/origin.ts';
import { createCluster } from '../ops/clusterOps.ts';
import { addNote } from '../ops/noteOps.ts';
import { setSummaryText } from '../ops/summaryOps.ts';
import { readWorkshop } from '../read/workshopView.ts';
import { pdfFonts } from '../testing/pdfFonts.ts';
import { ALICE, testWorkshop } from '../testing/testWorkshop.ts';
import { vote } from '../testing/votes.ts';
import { workshopToPdf } from './pdf.ts';

const FIXTURE = new URL('../../fixtures/ozg-erfahrungsaustausch-2023.json', import.meta.url);
const fonts = pdfFonts;

function ozgView() {
  const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const doc = new Y.Doc();
  loadStructuredResults(doc, fixture, IMPORT_ORIGIN, { createdAt: Date.UTC(2023, 8, 14, 9) });
  return { view: readWorkshop(doc), license: fixture.license as string };
}

function writeTemp(bytes: Uint8Array, name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pinnwand-pdf-'));
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** Compares without whitespace: the PDF breaks lines where the page ends. */
const squash = (text: string) => text.replace(/\s+/g, '');

// Generous timeouts: fonts, pdf-lib and poppler start cold, and CI machines are small.
describe('workshopToPdf', { timeout: 60_000 }, () => {
  it('holds every note of the OZG example as searchable text, umlauts intact', async () => {
    const { view, license } = ozgView();
    const bytes = await workshopToPdf(view, { ...fonts, license });
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = pdfText(writeTemp(bytes, 'ozg.pdf'));
    const haystack = squash(text);
    const notes = view.boards.flatMap((b) => [
      ...b.unclusteredNotes,
      ...b.clusters.flatMap((c) => c.notes),
    ]);
    expect(notes).toHaveLength(94);
    for (const note of notes) expect(haystack).toContain(squash(note.text));
    for (const board of view.boards) {
      expect(haystack).toContain(squash(board.title));
      expect(haystack).toContain(squash(board.question));
    }
    expect(text).toContain('Föderale Zusammenarbeit ist einzigartig');
    expect(text).toContain('Zusammenfassung des Workshops');
    expect(text).toContain('ÖZG-Koordination in den Ländern');
    expect(text).toMatch(/Seite 1 von \d+/);
    for (const symbol of ['ä', 'ö', 'ü', 'Ö', '→']) expect(text).toContain(symbol);
  });

  it('renders real A4 pages that pdftoppm can draw', async () => {
    const { view, license } = ozgView();
    const file = writeTemp(await workshopToPdf(view, { ...fonts, license }), 'ozg.pdf');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(info).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    const out = join(file, '..', 'page');
    execFileSync('pdftoppm', ['-png', '-r', '60', file, out]);
    expect(readdirSync(join(file, '..')).filter((f) => f.endsWith('.png'))).toHaveLength(pages);
  });

  it('has a bookmark per board and for the summary, each opening its page', async () => {
    const { view } = ozgView();
    const doc = await PDFDocument.load(await workshopToPdf(view, fonts));
    const pages = doc.getPages().map((p) => p.ref.toString());
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const titles: string[] = [];
    const targets: number[] = [];
    let item = outlines.lookupMaybe(PDFName.of('First'), PDFDict);
    while (item) {
      titles.push(item.lookup(PDFName.of('Title'), PDFHexString).decodeText());
      const dest = item.lookup(PDFName.of('Dest'), PDFArray);
      targets.push(pages.indexOf(dest.get(0).toString()));
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
    expect(titles).toEqual([
      view.meta?.title,
      'Bewährtes',
      'Aufgaben',
      'Neues',
      'Zusammenfassung des Workshops',
    ]);
    expect(targets[0]).toBe(0);
    expect(targets[1]).toBe(1);
    expect(targets.every((t, i) => i === 0 || t > (targets[i - 1] as number))).toBe(true);
  });

  it('is the same bytes every time (browser and server agree)', async () => {
    const { view } = ozgView();
    const a = await workshopToPdf(view, fonts);
    const b = await workshopToPdf(view, fonts);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('prints the licence, authors only on request, and votes', async () => {
    const { doc, board } = testWorkshop('blank');
    const note = addNote(
      doc,
      {
        boardId: board,
        x: 0,
        y: 0,
        text: 'Gemeinsame Standards „jetzt“ – bitte • Straße',
        author: 'Erika Muster',
        authorId: ALICE.id,
      },
      ALICE.origin,
    );
    vote(doc, note, ALICE.id, ALICE.origin);
    const view = readWorkshop(doc);
    const without = pdfText(
      writeTemp(await workshopToPdf(view, { ...fonts, license: 'CC BY 4.0' }), 'a.pdf'),
    );
    expect(without).toMatch(/Lizenz\s+CC BY 4\.0/);
    expect(without).toContain('Gemeinsame Standards „jetzt“ – bitte • Straße');
    expect(without).toContain('1 Stimme');
    expect(without).not.toContain('Erika Muster');
    const withAuthors = pdfText(
      writeTemp(await workshopToPdf(view, { ...fonts, includeAuthors: true }), 'b.pdf'),
    );
    expect(withAuthors).toContain('Erika Muster');
  });

  it('survives hostile text: emoji, right-to-left, very long words, control characters', async () => {
    const { doc, board } = testWorkshop('blank');
    const texts = [
      'Emoji 🎉 ok',
      'עברית מימין לשמאל',
      `${'Donaudampfschifffahrt'.repeat(20)}`,
      'tab\there\u0007bell',
      '',
    ];
    for (const [i, text] of texts.entries()) {
      addNote(
        doc,
        { boardId: board, x: i * 170, y: 0, text, author: 'A', authorId: ALICE.id },
        ALICE.origin,
      );
    }
    const text = pdfText(writeTemp(await workshopToPdf(readWorkshop(doc), fonts), 'h.pdf'));
    expect(squash(text)).toContain('Donaudampfschifffahrt'.repeat(20));
    // Right-to-left words in visual order, read back in logical order.
    const logical = squash(text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ''));
    expect(logical).toContain(squash('עברית מימין לשמאל'));
    expect(text).toContain('Emoji');
  });

  it('exports a workshop of 1,000 notes whole, reporting its progress in order', async () => {
    const { doc, boardIds } = testWorkshop('ozg-erfahrungsaustausch');
    const words = [
      'Verwaltung',
      'digital',
      'Länder',
      'Kommunen',
      'Standards',
      'gemeinsam',
      'Förderung',
      'Prozesse',
      'Schnittstellen',
      'Nutzerorientierung',
    ];
    let n = 0;
    doc.transact(() => {
      for (const boardId of boardIds) {
        for (let c = 0; c < 8; c++) {
          const cluster = createCluster(
            doc,
            { boardId, title: `Cluster ${c + 1}`, x: c * 720, y: 0, width: 700, height: 1400 },
            ALICE.origin,
          );
          for (let i = 0; i < 42 && n < 1000; i++, n++) {
            const text = `Notiz ${n}: ${Array.from({ length: 4 + (n % 12) }, (_, k) => words[(n + k) % words.length]).join(' ')}`;
            addNote(
              doc,
              {
                boardId,
                clusterId: cluster,
                x: c * 720 + 16 + (i % 4) * 172,
                y: 56 + Math.floor(i / 4) * 132,
                text,
                author: `P${n % 30}`,
                authorId: asParticipantId(`p${n % 30}`),
              },
              ALICE.origin,
            );
          }
        }
        setSummaryText(
          doc,
          boardId,
          'Zusammenfassung des Boards.\n\nZweiter Absatz.',
          ALICE.origin,
        );
      }
    });
    const view = readWorkshop(doc);
    expect(view.boards.reduce((s, b) => s + b.noteCount, 0)).toBe(1000);
    const reports: number[] = [];
    const bytes = await workshopToPdf(view, {
      ...fonts,
      onProgress: (p) => {
        reports.push(p);
      },
    });
    // Progress comes often enough to yield between small chunks of work, and in order.
    expect(reports.length).toBeGreaterThan(40);
    expect(reports).toEqual([...reports].sort((a, b) => a - b));
    expect(reports.at(-1)).toBe(1);
    const text = squash(pdfText(writeTemp(bytes, 'big.pdf')));
    expect(text).toContain(squash('Notiz 999:'));
    expect(text).toContain(squash('Notiz 0:'));
  });
});
