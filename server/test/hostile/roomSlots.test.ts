/**
 * Room slots are reserved per role (issue 11, finding 10): connections with
 * the viewer link cannot keep participants out, and nobody but facilitators
 * can take the last slots, so the facilitator can always get in to act.
 */
import { CloseCode } from '@pinnwand/shared/protocol/wire';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { greeted, type RawClient, rawConnect } from '../helpers/rawClient.ts';
import {
  connect,
  startTestServer,
  synced,
  type TestServer,
  waitFor,
} from '../helpers/testServer.ts';

describe('room slots per role', () => {
  let t: TestServer;
  const raws: RawClient[] = [];
  const providers: WebsocketProvider[] = [];
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy();
    for (const r of raws.splice(0)) r.close();
    await t.close();
  });

  const limits = {
    MAX_CONNECTIONS_PER_ROOM: '20',
    MAX_VIEWERS_PER_ROOM: '10',
    FACILITATOR_RESERVED_SLOTS: '3',
  };

  /** Opens `n` raw sockets with `token`; resolves with how many the room admitted. */
  async function flood(id: string, token: string, n: number): Promise<number> {
    const opened = Array.from({ length: n }, () => {
      const r = rawConnect(`${t.wsUrl}/${id}?token=${token}`);
      raws.push(r);
      return r;
    });
    // Each socket is either greeted (SyncStep1 from the server) or closed.
    let settled = 0;
    let admitted = 0;
    await Promise.all(
      opened.map(async (r) => {
        const code = await Promise.race([r.closed, greeted(r, 10_000).then(() => 0)]);
        settled += 1;
        if (code === 0) admitted += 1;
        else expect(code).toBe(CloseCode.full);
      }),
    );
    expect(settled).toBe(n);
    return admitted;
  }

  it('lets participants and the facilitator in while 40 viewer sockets try to fill the room', async () => {
    t = await startTestServer(limits);
    const w = await t.createWorkshop();
    expect(await flood(w.id, w.viewerToken, 40)).toBe(10);
    const participant = connect(t.wsUrl, w.id, w.participantToken);
    const facilitator = connect(t.wsUrl, w.id, w.facilitatorToken);
    providers.push(participant, facilitator);
    await Promise.all([synced(participant), synced(facilitator)]);
    participant.doc.getMap('notes').set('still-here', 'ja');
    await waitFor(
      () => facilitator.doc.getMap('notes').get('still-here') === 'ja',
      5000,
      'participant edit',
    );
  });

  it('keeps the last slots for the facilitator when participant sockets fill the room', async () => {
    t = await startTestServer(limits);
    const w = await t.createWorkshop();
    expect(await flood(w.id, w.participantToken, 30)).toBe(17);
    const facilitator = connect(t.wsUrl, w.id, w.facilitatorToken);
    providers.push(facilitator);
    await synced(facilitator);
    expect(facilitator.wsconnected).toBe(true);
  });
});
