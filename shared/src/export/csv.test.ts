import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyImport } from '../import/applyImport.ts';
import { parseCsv } from '../import/csv.ts';
import { createCluster } from '../ops/clusterOps.ts';
import { addNote } from '../ops/noteOps.ts';
import { createWorkshop } from '../ops/workshopOps.ts';
import { readWorkshop } from '../read/workshopView.ts';
import { ALICE, BOB, testWorkshop } from '../testing/testWorkshop.ts';
import { vote } from '../testing/votes.ts';
import { workshopToCsv } from './csv.ts';

function sample() {
  const { doc, board } = testWorkshop('blank');
  const cluster = createCluster(
    doc,
    { boardId: board, title: 'Strukturen; „neu“', x: 0, y: 0 },
    ALICE.origin,
  );
  const a = addNote(
    doc,
    {
      boardId: board,
      clusterId: cluster,
      x: 16,
      y: 56,
      text: 'Zusammenarbeit Bund-Länder',
      author: 'Alice',
      authorId: ALICE.id,
      createdAt: Date.UTC(2023, 8, 14, 10, 30),
    },
    ALICE.origin,
  );
  addNote(
    doc,
    {
      boardId: board,
      x: 600,
      y: 0,
      text: 'Zeile 1\nZeile "2"; mit Trenner, Komma',
      author: 'Bob',
      authorId: BOB.id,
      createdAt: Date.UTC(2023, 8, 14, 10, 31),
    },
    BOB.origin,
  );
  addNote(
    doc,
    {
      boardId: board,
      x: 800,
      y: 0,
      text: '=HYPERLINK("http://x")',
      author: 'Bob',
      authorId: BOB.id,
      createdAt: Date.UTC(2023, 8, 14, 10, 32),
    },
    BOB.origin,
  );
  vote(doc, a, BOB.id, BOB.origin);
  vote(doc, a, ALICE.id, ALICE.origin);
  return doc;
}

describe('workshopToCsv', () => {
  it('writes one row per note with a BOM, CRLF and ";" for a German workshop', () => {
    const csv = workshopToCsv(readWorkshop(sample()), { includeAuthors: true });
    // Header names in the workshop's language (German here); the importer reads both.
    expect(csv.startsWith('\uFEFFTafel;Cluster;Text;Stimmen;Autor*in;Erstellt\r\n')).toBe(true);
    expect(csv).toContain(
      'Tafel 1;"Strukturen; „neu“";Zusammenarbeit Bund-Länder;2;Alice;2023-09-14 10:30:00\r\n',
    );
    expect(csv).toContain('"Zeile 1\nZeile ""2""; mit Trenner, Komma"');
    // A cell a spreadsheet would run as a formula is guarded.
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });

  it('leaves the author column empty unless authors are asked for', () => {
    const csv = workshopToCsv(readWorkshop(sample()));
    expect(csv).not.toContain('Alice');
    expect(csv).not.toContain('Bob');
  });

  it('round-trips through the CSV import', () => {
    const view = readWorkshop(sample());
    const csv = workshopToCsv(view, { includeAuthors: true });
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.error);
    const { doc } = testWorkshop('blank');
    const target = readWorkshop(doc).boards[0]!;
    applyImport(doc, parsed.plan, { kind: 'board', boardId: target.id });
    const again = workshopToCsv(readWorkshop(doc), { includeAuthors: true });
    expect(again).toBe(csv);
  });

  it('guards formula cells also behind leading spaces and tabs, and reads them back', () => {
    const { doc, board } = testWorkshop('blank');
    const texts = [' =1+1', '\t=cmd', '  @SUM(A1)', ' +49 30', '\u00a0-2', 'plain - text'];
    for (const text of texts) {
      addNote(
        doc,
        { boardId: board, x: 0, y: 0, text, author: 'A', authorId: ALICE.id },
        ALICE.origin,
      );
    }
    const csv = workshopToCsv(readWorkshop(doc));
    const cells = csv
      .split('\r\n')
      .slice(1, -1)
      .map((row) => row.split(';')[2]);
    expect(cells.sort()).toEqual(
      ["' =1+1", "'\t=cmd", "'  @SUM(A1)", "' +49 30", "'\u00a0-2", 'plain - text'].sort(),
    );
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.plan.boards[0]?.notes.map((n) => n.text).sort()).toEqual([...texts].sort());
  });

  it('writes English headers and "," for an English workshop', () => {
    const doc = new Y.Doc();
    createWorkshop(doc, { title: 'T', template: 'blank', lang: 'en', createdAt: 1 }, ALICE.origin);
    expect(workshopToCsv(readWorkshop(doc))).toBe(
      '\uFEFFboard,cluster,text,votes,author,created\r\n',
    );
  });

  it('leaves "created" empty for a time out of range instead of failing', () => {
    const { doc, board } = testWorkshop('blank');
    addNote(
      doc,
      {
        boardId: board,
        x: 0,
        y: 0,
        text: 'spät',
        author: 'A',
        authorId: ALICE.id,
        createdAt: 8.64e15 + 1,
      },
      ALICE.origin,
    );
    expect(workshopToCsv(readWorkshop(doc))).toContain('Tafel 1;;spät;0;;\r\n');
  });
});
