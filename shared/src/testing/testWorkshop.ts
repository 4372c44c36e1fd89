/**
 * Test helpers: a fresh workshop document with known people and boards.
 */
import * as Y from 'yjs';
import { asParticipantId, type BoardId, type NoteId, type ParticipantId } from '../model/ids.ts';
import { type LocalOrigin, localOrigin } from '../model/origin.ts';
import { addNote } from '../ops/noteOps.ts';
import { createWorkshop } from '../ops/workshopOps.ts';
import type { TemplateId } from '../templates/templates.ts';

export interface TestPerson {
  id: ParticipantId;
  name: string;
  origin: LocalOrigin;
}

export function person(name: string): TestPerson {
  const id = asParticipantId(`p-${name.toLowerCase()}`);
  return { id, name, origin: localOrigin(id) };
}

export const ALICE = person('Alice');
export const BOB = person('Bob');

export interface TestWorkshop {
  doc: Y.Doc;
  boardIds: BoardId[];
  /** The first board, for tests that need just one. */
  board: BoardId;
}

export function testWorkshop(template: TemplateId = 'retro', doc = new Y.Doc()): TestWorkshop {
  const { boardIds } = createWorkshop(
    doc,
    { title: 'Test', template, createdAt: 1000 },
    ALICE.origin,
  );
  return { doc, boardIds, board: boardIds[0]! };
}

/** A blank workshop with one note of Alice's, 'Idee', its top-left at (100, 100). */
export function workshopWithAlicesNote(): { ws: TestWorkshop; note: NoteId } {
  const ws = testWorkshop('blank');
  const note = addNote(
    ws.doc,
    { boardId: ws.board, x: 100, y: 100, text: 'Idee', author: 'Alice', authorId: ALICE.id },
    ALICE.origin,
  );
  return { ws, note };
}
