// A note dropped on top of another (bringNotesToFront) keeps its place in the
// drawing order through a JSON backup: restored as a new workshop, or its
// boards imported into a running one.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { workshopToJsonBackup } from '../export/jsonBackup.ts';
import type { BoardId } from '../model/ids.ts';
import { addNote, bringNotesToFront } from '../ops/noteOps.ts';
import { getNote, listNoteIds } from '../read/lookups.ts';
import { compareNotesByLayer, readWorkshop } from '../read/workshopView.ts';
import { ALICE, testWorkshop } from '../testing/testWorkshop.ts';
import { applyImport } from './applyImport.ts';
import { parseBackup, parseJsonBackup, restoreBackup } from './jsonBackup.ts';

/** A board of three notes, the first brought to the front; its backup. */
function backupWithRaisedNote(): string {
  const ws = testWorkshop('blank');
  const ids = ['first', 'second', 'third'].map((text, i) =>
    addNote(
      ws.doc,
      {
        boardId: ws.board,
        x: 10 * i,
        y: 0,
        text,
        author: ALICE.name,
        authorId: ALICE.id,
        createdAt: 1000 + i,
      },
      ALICE.origin,
    ),
  );
  bringNotesToFront(ws.doc, [ids[0]!], ALICE.origin);
  expect(drawingOrder(ws.doc, ws.board)).toEqual(['second', 'third', 'first']);
  return workshopToJsonBackup(readWorkshop(ws.doc));
}

/** The board's note texts in drawing order, the last on top. */
function drawingOrder(doc: Y.Doc, boardId: BoardId): string[] {
  return listNoteIds(doc, boardId)
    .map((id) => getNote(doc, id)!)
    .sort(compareNotesByLayer)
    .map((n) => n.text);
}

function layers(doc: Y.Doc, boardId: BoardId): Record<string, number | undefined> {
  return Object.fromEntries(
    listNoteIds(doc, boardId).map((id) => {
      const note = getNote(doc, id)!;
      return [note.text, note.layer];
    }),
  );
}

describe('a JSON backup keeps the drawing order of notes', () => {
  it('in the file: the raised note carries its layer, the others none', () => {
    const parsed = parseBackup(backupWithRaisedNote());
    if (!parsed.ok) throw new Error(parsed.error);
    const notes = parsed.backup.boards[0]!.notes;
    expect(notes.find((n) => n.text === 'first')!.layer).toBeGreaterThan(1002);
    expect(notes.filter((n) => n.layer === undefined).map((n) => n.text)).toEqual([
      'second',
      'third',
    ]);
  });

  it('restored as a new workshop', () => {
    const json = backupWithRaisedNote();
    const parsed = parseBackup(json);
    if (!parsed.ok) throw new Error(parsed.error);
    const doc = new Y.Doc();
    restoreBackup(doc, parsed.backup);
    const boardId = parsed.backup.boards[0]!.id;
    expect(drawingOrder(doc, boardId)).toEqual(['second', 'third', 'first']);
    expect(layers(doc, boardId)).toEqual({
      first: parsed.backup.boards[0]!.notes.find((n) => n.text === 'first')!.layer,
      second: undefined,
      third: undefined,
    });
  });

  it('imported into a board of a running workshop', () => {
    const parsed = parseJsonBackup(backupWithRaisedNote());
    if (!parsed.ok) throw new Error(parsed.error);
    const target = testWorkshop('blank');
    applyImport(target.doc, parsed.plan, { kind: 'board', boardId: target.board }, { now: 5 });
    expect(drawingOrder(target.doc, target.board)).toEqual(['second', 'third', 'first']);
    const kept = layers(target.doc, target.board);
    expect(kept.first).toBeGreaterThan(1002);
    expect([kept.second, kept.third]).toEqual([undefined, undefined]);
  });

  it('refuses a layer that is not a finite number, with the path of the field', () => {
    const json = backupWithRaisedNote();
    for (const bad of ['1e999', '"high"', 'null']) {
      const broken = json.replace(/"layer":\s*[0-9.e+]+/, `"layer": ${bad}`);
      expect(broken).not.toBe(json);
      const parsed = parseBackup(broken);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toContain('boards.0.notes.0.layer');
    }
  });
});
