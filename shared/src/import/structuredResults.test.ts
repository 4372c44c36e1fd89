import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { NOTE_HEIGHT, NOTE_WIDTH } from '../model/layout.ts';
import { IMPORT_ORIGIN } from '../model/origin.ts';
import { createWorkshop } from '../ops/workshopOps.ts';
import { readWorkshop, type WorkshopView } from '../read/workshopView.ts';
import { createExampleWorkshop } from '../templates/exampleWorkshop.ts';
import { OZG_EXAMPLE } from '../templates/ozgExample.ts';
// The fixture (shared/fixtures) is for tests; product code ships its own copy
// (templates/ozgExample.ts), and a test below keeps the two equal.
import { OZG_FIXTURE as fixture } from '../testing/ozgFixture.ts';
import { ALICE } from '../testing/testWorkshop.ts';
import { createUndoManager } from '../undo.ts';
import {
  loadStructuredResults,
  parseStructuredResults,
  structuredResultsSchema,
} from './structuredResults.ts';

const parsedFixture = structuredResultsSchema.parse(fixture);

const sorted = (texts: string[]) => [...texts].sort();

/** Every fixture note is on the board and in the cluster of the same title, as a multiset. */
function expectFixtureContent(view: WorkshopView) {
  let notes = 0;
  for (const board of parsedFixture.boards) {
    const boardView = view.boards.find((b) => b.title === board.title);
    expect(boardView, board.title).toBeDefined();
    expect(boardView?.question).toBe(board.question);
    expect(boardView?.clusters.map((c) => c.title)).toEqual(board.clusters.map((c) => c.title));
    for (const cluster of board.clusters) {
      const clusterView = boardView?.clusters.find((c) => c.title === cluster.title);
      expect(sorted(clusterView?.notes.map((n) => n.text) ?? []), cluster.title).toEqual(
        sorted(cluster.notes),
      );
      notes += clusterView?.notes.length ?? 0;
    }
    expect(sorted(boardView?.unclusteredNotes.map((n) => n.text) ?? [])).toEqual(
      sorted(board.notes),
    );
    notes += boardView?.unclusteredNotes.length ?? 0;
  }
  return notes;
}

describe('loadStructuredResults', () => {
  it('puts every one of the 94 OZG notes into the right board and cluster', () => {
    const doc = new Y.Doc();
    const loaded = loadStructuredResults(doc, parsedFixture, IMPORT_ORIGIN, { createdAt: 1 });
    expect(loaded.noteIds).toHaveLength(94);
    expect(loaded.boardIds).toHaveLength(3);
    expect(loaded.clusterIds).toHaveLength(6);
    const view = readWorkshop(doc);
    expect(view.problems).toEqual([]);
    expect(view.meta?.title).toBe(parsedFixture.title);
    expect(view.boards.map((b) => b.title)).toEqual(['Bewährtes', 'Aufgaben', 'Neues']);
    expect(expectFixtureContent(view)).toBe(94);
    expect(view.orphanNotes).toEqual([]);
    expect(view.summary).toBe(parsedFixture.summary);
  });

  it('lays notes out inside their frames, frames side by side, loose notes beside them', () => {
    const doc = new Y.Doc();
    loadStructuredResults(doc, parsedFixture, IMPORT_ORIGIN);
    for (const board of readWorkshop(doc).boards) {
      let right = Number.NEGATIVE_INFINITY;
      for (const cluster of board.clusters) {
        expect(cluster.x).toBeGreaterThan(right);
        right = cluster.x + cluster.width;
        for (const note of cluster.notes) {
          expect(note.x).toBeGreaterThanOrEqual(cluster.x);
          expect(note.y).toBeGreaterThanOrEqual(cluster.y);
          expect(note.x + NOTE_WIDTH).toBeLessThanOrEqual(cluster.x + cluster.width);
          expect(note.y + NOTE_HEIGHT).toBeLessThanOrEqual(cluster.y + cluster.height);
        }
      }
      const positions = new Set<string>();
      for (const note of board.unclusteredNotes) {
        expect(note.x).toBeGreaterThan(right);
        positions.add(`${note.x},${note.y}`);
      }
      expect(positions.size).toBe(board.unclusteredNotes.length);
    }
  });

  it('fills the boards of an OZG-template workshop instead of duplicating them', () => {
    const doc = new Y.Doc();
    createWorkshop(
      doc,
      { title: 'Mein Workshop', template: 'ozg-erfahrungsaustausch' },
      ALICE.origin,
    );
    loadStructuredResults(doc, parsedFixture, IMPORT_ORIGIN);
    const view = readWorkshop(doc);
    expect(view.meta?.title).toBe('Mein Workshop');
    expect(view.boards).toHaveLength(3);
    expect(expectFixtureContent(view)).toBe(94);
  });

  it('is one transaction: a single undo removes the whole import', () => {
    const doc = new Y.Doc();
    createWorkshop(doc, { title: 'W', template: 'blank' }, ALICE.origin);
    const undo = createUndoManager(doc, ALICE.origin);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    loadStructuredResults(doc, parsedFixture, ALICE.origin);
    expect(transactions).toBe(1);
    undo.undo();
    const view = readWorkshop(doc);
    expect(view.boards.map((b) => b.title)).toEqual(['Tafel 1']);
    expect(view.boards[0]?.noteCount).toBe(0);
  });

  it('names the path of a malformed field', () => {
    const bad = {
      title: 'x',
      boards: [{ title: 'B', clusters: [{ title: 'C', notes: ['ok', 7] }] }],
    };
    const read = parseStructuredResults(bad);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatch(/boards\.0\.clusters\.0\.notes\.1: /);
    expect(() => loadStructuredResults(new Y.Doc(), bad as never, IMPORT_ORIGIN)).toThrow();
  });
});

describe('the shipped OZG example', () => {
  it('is a faithful copy of the fixture', () => {
    const { $comment: _provenance, ...content } = parsedFixture;
    expect(structuredResultsSchema.parse(OZG_EXAMPLE)).toEqual(content);
  });

  it('seeds the example workshop with all 94 notes', () => {
    const doc = new Y.Doc();
    createExampleWorkshop(doc, IMPORT_ORIGIN, { createdAt: 1 });
    const view = readWorkshop(doc);
    expect(view.meta?.template).toBe('ozg-example');
    expect(view.meta?.title).toBe(
      'OZG-Erfahrungsaustausch 2023: Die Zukunft der föderalen OZG-Umsetzung',
    );
    expect(view.cover.eventDate).toBe('2023');
    expect(view.cover.attribution).toContain('Dr. Pamela Müller-Niese und Petra Streiber');
    const authors = new Set(view.boards.flatMap((b) => b.unclusteredNotes.map((n) => n.author)));
    expect([...authors]).toEqual(['Teilnehmende 2023']);
    expect(view.boards).toHaveLength(3);
    expect(expectFixtureContent(view)).toBe(94);
  });
});
