import type { NoteId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { addNote, deleteNotes, getNoteText } from '@pinnwand/shared/ops/noteOps';
import { testWorkshop } from '@pinnwand/shared/testing/testWorkshop';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ConnectionStatus } from '../sync/connectionStatus.ts';
import { trackOfflineWrites } from '../sync/offlineWrites.ts';
import { testEditor } from '../testing/testEditor.ts';
import { createStore } from '../ui/store.ts';
import { announceRefusals } from './refusals.ts';

function setup() {
  const ws = testWorkshop();
  const status = createStore<ConnectionStatus>('connected');
  const offline = trackOfflineWrites(ws.doc, status);
  const refused = createStore<{ reason: string; seq: number } | null>(null);
  const editor = testEditor(ws.doc, { identity: { id: 'p-me' } });
  const stop = announceRefusals(editor, refused, offline);
  return { e: editor, ws, status, refused, stop };
}

const me = localOrigin('p-me' as never);

/** What the server's revert does to this client: a change that arrives from elsewhere. */
function remote(doc: Y.Doc, change: (server: Y.Doc) => void): void {
  const server = new Y.Doc();
  Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(server);
  change(server);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, before), 'server');
}

describe('refusals are told with the text to copy', () => {
  it('a refused change offers what was just typed', () => {
    const { e, refused, stop } = setup();
    e.writing.draft = { id: 'n1' as NoteId, text: 'Mein Gedanke' };
    e.writing.typedAt = Date.now();
    refused.set({ reason: 'policy', seq: 1 });
    expect(e.notices.current.get()).toMatchObject({
      message: { key: 'server.refused' },
      kept: 'Mein Gedanke',
    });
    stop();
  });

  it('a refused presence update says nothing', () => {
    const { e, refused, stop } = setup();
    refused.set({ reason: 'awareness-flood', seq: 1 });
    expect(e.notices.current.get()).toBeNull();
    stop();
  });

  it('notes written offline that the server took back are all offered, and stay until closed', () => {
    const { e, ws, status, refused, stop } = setup();
    status.set('offline');
    const kept = addNote(
      ws.doc,
      { boardId: ws.board, x: 0, y: 0, text: 'Bleibt', author: 'Me', authorId: 'p-me' as never },
      me,
    );
    const first = addNote(
      ws.doc,
      {
        boardId: ws.board,
        x: 300,
        y: 0,
        text: 'Erste Idee',
        author: 'Me',
        authorId: 'p-me' as never,
      },
      me,
    );
    const second = addNote(
      ws.doc,
      { boardId: ws.board, x: 600, y: 0, text: 'Zweite', author: 'Me', authorId: 'p-me' as never },
      me,
    );
    getNoteText(ws.doc, second)!.insert(6, ' Idee');
    status.set('connected');
    // The server reverted the offline update's notes except the one someone else kept editing.
    remote(ws.doc, (server) =>
      deleteNotes(server, [first, second], localOrigin('server' as never)),
    );
    refused.set({ reason: 'the board is locked', seq: 1 });
    const notice = e.notices.current.get();
    expect(notice).toMatchObject({
      message: { key: 'server.refusedOffline', params: { count: 2 } },
      kept: 'Erste Idee\n\nZweite Idee',
      persist: true,
    });
    expect(getNoteText(ws.doc, kept)?.toString()).toBe('Bleibt');
    // Offered once: a later refusal is about something else.
    refused.set({ reason: 'policy', seq: 2 });
    expect(e.notices.current.get()?.message.key).toBe('server.refused');
    stop();
  });

  it('offline notes the server accepted are not offered again on a later refusal', () => {
    const { e, ws, status, refused, stop } = setup();
    status.set('reconnecting');
    addNote(
      ws.doc,
      {
        boardId: ws.board,
        x: 0,
        y: 0,
        text: 'Angekommen',
        author: 'Me',
        authorId: 'p-me' as never,
      },
      me,
    );
    status.set('connected');
    refused.set({ reason: 'policy', seq: 1 });
    expect(e.notices.current.get()).toMatchObject({ message: { key: 'server.refused' } });
    expect(e.notices.current.get()?.kept).toBeUndefined();
    stop();
  });
});
