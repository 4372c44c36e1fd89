// A client written with nothing but `yjs`, `y-websocket` and the schema table
// in design.md — no Pinnwand code on the writing side — creates and reads
// notes. Pinnwand's own model (shared/) then reads what it wrote.
import { createdWorkshopSchema } from '@pinnwand/shared/protocol/http';
import { readWorkshop } from '@pinnwand/shared/read/workshopView';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

/** A participant identity from the server, as docs/protocol.md describes it. */
async function identity(base: string, room: string, token: string) {
  const res = await fetch(`${base}/api/workshops/${room}/identities`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
  });
  return (await res.json()) as { participantKey: string; participantId: string };
}

function stockProvider(base: string, room: string, token: string, doc: Y.Doc, pkey?: string) {
  return new WebsocketProvider(`${base.replace(/^http/, 'ws')}/ws`, room, doc, {
    params: pkey ? { token, pkey } : { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
}

function whenSynced(provider: WebsocketProvider): Promise<void> {
  return new Promise((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
}

describe('a stock y-websocket client', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('creates and reads notes through the documented schema', async () => {
    const res = await fetch(`${t.url}/api/workshops`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Fremder Client', template: 'ozg-erfahrungsaustausch' }),
    });
    const workshop = createdWorkshopSchema.parse(await res.json());

    const me = await identity(t.url, workshop.id, workshop.participantToken);
    const doc = new Y.Doc();
    const provider = stockProvider(
      t.url,
      workshop.id,
      workshop.participantToken,
      doc,
      me.participantKey,
    );
    await whenSynced(provider);
    const boards = [...doc.getMap<Y.Map<unknown>>('boards').entries()].sort(
      ([, a], [, b]) => (a.get('order') as number) - (b.get('order') as number),
    );
    expect(boards.length).toBeGreaterThan(0);
    const [boardId, board] = boards[0]!;
    expect(typeof board.get('title')).toBe('string');
    expect(typeof board.get('question')).toBe('string');

    doc.transact(() => {
      const note = new Y.Map<unknown>();
      doc.getMap('notes').set('stock-note-1', note);
      note.set('boardId', boardId);
      note.set('text', new Y.Text('Geschrieben von einem fremden Client'));
      note.set('x', 40);
      note.set('y', 60);
      note.set('color', 'yellow');
      note.set('author', 'Fremd');
      note.set('authorId', me.participantId);
      note.set('createdAt', Date.now());
      note.set('votes', new Y.Map<number>());
    });

    const readerDoc = new Y.Doc();
    const reader = stockProvider(t.url, workshop.id, workshop.viewerToken, readerDoc);
    await whenSynced(reader);
    const deadline = Date.now() + 5000;
    while (!readerDoc.getMap('notes').has('stock-note-1') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const read = readerDoc.getMap<Y.Map<unknown>>('notes').get('stock-note-1')!;
    expect((read.get('text') as Y.Text).toString()).toBe('Geschrieben von einem fremden Client');
    expect(read.get('boardId')).toBe(boardId);
    expect(readerDoc.getMap('meta').get('title')).toBe('Fremder Client');
    expect(readerDoc.getMap('meta').get('schemaVersion')).toBe(1);

    // Pinnwand's model sees the stranger's note on the first board.
    const view = readWorkshop(readerDoc);
    const notes = view.boards[0]!.unclusteredNotes.map((n) => n.text);
    expect(notes).toContain('Geschrieben von einem fremden Client');
    provider.destroy();
    reader.destroy();
  });
});
