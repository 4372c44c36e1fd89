// Test helper: two people on one board of one workshop, each with an editor
// on their own Y.Doc; documents and presence are relayed between them at once.
// Anna ('p-a') has written one note.
import { asParticipantId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { AnyCommand } from '../commands/types.ts';
import { testEditor } from './testEditor.ts';

/** Two people on one board: documents and presence relayed between them at once. */
export function twoPeople(commands?: readonly AnyCommand[]) {
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
  // Presence not delivered to someone (a frozen tab) until it is resumed.
  const held = new Set<Awareness>();
  const relayAw = (from: Awareness, to: Awareness) =>
    from.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      if (held.has(to)) return;
      const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])];
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, changed), 'relay');
    });
  relayAw(awA, awB);
  relayAw(awB, awA);
  const make = (doc: Y.Doc, awareness: Awareness, id: string, name: string) =>
    testEditor(doc, {
      awareness,
      identity: { id, name },
      board: ws.board,
      ...(commands ? { commands } : {}),
    });
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
  const person = (who: 'a' | 'b') => (who === 'a' ? awA : awB);
  return {
    ws,
    a,
    b,
    note,
    /** Stops delivering the other's presence to `who`, as to a frozen tab. */
    holdPresence(who: 'a' | 'b') {
      held.add(person(who));
    },
    /** Delivers it again, starting with what `who` missed. */
    resumePresence(who: 'a' | 'b') {
      const to = person(who);
      const from = to === awA ? awB : awA;
      held.delete(to);
      applyAwarenessUpdate(to, encodeAwarenessUpdate(from, [from.clientID]), 'relay');
    },
  };
}
