// GET /api/workshops/<id>/board-preview of a room in memory: the first
// picture of a workshop, answered from the room's document for every
// capability, kept until the document changes, and showing nothing the
// document's picture does not. A cold room's answer from the preview stored
// with its last compaction: boardPreviewColdRoom.test.ts.
import { gunzipSync } from 'node:zlib';
import { startVotingRound } from '@pinnwand/shared/facilitation/votingRound';
import { asParticipantId, type BoardId, type NoteId } from '@pinnwand/shared/model/ids';
import { SERVER_ORIGIN } from '@pinnwand/shared/model/origin';
import { notesMap } from '@pinnwand/shared/model/schema';
import { addNote, moveNote } from '@pinnwand/shared/ops/noteOps';
import {
  type BoardPreview,
  boardCardsSchema,
  boardPreviewSchema,
  errorBodySchema,
} from '@pinnwand/shared/protocol/http';
import { boardCards } from '@pinnwand/shared/read/boardCards';
import { getMeta, listBoards } from '@pinnwand/shared/read/lookups';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { startTestServer, type TestServer } from './helpers/testServer.ts';

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

  it('gives the same preview as plain cards to every capability, and follows the document', async () => {
    const w = await inProgress('ozg-example', 'Karten');
    const cards = async (token: string) => {
      const res = await fetch(`${t.url}/api/workshops/${w.id}/board-cards?token=${token}`);
      expect(res.status).toBe(200);
      return boardCardsSchema.parse(await res.json());
    };
    for (const token of [w.facilitatorToken, w.participantToken, w.viewerToken]) {
      const whole = await preview(w.id, token);
      expect(await cards(token)).toEqual(boardCards(whole));
      expect((await cards(token)).cards.length).toBe(3 * whole.notes.length);
    }
    const before = await preview(w.id, w.viewerToken);
    const first = before.notes[0]!;
    await change(w.id, (doc) => moveNote(doc, first.id, { x: 4321, y: 1234 }, SERVER_ORIGIN));
    const at = (await preview(w.id, w.viewerToken)).notes.findIndex((n) => n.id === first.id);
    expect((await cards(w.viewerToken)).cards.slice(3 * at, 3 * at + 2)).toEqual([4321, 1234]);
  });

  it('refuses a bad token with 401 and an unknown workshop with 404', async () => {
    const w = await inProgress();
    for (const route of ['board-preview', 'board-cards']) {
      const bad = await fetch(`${t.url}/api/workshops/${w.id}/${route}?token=nope`);
      expect(bad.status).toBe(401);
      expect(errorBodySchema.parse(await bad.json()).error).toMatch(/link/);
      const none = await fetch(`${t.url}/api/workshops/${w.id}/${route}`);
      expect(none.status).toBe(401);
      const unknown = await fetch(
        `${t.url}/api/workshops/unknownworkshop1/${route}?token=${w.viewerToken}`,
      );
      expect(unknown.status).toBe(404);
    }
  });
});
