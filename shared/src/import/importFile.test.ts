import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IMPORT_ORIGIN } from '../model/origin.ts';
import { createCluster } from '../ops/clusterOps.ts';
import { addNote } from '../ops/noteOps.ts';
import { noteRect, rectsOverlap } from '../placement/freeSpace.ts';
import { readWorkshop } from '../read/workshopView.ts';
import { ALICE, testWorkshop } from '../testing/testWorkshop.ts';
import type { ImportTarget } from './applyImport.ts';
import { guessImportFormat, importIntoDoc, parseImport } from './importFile.ts';
import { type ImportFormat, previewImport } from './importPlan.ts';

const FIXTURE_TEXT = readFileSync(
  new URL('../../fixtures/ozg-erfahrungsaustausch-2023.json', import.meta.url),
  'utf8',
);

function workshop() {
  const w = testWorkshop('retro');
  addNote(
    w.doc,
    { boardId: w.board, x: 0, y: 0, text: 'schon da', author: 'A', authorId: ALICE.id },
    ALICE.origin,
  );
  return w;
}

const snapshot = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc);

describe('import', () => {
  it('reads plain text as one note per line', () => {
    const { doc, board } = workshop();
    const outcome = importIntoDoc(doc, 'text', '- eins\n\n  zwei  \n• drei\r\n4. vier\n', {
      kind: 'board',
      boardId: board,
    });
    expect(outcome.ok).toBe(true);
    const view = readWorkshop(doc).boards.find((b) => b.id === board)!;
    expect(view.unclusteredNotes.map((n) => n.text)).toEqual([
      'schon da',
      'eins',
      'zwei',
      'drei',
      'vier',
    ]);
  });

  it('previews the OZG structured results: 94 notes and their clusters', () => {
    const parsed = parseImport('structured', FIXTURE_TEXT);
    if (!parsed.ok) throw new Error(parsed.error);
    const preview = previewImport(parsed.plan);
    expect(preview.notes).toBe(94);
    expect(preview.boards.map((b) => b.title)).toEqual(['Bewährtes', 'Aufgaben', 'Neues']);
    expect(preview.clusters).toContain('Flächen-Rollout');
    expect(preview.hasSummary).toBe(true);
  });

  it('imports everything into one chosen board on free space, in one transaction', () => {
    const { doc, board } = workshop();
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    const outcome = importIntoDoc(doc, 'structured', FIXTURE_TEXT, {
      kind: 'board',
      boardId: board,
    });
    expect(transactions).toBe(1);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.result.notes).toBe(94);
    const view = readWorkshop(doc);
    const target = view.boards.find((b) => b.id === board)!;
    expect(target.noteCount).toBe(95);
    expect(target.clusters.map((c) => c.title)).toContain('Strukturen');
    const existing = target.unclusteredNotes.find((n) => n.text === 'schon da')!;
    // Nothing imported covers the note that was there (placement/freeSpace.ts).
    const there = noteRect(existing);
    for (const c of target.clusters) expect(rectsOverlap(c, there)).toBe(false);
    const imported = [...target.unclusteredNotes, ...target.clusters.flatMap((c) => c.notes)];
    for (const n of imported.filter((n) => n.id !== existing.id))
      expect(rectsOverlap(noteRect(n), there)).toBe(false);
    expect(view.boards.filter((b) => b.id !== board).every((b) => b.noteCount === 0)).toBe(true);
  });

  it('adds a file’s boards to the workshop as new boards', () => {
    const { doc } = workshop();
    const before = readWorkshop(doc).boards.length;
    const outcome = importIntoDoc(doc, 'structured', FIXTURE_TEXT, { kind: 'workshop' });
    expect(outcome.ok).toBe(true);
    const boards = readWorkshop(doc).boards;
    expect(boards).toHaveLength(before + 3);
    expect(boards.slice(-3).map((b) => b.noteCount)).toEqual([26, 33, 35]);
  });

  it('fills boards of the same title instead of duplicating them', () => {
    const { doc } = testWorkshop('ozg-erfahrungsaustausch');
    const outcome = importIntoDoc(doc, 'structured', FIXTURE_TEXT, { kind: 'workshop' });
    expect(outcome.ok).toBe(true);
    const boards = readWorkshop(doc).boards;
    expect(boards.map((b) => b.title)).toEqual(['Bewährtes', 'Aufgaben', 'Neues']);
    expect(boards.map((b) => b.noteCount)).toEqual([26, 33, 35]);
  });

  const broken: [ImportFormat, string, RegExp][] = [
    ['text', '\n  \n', /no notes/],
    ['text', `ok\n${'x'.repeat(6000)}`, /^Line 2: 6000 characters/],
    ['text', 'a\u0000b', /^Line 1: contains binary data/],
    ['csv', 'board,cluster,text\nB,C,"never closed\n', /^Line 2: a quoted field is never closed/],
    [
      'csv',
      'board;cluster;text;votes\nB;C;fine;3\nB;C;bad;drei\n',
      /^Line 3, column votes: "drei" is not a whole number/,
    ],
    ['csv', 'titel,inhalt\na,b\n', /^Line 1: no column named "text"/],
    ['csv', 'text,created\nx,gestern\n', /^Line 2, column created: "gestern" is not a date/],
    ['md', '# T\n\n## Board\n\n- ok\nthis is not a note\n', /^Line 6: expected a note/],
    ['md', '# T\n\n#### too deep\n', /^Line 3: headings deeper/],
    ['md', 'just some prose\n', /^Line 1: expected a title/],
    ['md', '# Only a title\n', /no boards/],
    ['structured', '{"title": "x", "boards": [{"title": 3}]}', /boards\.0\.title/],
    ['structured', '{"title": "x", "boards": [', /^Not valid JSON/],
    ['json', '{"format": "pinnwand-backup", "schemaVersion": 1}', /^Backup: meta: /],
    ['json', '[]', /^Backup: /],
  ];

  for (const [format, text, message] of broken) {
    it(`refuses a broken ${format} file (${message.source}) and creates nothing`, () => {
      for (const target of ['board', 'workshop'] as const) {
        const { doc, board } = workshop();
        const before = snapshot(doc);
        const to: ImportTarget =
          target === 'board' ? { kind: 'board', boardId: board } : { kind: 'workshop' };
        const outcome = importIntoDoc(doc, format, text, to);
        expect(outcome.ok).toBe(false);
        if (!outcome.ok) expect(outcome.error).toMatch(message);
        expect(snapshot(doc)).toEqual(before);
      }
    });
  }

  it('refuses an import into a board that does not exist, before writing', () => {
    const { doc } = workshop();
    const before = snapshot(doc);
    expect(() =>
      importIntoDoc(doc, 'text', 'a', { kind: 'board', boardId: 'nope' as never }),
    ).toThrow(/does not exist/);
    expect(snapshot(doc)).toEqual(before);
  });

  it('guesses the format from the file name and content', () => {
    expect(guessImportFormat('notes.txt', 'a\nb')).toBe('text');
    expect(guessImportFormat('x.csv', 'a;b')).toBe('csv');
    expect(guessImportFormat('', '\uFEFFboard;cluster;text;votes\nA;B;C;1')).toBe('csv');
    expect(guessImportFormat('', 'Text,Stimmen\nx,1')).toBe('csv');
    expect(guessImportFormat('', 'Kaffee, Tee und Kuchen\nnoch eine Notiz')).toBe('text');
    expect(guessImportFormat('x.md', '# T')).toBe('md');
    expect(guessImportFormat('ozg.json', FIXTURE_TEXT)).toBe('structured');
    expect(guessImportFormat('b.json', '{\n  "format": "pinnwand-backup"')).toBe('json');
  });

  it('keeps cluster frames sized to their notes', () => {
    const { doc, board } = workshop();
    createCluster(doc, { boardId: board, title: 'frame', x: 0, y: 400 }, ALICE.origin);
    importIntoDoc(
      doc,
      'md',
      '## B\n### C\n- a\n- b\n- c\n',
      { kind: 'board', boardId: board },
      { origin: IMPORT_ORIGIN },
    );
    const c = readWorkshop(doc)
      .boards.find((b) => b.id === board)!
      .clusters.find((x) => x.title === 'C')!;
    expect(c.notes).toHaveLength(3);
    for (const n of c.notes) {
      expect(n.x).toBeGreaterThanOrEqual(c.x);
      expect(n.y + 120).toBeLessThanOrEqual(c.y + c.height);
    }
  });
});
