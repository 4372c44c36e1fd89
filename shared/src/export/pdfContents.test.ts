/**
 * The PDF a facilitator files: the contents say on which page each board
 * starts, and boards without notes do not each waste a page.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { addBoard } from '../ops/boardOps.ts';
import { addNote } from '../ops/noteOps.ts';
import { readWorkshop } from '../read/workshopView.ts';
import { pdfFonts } from '../testing/pdfFonts.ts';
import { ALICE, testWorkshop } from '../testing/testWorkshop.ts';
import { workshopToPdf } from './pdf.ts';

const fonts = pdfFonts;
const run = (...args: string[]) =>
  execFileSync(args[0] as string, args.slice(1), { encoding: 'utf8', maxBuffer: 1 << 26 });

let file: string;
const page = (n: number, ...how: string[]) =>
  run('pdftotext', ...how, '-f', `${n}`, '-l', `${n}`, file, '-');

beforeAll(async () => {
  // Board 1 with notes; "Parkplatz" and "Nachträge" stayed empty; "Ausblick" has notes again.
  const { doc, board } = testWorkshop('blank');
  const note = (boardId: typeof board, text: string, y: number) =>
    addNote(doc, { boardId, x: 0, y, text, author: 'A', authorId: ALICE.id }, ALICE.origin);
  note(board, 'Antrag digital', 0);
  addBoard(doc, { title: 'Parkplatz', question: 'Was bleibt offen?' }, ALICE.origin);
  addBoard(doc, { title: 'Nachträge' }, ALICE.origin);
  const last = addBoard(doc, { title: 'Ausblick' }, ALICE.origin);
  for (let i = 0; i < 3; i++) note(last, `Schritt ${i + 1}`, i * 200);
  file = join(mkdtempSync(join(tmpdir(), 'pinnwand-contents-')), 'contents.pdf');
  writeFileSync(file, await workshopToPdf(readWorkshop(doc), fonts));
}, 60_000);

describe('the PDF contents and empty boards', { timeout: 60_000 }, () => {
  it('puts empty boards below the previous board, saying they have no notes', () => {
    expect(run('pdfinfo', file)).toMatch(/^Pages:\s+3$/m);
    const second = page(2);
    expect(second).toContain('Antrag digital');
    expect(second).toMatch(/Parkplatz\s+Was bleibt offen\?\s+Keine Notizen\./);
    expect(second).toMatch(/Nachträge\s+Keine Notizen\./);
    expect(page(3)).toContain('Ausblick');
  });

  it('gives the page each board starts on in the contents', () => {
    const contents = page(1, '-layout');
    expect(contents).toMatch(/Tafel 1 +1 Notiz +2\n/);
    expect(contents).toMatch(/Parkplatz +0 Notizen +2\n/);
    expect(contents).toMatch(/Nachträge +0 Notizen +2\n/);
    expect(contents).toMatch(/Ausblick +3 Notizen +3\n/);
  });

  it('tags each page number as a cell of its contents row', () => {
    const struct = run('pdfinfo', '-struct-text', file).replace(/\s+/g, ' ');
    expect(struct).toContain('TH: /Scope /Row "Ausblick" TD "3 Notizen" TD "3"');
  });
});
