/**
 * Awareness client ids are bound to the participant (issue 11, finding 11):
 * after a participant's connection closes, another participant cannot claim
 * its client id and so lock the victim's reconnect out of the presence list.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awarenessStates, type RawClient, rawConnect } from '../helpers/rawClient.ts';
import {
  type CreatedWorkshop,
  issueIdentity,
  startTestServer,
  type TestServer,
  waitFor,
} from '../helpers/testServer.ts';

describe('awareness client ids after a disconnect', () => {
  let t: TestServer;
  let w: CreatedWorkshop;
  const clients: RawClient[] = [];
  beforeEach(async () => {
    t = await startTestServer();
    w = await t.createWorkshop();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await t.close();
  });
  async function open(token: string, pkey?: string): Promise<RawClient> {
    const c = rawConnect(`${t.wsUrl}/${w.id}?token=${token}${pkey ? `&pkey=${pkey}` : ''}`);
    clients.push(c);
    await c.opened;
    await waitFor(() => c.received.some((r) => r.type === 0 && r.sub === 0), 5000, 'greeting');
    return c;
  }

  it('keeps a client id for its participant: the reconnecting victim is shown again, the thief is not', async () => {
    const victimKey = (await issueIdentity(t.url, w.id, w.participantToken)).participantKey;
    const thiefKey = (await issueIdentity(t.url, w.id, w.participantToken)).participantKey;
    const watcher = await open(w.viewerToken);
    const victim = await open(w.participantToken, victimKey);
    victim.sendAwareness([{ clientId: 5150, clock: 1, json: '{"user":{"name":"Anna"}}' }]);
    await waitFor(() => awarenessStates(watcher.received).has(5150), 5000, 'victim shown');
    victim.close();
    await victim.closed;
    await waitFor(() => awarenessStates(watcher.received).get(5150) === null, 5000, 'victim gone');

    // The thief read the id from the awareness it received and claims it.
    const thief = await open(w.participantToken, thiefKey);
    thief.sendAwareness([{ clientId: 5150, clock: 9, json: '{"user":{"name":"Mallory"}}' }]);
    // A marker from the thief's own id shows its frames were processed.
    thief.sendAwareness([{ clientId: 6160, clock: 1, json: '{"user":{"name":"Mallory"}}' }]);
    await waitFor(() => awarenessStates(watcher.received).has(6160), 5000, 'thief marker');
    // Still the victim's removal: the thief's state was not relayed.
    expect(awarenessStates(watcher.received).get(5150)).toBeNull();

    // The victim's tab reconnects with the same client id and a fresh clock.
    const back = await open(w.participantToken, victimKey);
    back.sendAwareness([{ clientId: 5150, clock: 2, json: '{"user":{"name":"Anna"}}' }]);
    await waitFor(
      () =>
        (awarenessStates(watcher.received).get(5150) as { user?: { name?: string } } | undefined)
          ?.user?.name === 'Anna',
      5000,
      'victim shown again',
    );
  });
});
