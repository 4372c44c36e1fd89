/**
 * One person cannot multiply votes (issue 11, finding 12). Participant
 * identities are issued by the server through the participant link, visible to
 * the facilitator and revocable; votes count per issued identity.
 *
 * - 20 device keys a participant makes up itself cast no vote at all;
 * - identities collected through the link beyond the per-workshop rate are
 *   refused, and every one handed out shows up in the facilitator's list;
 * - revoking them takes their votes back, closes their connections, and their
 *   keys admit nobody again — while the honest participant's vote stays.
 */
import { castVote, readRound, startVotingRound } from '@pinnwand/shared/facilitation/votingRound';
import type { NoteId, ParticipantId } from '@pinnwand/shared/model/ids';
import { localOrigin } from '@pinnwand/shared/model/origin';
import { addNote } from '@pinnwand/shared/ops/noteOps';
import { newParticipantKey, participantIdFor } from '@pinnwand/shared/policy/participantId';
import { ApiRoute, apiPath, identityListSchema } from '@pinnwand/shared/protocol/http';
import { CloseCode } from '@pinnwand/shared/protocol/wire';
import { listBoards } from '@pinnwand/shared/read/lookups';
import { readWorkshop } from '@pinnwand/shared/read/workshopView';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { partialUpload } from '../helpers/partialUpload.ts';
import { serverRound } from '../helpers/serverRound.ts';
import {
  type CreatedWorkshop,
  closeCode,
  issueIdentity,
  synced,
  type TestServer,
  waitFor,
} from '../helpers/testServer.ts';

function votesOnNote(doc: Y.Doc, noteId: NoteId): number {
  const note = readWorkshop(doc)
    .boards.flatMap((b) => b.unclusteredNotes)
    .find((n) => n.id === noteId);
  return note ? note.votes.total : -1;
}

describe('participant identities', () => {
  const server = serverRound();
  let t: TestServer;
  let w: CreatedWorkshop;
  beforeEach(async () => {
    // Refused votes are reported on the console by y-websocket; expected here.
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    t = await server.start({ IDENTITIES_PER_MINUTE: '10' });
    w = await t.createWorkshop('blank', 'Stimmen');
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const open = (token: string, pkey?: string): WebsocketProvider =>
    server.open(w.id, token, pkey ? { pkey } : {});

  /** The facilitator opens a round (1 vote per note) and writes the note to vote on. */
  async function round(): Promise<{ fac: WebsocketProvider; noteId: NoteId }> {
    const facIdentity = await issueIdentity(t.url, w.id, w.facilitatorToken);
    const fac = open(w.facilitatorToken, facIdentity.participantKey);
    await synced(fac);
    const facId = facIdentity.participantId as ParticipantId;
    const origin = localOrigin(facId);
    const boardId = listBoards(fac.doc)[0]!.id;
    startVotingRound(
      fac.doc,
      { boardId, votesPerPerson: 3, maxVotesPerNote: 1, anonymous: false, resetVotes: false },
      origin,
    );
    const noteId = addNote(
      fac.doc,
      { boardId, x: 0, y: 0, text: 'Gute Idee', author: 'F', authorId: facId },
      origin,
    );
    return { fac, noteId };
  }

  async function vote(pkey: string | undefined, participantId: string, noteId: NoteId) {
    const p = open(w.participantToken, pkey);
    await synced(p);
    await waitFor(() => readRound(p.doc).open && votesOnNote(p.doc, noteId) >= 0, 5000, 'round');
    castVote(
      p.doc,
      noteId,
      participantId as ParticipantId,
      localOrigin(participantId as ParticipantId),
    );
    return p;
  }

  it('counts no vote cast with device keys the server did not issue', async () => {
    const { noteId } = await round();
    const honest = await issueIdentity(t.url, w.id, w.participantToken);
    for (let i = 0; i < 20; i++) {
      const key = newParticipantKey();
      // The id the made-up key would stand for, as the old client derived it.
      await vote(key, participantIdFor(w.id, key), noteId);
    }
    // The honest vote comes last: once a fresh viewer sees it, the others were judged before it.
    await vote(honest.participantKey, honest.participantId, noteId);
    const viewer = open(w.viewerToken);
    await synced(viewer);
    await waitFor(() => votesOnNote(viewer.doc, noteId) >= 1, 5000, 'the honest vote');
    expect(votesOnNote(viewer.doc, noteId)).toBe(1);
  });

  it('issues identities through the link only at a bounded rate, each visible to the facilitator', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await fetch(`${t.url}${apiPath(ApiRoute.identities, { id: w.id })}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${w.participantToken}` },
      });
      answers.push(res.status);
      await res.body?.cancel();
    }
    expect(answers.filter((s) => s === 201)).toHaveLength(10);
    expect(answers.filter((s) => s === 429)).toHaveLength(15);
    // The facilitator still gets one, and sees all eleven.
    await issueIdentity(t.url, w.id, w.facilitatorToken);
    const list = identityListSchema.parse(
      await (
        await fetch(`${t.url}${apiPath(ApiRoute.identities, { id: w.id })}`, {
          headers: { Authorization: `Bearer ${w.facilitatorToken}` },
        })
      ).json(),
    );
    expect(list.identities).toHaveLength(11);
    // Participants cannot read the list.
    const asParticipant = await fetch(`${t.url}${apiPath(ApiRoute.identities, { id: w.id })}`, {
      headers: { Authorization: `Bearer ${w.participantToken}` },
    });
    expect(asParticipant.status).toBe(403);
  });

  it('refuses a body on an identity request unread, before its upload ends, and issues nothing for it', async () => {
    const url = `${t.url}${apiPath(ApiRoute.identities, { id: w.id })}`;
    const stuffed = await partialUpload(url, 'x'.repeat(64 * 1024), {
      Authorization: `Bearer ${w.participantToken}`,
    });
    expect(stuffed.status).toBe(413);
    expect(stuffed.error).toBe('This request takes no body; send it without one.');
    expect(stuffed.connection).toBe('close');
    // Without a body the same link gets its identity, the only one issued.
    const issued = await issueIdentity(t.url, w.id, w.participantToken);
    const list = identityListSchema.parse(
      await (
        await fetch(url, { headers: { Authorization: `Bearer ${w.facilitatorToken}` } })
      ).json(),
    );
    expect(list.identities.map((i) => i.participantId)).toEqual([issued.participantId]);
  });

  it('takes back the votes of revoked identities, closes them and admits their keys no more', async () => {
    const { noteId } = await round();
    const honest = await issueIdentity(t.url, w.id, w.participantToken);
    await vote(honest.participantKey, honest.participantId, noteId);
    const sock = await issueIdentity(t.url, w.id, w.participantToken);
    const sockpuppet = await vote(sock.participantKey, sock.participantId, noteId);
    const viewer = open(w.viewerToken);
    await synced(viewer);
    await waitFor(() => votesOnNote(viewer.doc, noteId) === 2, 5000, 'both votes');

    const closed = closeCode(sockpuppet);
    const res = await fetch(
      `${t.url}${apiPath(ApiRoute.identity, { id: w.id, participantId: sock.participantId })}`,
      { method: 'DELETE', headers: { Authorization: `Bearer ${w.facilitatorToken}` } },
    );
    expect(res.status).toBe(204);
    expect(await closed).toBe(CloseCode.forbidden);
    await waitFor(() => votesOnNote(viewer.doc, noteId) === 1, 5000, 'vote taken back');

    const again = open(w.participantToken, sock.participantKey);
    expect(await closeCode(again)).toBe(CloseCode.forbidden);
    // The honest participant carries on.
    expect(votesOnNote(viewer.doc, noteId)).toBe(1);
  });
});
