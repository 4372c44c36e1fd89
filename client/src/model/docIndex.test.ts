import type { BoardId, ParticipantId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { addBoard } from '@pinnwand/shared/ops/boardOps';
import { addNote, moveNotesToBoard, setNoteText } from '@pinnwand/shared/ops/noteOps';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { DocIndex } from './docIndex.ts';

const me = localOrigin('me' as ParticipantId);

function setup() {
  const doc = new Y.Doc();
  const a = addBoard(doc, { title: 'A' }, me);
  const b = addBoard(doc, { title: 'B' }, me);
  let clock = 1000;
  const note = (boardId: BoardId, text: string) =>
    addNote(
      doc,
      {
        boardId,
        x: 0,
        y: 0,
        text,
        author: 'Me',
        authorId: 'me' as ParticipantId,
        createdAt: clock++,
      },
      me,
    );
  const n1 = note(a, 'eins');
  const n2 = note(a, 'zwei');
  return { doc, a, b, n1, n2, index: new DocIndex(doc) };
}

describe('DocIndex', () => {
  test('typing in one note notifies only that note and keeps the id list', () => {
    const { doc, a, n1, n2, index } = setup();
    const ids = index.noteIds(a);
    const other = index.note(n2);
    let n1Calls = 0;
    let n2Calls = 0;
    let idCalls = 0;
    index.subscribeNote(n1, () => n1Calls++);
    index.subscribeNote(n2, () => n2Calls++);
    index.subscribeNoteIds(() => idCalls++);
    setNoteText(doc, n1, 'eins!', me);
    expect([n1Calls, n2Calls, idCalls]).toEqual([1, 0, 0]);
    expect(index.note(n1)?.text).toBe('eins!');
    expect(index.note(n2)).toBe(other);
    expect(index.noteIds(a)).toBe(ids);
  });

  test('a note moving to another board changes both boards’ id lists', () => {
    const { doc, a, b, n1, index } = setup();
    expect(index.noteIds(a)).toHaveLength(2);
    let idCalls = 0;
    index.subscribeNoteIds(() => idCalls++);
    moveNotesToBoard(doc, [n1], b, me);
    expect(idCalls).toBe(1);
    expect(index.noteIds(a)).toHaveLength(1);
    expect(index.noteIds(b)).toEqual([n1]);
  });

  test('notes are listed oldest first', () => {
    const { a, n1, n2, index } = setup();
    expect(index.noteIds(a)).toEqual([n1, n2]);
  });
});
