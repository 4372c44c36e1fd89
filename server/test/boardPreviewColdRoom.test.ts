// GET /api/workshops/<id>/board-preview of a cold room (its document not
// built): answered from the preview stored with the room's last compaction
// when that still shows the room, else 204 (the device draws from the
// document instead), never by building the document. The live room's
// answer: boardPreview.test.ts.
import { gunzipSync } from 'node:zlib';
import { asParticipantId, type BoardId } from '@pinnwand/shared/model/ids';
import type { Migration } from '@pinnwand/shared/model/migrations';
import { localOrigin, SERVER_ORIGIN } from '@pinnwand/shared/model/origin';
import { notesMap } from '@pinnwand/shared/model/schema';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import {
  type BoardPreview,
  boardCardsSchema,
  boardPreviewSchema,
} from '@pinnwand/shared/protocol/http';
import { boardCards } from '@pinnwand/shared/read/boardCards';
import { listBoards } from '@pinnwand/shared/read/lookups';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Router } from '../src/http/router.ts';
import {
  type CreatedWorkshop,
  connect,
  issueIdentity,
  makeDataDir,
  startTestServer,
  synced,
  type TestServer,
  waitFor,
} from './helpers/testServer.ts';

/** An answer of `route` as a device gets it, with or without `Accept-Encoding: gzip`. */
async function fetchJson(
  url: string,
  w: CreatedWorkshop,
  gzip: boolean,
  route: 'board-preview' | 'board-cards',
): Promise<{ status: number; encoding: string | undefined; json: unknown }> {
  const { get } = await import('node:http');
  const target = `${url}/api/workshops/${w.id}/${route}?token=${w.viewerToken}`;
  const headers = gzip ? { 'Accept-Encoding': 'gzip' } : {};
  return new Promise((resolve, reject) => {
    get(target, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const encoding = res.headers['content-encoding'];
        const raw = Buffer.concat(chunks);
        const body = encoding === 'gzip' ? gunzipSync(raw) : raw;
        resolve({
          status: res.statusCode ?? 0,
          encoding,
          json: body.length > 0 ? JSON.parse(body.toString('utf8')) : null,
        });
      });
    }).on('error', reject);
  });
}

/** The preview as a device gets it. */
async function fetchPreview(url: string, w: CreatedWorkshop, gzip: boolean) {
  const { json, ...rest } = await fetchJson(url, w, gzip, 'board-preview');
  return { ...rest, preview: json === null ? null : boardPreviewSchema.parse(json) };
}

/** The preview as plain cards, as a device gets them. */
async function fetchCards(url: string, w: CreatedWorkshop, gzip: boolean) {
  const { json, ...rest } = await fetchJson(url, w, gzip, 'board-cards');
  return { ...rest, cards: json === null ? null : boardCardsSchema.parse(json) };
}

/**
 * Writes `count` notes into the workshop's first board through a real
 * y-websocket client (the facilitator's), and waits until a second client
 * (a viewer) has them all: relayed, so stored. Both leave afterwards.
 */
async function writeNotesThroughClients(t: TestServer, w: CreatedWorkshop, count: number) {
  const doc = new Y.Doc();
  const writer = connect(t.wsUrl, w.id, w.facilitatorToken, doc);
  const viewerDoc = new Y.Doc();
  const viewer = connect(t.wsUrl, w.id, w.viewerToken, viewerDoc);
  try {
    await Promise.all([synced(writer), synced(viewer)]);
    const boardId = listBoards(doc)[0]!.id;
    const origin = localOrigin(asParticipantId('p-fa'));
    for (let i = 0; i < count; i++) {
      const input = { boardId, x: 40 + 190 * i, y: 60 + 7 * i, text: `Notiz ${i}`, author: 'Fa' };
      addNote(doc, { ...input, authorId: asParticipantId('p-fa') }, origin);
    }
    const all = notesMap(doc).size;
    await waitFor(() => notesMap(viewerDoc).size === all, 10_000, 'the notes at the viewer');
  } finally {
    writer.destroy();
    viewer.destroy();
  }
}

describe('the board preview', () => {
  it("answers a cold room from the preview stored when it unloaded: the warm picture and its cards, gzipped or not, without loading the room, and without building its document once a new device's identity is stored after it", async () => {
    const own = await startTestServer({ ROOM_IDLE_MS: '50' });
    try {
      const w = await own.createWorkshop('blank', 'Entladen');
      await writeNotesThroughClients(own, w, 12);
      const warm = await fetchPreview(own.url, w, false);
      expect(warm.status).toBe(200);
      expect(warm.preview!.notes).toHaveLength(12);
      expect(warm.preview!.notes.find((n) => n.text === 'Notiz 3')).toMatchObject({
        x: 40 + 190 * 3,
        y: 81,
      });
      // Everyone left: the room compacts and unloads.
      await waitFor(() => own.server.rooms.peek(w.id) === undefined, 10_000, 'the unload');
      for (const gzip of [false, true]) {
        const cold = await fetchPreview(own.url, w, gzip);
        expect(cold.status).toBe(200);
        expect(cold.encoding).toBe(gzip ? 'gzip' : undefined);
        expect(cold.preview).toEqual(warm.preview);
        // The same preview as plain cards, for the device's very first sight of the board.
        const cards = await fetchCards(own.url, w, gzip);
        expect(cards.status).toBe(200);
        expect(cards.encoding).toBe(gzip ? 'gzip' : undefined);
        expect(cards.cards).toEqual(boardCards(warm.preview!));
        // Nothing was stored after the preview: answered without even loading the room.
        expect(own.server.rooms.peek(w.id)).toBeUndefined();
      }
      // A new device asks for its identity beside the preview: stored without
      // building the document, and under a root the picture does not show, so
      // the stored preview still shows the room.
      await issueIdentity(own.url, w.id, w.participantToken);
      expect(own.server.rooms.peekDoc(w.id)).toBeUndefined();
      for (const gzip of [false, true]) {
        const after = await fetchPreview(own.url, w, gzip);
        expect(after.status).toBe(200);
        expect(after.preview).toEqual(warm.preview);
      }
      expect(own.server.rooms.peekDoc(w.id)).toBeUndefined();
    } finally {
      await own.close();
    }
  });

  it('answers 204 for a cold room once a server write that adds a note is stored after its preview, and the picture with that note once built', async () => {
    // A note written the way an identity is (RoomManager.write: without building
    // the document): the stored preview lacks it, so it must not be given.
    const routes = (router: Router) =>
      router.post('/api/workshops/:id/test-note', async (ctx) => {
        const id = ctx.params.id!;
        await ctx.services.authorize(ctx, id, ['facilitator']);
        const boardId = ctx.url.searchParams.get('board') as BoardId;
        await ctx.services.rooms.write(
          id,
          (doc) => {
            const input = { boardId, x: 5, y: 6, text: 'Nachgereicht', author: 'Server' };
            addNote(doc, { ...input, authorId: asParticipantId('p-server') }, SERVER_ORIGIN);
          },
          SERVER_ORIGIN,
        );
        ctx.res.statusCode = 204;
        ctx.res.end();
      });
    const own = await startTestServer({ ROOM_IDLE_MS: '50' }, { routes });
    try {
      const w = await own.createWorkshop('blank', 'Nachgereicht');
      await writeNotesThroughClients(own, w, 4);
      const warm = (await fetchPreview(own.url, w, true)).preview!;
      await waitFor(() => own.server.rooms.peek(w.id) === undefined, 10_000, 'the unload');
      expect((await fetchPreview(own.url, w, true)).status).toBe(200);
      const res = await fetch(
        `${own.url}/api/workshops/${w.id}/test-note?board=${warm.boardId}&token=${w.facilitatorToken}`,
        { method: 'POST' },
      );
      expect(res.status).toBe(204);
      expect(own.server.rooms.peekDoc(w.id)).toBeUndefined();
      for (const gzip of [false, true]) {
        const after = await fetchPreview(own.url, w, gzip);
        expect(after.status).toBe(204);
        expect(after.preview).toBeNull();
      }
      expect(own.server.rooms.peekDoc(w.id)).toBeUndefined();
      await own.server.services.rooms.withDoc(w.id, () => undefined);
      const built = (await fetchPreview(own.url, w, true)).preview!;
      expect(built.notes.map((n) => n.text)).toEqual([
        ...warm.notes.map((n) => n.text),
        'Nachgereicht',
      ]);
    } finally {
      await own.close();
    }
  });

  it('answers a cold room after a graceful restart from the preview stored at shutdown', async () => {
    const dataDir = makeDataDir();
    const first = await startTestServer({}, {}, dataDir);
    let warm: BoardPreview | null;
    let w: CreatedWorkshop;
    try {
      w = await first.createWorkshop('ozg-example', 'Neustart');
      await writeNotesThroughClients(first, w, 5);
      warm = (await fetchPreview(first.url, w, true)).preview;
      expect(warm?.notes.filter((n) => n.text.startsWith('Notiz '))).toHaveLength(5);
    } finally {
      await first.close();
    }
    const cold = await startTestServer({}, {}, dataDir);
    try {
      for (const gzip of [true, false]) {
        const res = await fetchPreview(cold.url, w, gzip);
        expect(res.status).toBe(200);
        expect(res.preview).toEqual(warm);
      }
      expect(cold.server.rooms.peekDoc(w.id)).toBeUndefined();
    } finally {
      await cold.close();
    }
  });

  it('answers 204, not the stored preview, for a cold room whose document this server migrates when it builds it', async () => {
    const dataDir = makeDataDir();
    const released = await startTestServer({}, {}, dataDir);
    let w: CreatedWorkshop;
    try {
      w = await released.createWorkshop('blank', 'Vor der Migration');
      await writeNotesThroughClients(released, w, 3);
    } finally {
      await released.close();
    }
    // A release whose format 2 moves every note: the picture stored in format 1 is not it.
    const moveRight: Migration = {
      id: '2-test-move-notes-right',
      from: 1,
      description: 'moves every note 1,000 to the right (test only)',
      up(doc) {
        notesMap(doc).forEach((note) => {
          if (note instanceof Y.Map) note.set('x', (note.get('x') as number) + 1000);
        });
      },
    };
    const newer = await startTestServer(
      {},
      { migrations: { migrations: [moveRight], currentVersion: 2 } },
      dataDir,
    );
    try {
      expect((await fetchPreview(newer.url, w, true)).status).toBe(204);
      expect(newer.server.rooms.peekDoc(w.id)).toBeUndefined();
      await newer.server.services.rooms.withDoc(w.id, () => undefined);
      await waitFor(
        () => newer.server.rooms.peekDoc(w.id)?.getMap('meta').get('schemaVersion') === 2,
        5000,
        'the migration',
      );
      const migrated = (await fetchPreview(newer.url, w, true)).preview!;
      expect(migrated.notes.find((n) => n.text === 'Notiz 0')?.x).toBe(1040);
    } finally {
      await newer.close();
    }
  });

  it('answers 204 for a cold room never compacted (no stored preview) without building its document, and the picture once it is built', async () => {
    const dataDir = makeDataDir();
    const first = await startTestServer({}, {}, dataDir);
    let built: BoardPreview;
    let w: Awaited<ReturnType<TestServer['createWorkshop']>>;
    try {
      w = await first.createWorkshop('ozg-example', 'Kalt');
      await first.server.services.rooms.withDoc(w.id, () => undefined);
      const res = await fetch(
        `${first.url}/api/workshops/${w.id}/board-preview?token=${w.viewerToken}`,
      );
      built = boardPreviewSchema.parse(await res.json());
    } finally {
      await first.close();
    }
    const cold = await startTestServer({}, {}, dataDir);
    try {
      const url = `${cold.url}/api/workshops/${w.id}/board-preview?token=${w.viewerToken}`;
      const res = await fetch(url);
      expect(res.status).toBe(204);
      expect(await res.text()).toBe('');
      // The device draws from the document instead; nothing was built for the preview.
      expect(cold.server.rooms.peek(w.id)).toBeDefined();
      expect(cold.server.rooms.peekDoc(w.id)).toBeUndefined();
      // Once the room's document is built (a device joined), the preview is its picture.
      await cold.server.services.rooms.withDoc(w.id, () => undefined);
      const warm = await fetch(url);
      expect(warm.status).toBe(200);
      expect(boardPreviewSchema.parse(await warm.json())).toEqual(built);
    } finally {
      await cold.close();
    }
  });
});
