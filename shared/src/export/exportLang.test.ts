/**
 * The words an export adds (headings, labels, dates, the CSV header) are in
 * the language the person exporting chose for the UI; without a choice, in
 * the workshop's language, German by default. The notes stay as written.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../ops/clusterOps.ts';
import { addNote } from '../ops/noteOps.ts';
import { setSummaryText } from '../ops/summaryOps.ts';
import { updateCover } from '../ops/workshopOps.ts';
import { readWorkshop, type WorkshopView } from '../read/workshopView.ts';
import { pdfFonts } from '../testing/pdfFonts.ts';
import { ALICE, testWorkshop } from '../testing/testWorkshop.ts';
import { workshopToCsv } from './csv.ts';
import { documentFileName } from './exportOptions.ts';
import { workshopToMarkdown } from './markdown.ts';
import { workshopToPdf } from './pdf.ts';

const fonts = pdfFonts;

/** A German workshop: a cluster, a loose note, a summary, an event date. */
function germanWorkshop(): WorkshopView {
  const { doc, board } = testWorkshop('blank');
  const cluster = createCluster(doc, { boardId: board, title: 'Ideen', x: 0, y: 0 }, ALICE.origin);
  addNote(
    doc,
    {
      boardId: board,
      clusterId: cluster,
      x: 20,
      y: 60,
      text: 'Antrag digital',
      author: 'A',
      authorId: ALICE.id,
    },
    ALICE.origin,
  );
  addNote(
    doc,
    { boardId: board, x: 900, y: 0, text: 'Offene Frage', author: 'A', authorId: ALICE.id },
    ALICE.origin,
  );
  setSummaryText(doc, board, 'Weiter im Januar', ALICE.origin);
  updateCover(doc, { eventDate: '2026-12-04', organizer: 'Stadt X' }, ALICE.origin);
  const view = readWorkshop(doc);
  expect(view.meta?.lang ?? 'de').toBe('de');
  return view;
}

async function pdfText(view: WorkshopView, lang?: 'de' | 'en'): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'pinnwand-lang-')), 'lang.pdf');
  writeFileSync(file, await workshopToPdf(view, { ...fonts, ...(lang ? { lang } : {}) }));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('an export of a German workshop made from the English UI', { timeout: 60_000 }, () => {
  const view = germanWorkshop();

  it('Markdown: English labels and date, the notes as written', () => {
    const md = workshopToMarkdown(view, { lang: 'en' });
    expect(md).toContain('Date: 2026-12-04\\\nOrganised by: Stadt X');
    expect(md).toContain('### _Not clustered_\n\n- Offene Frage');
    expect(md).toContain('### _Summary_\n\nWeiter im Januar');
    expect(md).not.toMatch(/Datum|Veranstalter|Ohne Cluster|Zusammenfassung/);
  });

  it('PDF: English headings, contents and page numbers', async () => {
    const text = await pdfText(view, 'en');
    for (const words of ['Contents', 'Not clustered', 'Summary', 'Organised by', 'Page 1 of']) {
      expect(text).toContain(words);
    }
    expect(text).not.toMatch(/Inhalt|Ohne Cluster|Seite 1 von|Veranstalter/);
    expect(text).toContain('Antrag digital');
  });

  it('CSV: the English header, split by commas', () => {
    const csv = workshopToCsv(view, { lang: 'en' });
    expect(csv.split('\r\n')[0]).toBe('\uFEFFboard,cluster,text,votes,author,created');
    expect(csv).toContain('Tafel 1,Ideen,Antrag digital,0,,');
  });

  it('names a backup without names in English', () => {
    expect(documentFileName('Test', view, 'json', { includeAuthors: false, lang: 'en' })).toBe(
      'Test-2026-12-04-without-names.json',
    );
  });
});

describe('without a language asked for', { timeout: 60_000 }, () => {
  const view = germanWorkshop();

  it('stays German', async () => {
    expect(workshopToMarkdown(view)).toContain('Datum: 04.12.2026\\\nVeranstalter: Stadt X');
    expect(workshopToCsv(view).split('\r\n')[0]).toBe(
      '\uFEFFTafel;Cluster;Text;Stimmen;Autor*in;Erstellt',
    );
    const text = await pdfText(view);
    expect(text).toContain('Inhalt');
    expect(text).toContain('Seite 1 von');
  });
});
