import type { NoteId } from '@pinnwand/shared/model/ids';
import { asParticipantId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { mayWrite } from '../gate/noteGate.ts';
import { testEditor } from '../testing/testEditor.ts';
import type { Editor } from './Editor.ts';
import { askToTakeOver, claimBeats, QUIET_MS } from './writers.ts';

afterEach(() => {
  vi.useRealTimers();
});

/** Two people on one board: documents and presence relayed between them at once. */
function twoPeople() {
  const ws = testWorkshop();
  const docB = new Y.Doc();
  Y.applyUpdate(docB, Y.encodeStateAsUpdate(ws.doc));
  const relayDoc = (from: Y.Doc, to: Y.Doc) =>
    from.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'relay') Y.applyUpdate(to, u, 'relay');
    });
  relayDoc(ws.doc, docB);
  relayDoc(docB, ws.doc);
  const awA = new Awareness(ws.doc);
  const awB = new Awareness(docB);
  const relayAw = (from: Awareness, to: Awareness) =>
    from.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, changed), 'relay');
    });
  relayAw(awA, awB);
  relayAw(awB, awA);
  const make = (doc: Y.Doc, awareness: Awareness, id: string, name: string) =>
    testEditor(doc, { awareness, identity: { id, name }, board: ws.board });
  const a = make(ws.doc, awA, 'p-a', 'Anna');
  const b = make(docB, awB, 'p-b', 'Bernd');
  awB.setLocalStateField('user', { id: 'p-b', name: 'Bernd', color: '#123456' });
  const note = addNote(
    ws.doc,
    {
      boardId: ws.board,
      x: 0,
      y: 0,
      text: 'Idee',
      author: 'Anna',
      authorId: asParticipantId('p-a'),
    },
    localOrigin(asParticipantId('p-a')),
  );
  return { a, b, note };
}

const edit = (e: Editor, id: NoteId) => {
  e.selection.set(new Set([id]));
  return e.commands.run(e, 'note.edit', id);
};

describe('one writer per note', () => {
  it('refuses an editor on a note someone else writes in, and says who', () => {
    const { a, b, note } = twoPeople();
    expect(edit(a, note)).toBe(true);
    expect(a.editing.get()).toBe(note);
    expect(mayWrite(b, note)).toEqual({
      allowed: false,
      denial: { reason: 'beingWritten', name: 'Anna' },
    });
    expect(edit(b, note)).toBe(false);
    expect(b.editing.get()).toBeNull();
    expect(b.writing.prompt.get()).toMatchObject({
      id: note,
      writer: { name: 'Anna' },
      asked: false,
    });
    // Once Anna closes her editor the note is free again.
    a.editing.set(null);
    expect(mayWrite(b, note).allowed).toBe(true);
    expect(b.writing.prompt.get()).toBeNull();
  });

  it("hands the note over when asked, once the writer pauses; the asker's editor opens", () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'setTimeout'] });
    const { a, b, note } = twoPeople();
    edit(a, note);
    edit(b, note);
    askToTakeOver(b);
    // Anna is still typing: she keeps the note.
    expect(a.editing.get()).toBe(note);
    expect(b.writing.prompt.get()?.asked).toBe(true);
    vi.advanceTimersByTime(QUIET_MS + 1100);
    expect(a.editing.get()).toBeNull();
    expect(b.editing.get()).toBe(note);
    expect(mayWrite(a, note)).toMatchObject({ allowed: false, denial: { name: 'Bernd' } });
  });

  it('settles two claims that crossed: the earlier stands, then the lower client id', () => {
    expect(claimBeats({ since: 1, clientId: 9 }, { since: 2, clientId: 1 })).toBe(true);
    expect(claimBeats({ since: 2, clientId: 1 }, { since: 2, clientId: 9 })).toBe(true);
    expect(claimBeats({ since: 2, clientId: 9 }, { since: 2, clientId: 1 })).toBe(false);
  });
});
