/**
 * Awareness client ids are bound to the participant (issue 11, finding 11):
 * after a participant's connection closes, another participant cannot claim
 * its client id and so lock the victim's reconnect out of the presence list.
 */
import { describe, expect, it } from 'vitest';
import { awarenessStates, rawRoom } from '../helpers/rawClient.ts';
import { issueIdentity, waitFor } from '../helpers/testServer.ts';

describe('awareness client ids after a disconnect', () => {
  const room = rawRoom();
  const open = (token: string, pkey?: string) => room.open(token, pkey);

  it('keeps a client id for its participant: the reconnecting victim is shown again, the thief is not', async () => {
    const victimKey = (await issueIdentity(room.t.url, room.w.id, room.w.participantToken))
      .participantKey;
    const thiefKey = (await issueIdentity(room.t.url, room.w.id, room.w.participantToken))
      .participantKey;
    const watcher = await open(room.w.viewerToken);
    const victim = await open(room.w.participantToken, victimKey);
    victim.sendAwareness([{ clientId: 5150, clock: 1, json: '{"user":{"name":"Anna"}}' }]);
    await waitFor(() => awarenessStates(watcher.received).has(5150), 5000, 'victim shown');
    victim.close();
    await victim.closed;
    await waitFor(() => awarenessStates(watcher.received).get(5150) === null, 5000, 'victim gone');

    // The thief read the id from the awareness it received and claims it.
    const thief = await open(room.w.participantToken, thiefKey);
    thief.sendAwareness([{ clientId: 5150, clock: 9, json: '{"user":{"name":"Mallory"}}' }]);
    // A marker from the thief's own id shows its frames were processed.
    thief.sendAwareness([{ clientId: 6160, clock: 1, json: '{"user":{"name":"Mallory"}}' }]);
    await waitFor(() => awarenessStates(watcher.received).has(6160), 5000, 'thief marker');
    // Still the victim's removal: the thief's state was not relayed.
    expect(awarenessStates(watcher.received).get(5150)).toBeNull();

    // The victim's tab reconnects with the same client id and a fresh clock.
    const back = await open(room.w.participantToken, victimKey);
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
