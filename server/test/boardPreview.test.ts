// GET /api/workshops/<id>/board-preview: the first picture of a workshop,
// answered from the room's document for every capability, kept until the
// document changes, and showing nothing the document's picture does not.
import { gunzipSync } from 'node:zlib';
import { startVotingRound } from '@pinnwand/shared/facilitation/votingRound';
import { asParticipantId, type BoardId, type NoteId } from '@pinnwand/shared/model/ids';
import type { Migration } from '@pinnwand/shared/model/migrations';
import { localOrigin, SERVER_ORIGIN } from '@pinnwand/shared/model/origin';
import { notesMap } from '@pinnwand/shared/model/schema';
import { addNote, moveNote } from '@pinnwand/shared/ops/noteOps';

import {
  type BoardPreview,
  boardPreviewSchema,
  errorBodySchema,
} from '@pinnwand/shared/protocol/http';
import { getMeta, listBoards } from '@pinnwand/shared/read/lookups';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** The preview as a device gets it, with or without `Accept-Encoding: gzip`. */
async function fetchPreview(
  url: string,
  w: CreatedWorkshop,
  gzip: boolean,
): Promise<{ status: number; encoding: string | undefined; preview: BoardPreview | null }> {
  const { get } = await import('node:http');
  const target = `${url}/api/workshops/${w.id}/board-preview?token=${w.viewerToken}`;
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
          preview:
            body.length > 0 ? boardPreviewSchema.parse(JSON.parse(body.toString('utf8'))) : null,
        });
      });
    }).on('error', reject);
  });
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
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  const preview = async (id: string, token: string): Promise<BoardPreview> => {
    const res = await fetch(`${t.url}/api/workshops/${id}/board-preview?token=${token}`);
    expect(res.status).toBe(200);
    return boardPreviewSchema.parse(await res.json());
  };
  /** A workshop in progress: its room's document is built (a device has it open). */
  const inProgress = async (...args: Parameters<TestServer['createWorkshop']>) => {
    const w = await t.createWorkshop(...args);
    await t.server.services.rooms.withDoc(w.id, () => undefined);
    return w;
  };
  const change = (id: string, fn: (doc: Y.Doc) => void) =>
    t.server.services.rooms.change(id, fn, SERVER_ORIGIN);

  it("gives every capability the first board's notes in drawing order, its frames and the tabs", async () => {
    const w = await inProgress('ozg-example', 'Beispiel');
    const expected = await t.server.services.rooms.withDoc(w.id, (doc) => {
      const first = listBoards(doc)[0]!;
      let notes = 0;
      notesMap(doc).forEach((n) => {
        if ((n as Y.Map<unknown>).get('boardId') === first.id) notes++;
      });
      return {
        title: getMeta(doc)?.title,
        boards: listBoards(doc).map((b) => b.title),
        first: first.id,
        notes,
      };
    });
    for (const token of [w.facilitatorToken, w.participantToken, w.viewerToken]) {
      const p = await preview(w.id, token);
      expect(p.title).toBe(expected.title);
      expect(p.boards.map((b) => b.title)).toEqual(expected.boards);
      expect(p.boardId).toBe(expected.first);
      expect(p.notes).toHaveLength(expected.notes);
      expect(p.clusters.length).toBeGreaterThan(0);
      expect(p.notes.every((n) => n.text.length > 0)).toBe(true);
    }
  });

  it('follows the document: a note written or moved is in the next answer', async () => {
    const w = await inProgress('blank', 'Folgt');
    const first = await preview(w.id, w.participantToken);
    expect(first.notes).toEqual([]);
    const boardId = first.boardId as BoardId;
    let id: NoteId | undefined;
    await change(w.id, (doc) => {
      id = addNote(
        doc,
        { boardId, x: 10, y: 20, text: 'Erste', author: 'Ada', authorId: asParticipantId('p-ada') },
        SERVER_ORIGIN,
      );
    });
    expect((await preview(w.id, w.viewerToken)).notes).toMatchObject([
      { id, x: 10, y: 20, text: 'Erste', author: 'Ada', votes: 0 },
    ]);
    await change(w.id, (doc) => moveNote(doc, id!, { x: 300, y: 40 }, SERVER_ORIGIN));
    expect((await preview(w.id, w.viewerToken)).notes[0]).toMatchObject({ x: 300, y: 40 });
  });

  it('shows vote totals only when the notes show them (not while a round hides them)', async () => {
    const w = await inProgress('blank', 'Punkte');
    const { boardId } = await preview(w.id, w.facilitatorToken);
    await change(w.id, (doc) => {
      const id = addNote(
        doc,
        {
          boardId: boardId as BoardId,
          x: 0,
          y: 0,
          text: 'Idee',
          author: 'Bo',
          authorId: asParticipantId('p-bo'),
        },
        SERVER_ORIGIN,
      );
      const note = notesMap(doc).get(id) as Y.Map<unknown>;
      const votes = note.get('votes') as Y.Map<number>;
      votes.set('p-1', 2);
      votes.set('p-2', 1);
    });
    expect((await preview(w.id, w.participantToken)).notes[0]?.votes).toBe(3);
    await change(w.id, (doc) =>
      startVotingRound(
        doc,
        {
          boardId: boardId as BoardId,
          votesPerPerson: 5,
          maxVotesPerNote: 3,
          anonymous: true,
          hideTotals: true,
        },
        SERVER_ORIGIN,
      ),
    );
    for (const token of [w.facilitatorToken, w.participantToken, w.viewerToken])
      expect((await preview(w.id, token)).notes[0]?.votes).toBe(0);
  });

  it('is gzipped for clients that accept it', async () => {
    const w = await inProgress('ozg-example', 'Gepackt');
    const url = `${t.url}/api/workshops/${w.id}/board-preview?token=${w.viewerToken}`;
    const plain = await preview(w.id, w.viewerToken);
    const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>(
      (resolve, reject) => {
        import('node:http').then(({ get }) =>
          get(url, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }),
            );
          }).on('error', reject),
        );
      },
    );
    expect(raw.encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(raw.body).toString('utf8'))).toEqual(plain);
  });

  it("answers a cold room from the preview stored when it unloaded: the warm picture, gzipped or not, without building its document, also once a new device's identity is stored after it", async () => {
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
        expect(own.server.rooms.peekDoc(w.id)).toBeUndefined();
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

  it('refuses a bad token with 401 and an unknown workshop with 404', async () => {
    const w = await inProgress();
    const bad = await fetch(`${t.url}/api/workshops/${w.id}/board-preview?token=nope`);
    expect(bad.status).toBe(401);
    expect(errorBodySchema.parse(await bad.json()).error).toMatch(/link/);
    const none = await fetch(`${t.url}/api/workshops/${w.id}/board-preview`);
    expect(none.status).toBe(401);
    const unknown = await fetch(
      `${t.url}/api/workshops/unknownworkshop1/board-preview?token=${w.viewerToken}`,
    );
    expect(unknown.status).toBe(404);
  });
});
