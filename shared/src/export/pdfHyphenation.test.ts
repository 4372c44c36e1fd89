/**
 * A word too long for its line is broken where German hyphenation allows, with
 * a hyphen a reader sees; the text behind it (search, copy, screen readers)
 * keeps the word whole.
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { addBoard } from '../ops/boardOps.ts';
import { addNote } from '../ops/noteOps.ts';
import { readWorkshop } from '../read/workshopView.ts';
import { pdfFonts } from '../testing/pdfFonts.ts';
import { ALICE, testWorkshop } from '../testing/testWorkshop.ts';
import { workshopToPdf } from './pdf.ts';
import { hyphenationPoints, SOFT_HYPHEN } from './pdfHyphenation.ts';
import { TextMeasure, wrapText } from './pdfText.ts';

const fonts = pdfFonts;
const run = (tool: string, ...args: string[]) =>
  execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

// Wider than the page at the board heading's size, and than the list at body size.
const TITLE = 'Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnung';
const NOTE =
  'Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetzesänderungsentwurfsbegründung';

/** The lines (as laid out on the page) that make up `word`, in order. */
function linesOf(layout: string, word: string): string[] {
  const lines = layout.split('\n').map((line) => line.trim());
  const first = lines.findIndex((line) => line.length > 3 && word.startsWith(line.slice(0, -1)));
  const pieces: string[] = [];
  for (let i = first; i >= 0 && i < lines.length; i++) {
    const line = lines[i] as string;
    pieces.push(line);
    if (!line.endsWith('-')) break;
  }
  return pieces;
}

let layout: string;
let text: string;
let struct: string;

beforeAll(async () => {
  const { doc, board } = testWorkshop('blank');
  const second = addBoard(doc, { title: TITLE }, ALICE.origin);
  for (const boardId of [board, second]) {
    addNote(
      doc,
      { boardId, x: 0, y: 0, text: `Zu klären: ${NOTE}`, author: 'A', authorId: ALICE.id },
      ALICE.origin,
    );
  }
  const file = join(mkdtempSync(join(tmpdir(), 'pinnwand-hyphen-')), 'hyphen.pdf');
  writeFileSync(file, await workshopToPdf(readWorkshop(doc), fonts));
  layout = run('pdftotext', '-layout', '-enc', 'UTF-8', file, '-');
  text = run('pdftotext', '-enc', 'UTF-8', file, '-');
  struct = run('pdfinfo', '-struct-text', file);
}, 60_000);

describe('a word too long for its line in the PDF', { timeout: 60_000 }, () => {
  for (const [what, word] of [
    ['board heading', TITLE],
    ['note', NOTE],
  ] as const) {
    it(`is broken with a hyphen at a syllable boundary (${what})`, () => {
      const pieces = linesOf(layout, word);
      expect(pieces.length).toBeGreaterThan(1);
      // Every line but the last ends in the hyphen; together they are the word.
      for (const piece of pieces.slice(0, -1)) expect(piece).toMatch(/\p{L}-$/u);
      expect(pieces.map((p) => p.replace(/-$/, '')).join('')).toBe(word);
      // Where German hyphenation allows a break: "…genehmi-gungs…", never "…genehm-igungs…".
      const allowed = hyphenationPoints(word);
      let at = 0;
      for (const piece of pieces.slice(0, -1)) {
        at += piece.length - 1;
        expect(allowed).toContain(at);
      }
    });
  }

  it('keeps the word whole for search, copying and screen readers', () => {
    expect(text.replace(/\s+/g, '')).toContain(TITLE);
    // The layout's hyphen is an artifact, not part of the heading's or the list's text.
    const tagged = struct.replace(/[\s"]/g, '');
    expect(tagged).toContain(`H2(block)${TITLE}`);
    expect(tagged).toContain(`LBody(block)Zuklären:${NOTE}`);
  });
});

describe('a web or e-mail address too long for its line in the PDF', () => {
  it('is broken after a slash or dot, never with a hyphen of its own', async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const measure = new TextMeasure(await doc.embedFont(fonts.fontBytes));
    for (const address of [
      'https://www.digitale-verwaltung.de/Webs/DV/DE/onlinezugangsgesetz/efa/efa-node.html',
      'poststelle.onlinezugangsgesetz@digitalministerium.example.de',
    ]) {
      expect(hyphenationPoints(address)).toEqual([]);
      const lines = wrapText(address, 120, 10, measure);
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(line).not.toContain(SOFT_HYPHEN);
      expect(lines.join('')).toBe(address);
    }
  });
});
