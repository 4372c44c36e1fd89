import { CloseCode } from '@pinnwand/shared/protocol/wire';
import { describe, expect, it } from 'vitest';
import { awarenessStates, rawRoom } from './helpers/rawClient.ts';
import { issueIdentity, waitFor } from './helpers/testServer.ts';

describe('awareness hardening', () => {
  const room = rawRoom();
  const open = (token: string, pkey?: string) => room.open(token, pkey);

  it('stamps the connection’s role over any claimed role', async () => {
    const watcher = await open(room.w.viewerToken);
    const poser = await open(room.w.participantToken);
    poser.sendAwareness([
      {
        clientId: 111,
        clock: 1,
        json: JSON.stringify({ user: { name: 'Eve' }, role: 'facilitator' }),
      },
    ]);
    await waitFor(() => awarenessStates(watcher.received).has(111), 5000, 'state at watcher');
    expect(awarenessStates(watcher.received).get(111)).toEqual({
      user: { name: 'Eve' },
      role: 'participant',
    });
  });

  it('lets a connection change and remove only the client ids it introduced', async () => {
    const watcher = await open(room.w.viewerToken);
    const owner = await open(room.w.participantToken);
    const intruder = await open(room.w.participantToken);
    owner.sendAwareness([
      { clientId: 222, clock: 1, json: JSON.stringify({ user: { name: 'Ada' } }) },
    ]);
    await waitFor(() => awarenessStates(watcher.received).has(222), 5000, 'owner state');
    intruder.sendAwareness([
      { clientId: 222, clock: 5, json: JSON.stringify({ user: { name: 'Mallory' } }) },
    ]);
    intruder.sendAwareness([{ clientId: 222, clock: 6, json: 'null' }]);
    intruder.sendAwareness([
      { clientId: 333, clock: 1, json: JSON.stringify({ user: { name: 'Own' } }) },
    ]);
    await waitFor(() => awarenessStates(watcher.received).has(333), 5000, 'intruder own state');
    expect(awarenessStates(watcher.received).get(222)).toEqual({
      user: { name: 'Ada' },
      role: 'participant',
    });
    // The owner leaves: its state is removed for everyone.
    owner.close();
    await waitFor(() => awarenessStates(watcher.received).get(222) === null, 5000, 'removal');
  });

  it('does not relay states larger than the cap', async () => {
    const watcher = await open(room.w.viewerToken);
    const sender = await open(room.w.participantToken);
    sender.sendAwareness([
      { clientId: 444, clock: 1, json: JSON.stringify({ blob: 'x'.repeat(5000) }) },
    ]);
    sender.sendAwareness([{ clientId: 555, clock: 1, json: JSON.stringify({ ok: true }) }]);
    await waitFor(() => awarenessStates(watcher.received).has(555), 5000, 'small state');
    expect(awarenessStates(watcher.received).has(444)).toBe(false);
  });

  it('sends a joining client the states already present', async () => {
    const first = await open(room.w.participantToken);
    first.sendAwareness([
      { clientId: 666, clock: 1, json: JSON.stringify({ user: { name: 'Bo' } }) },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const late = await open(room.w.viewerToken);
    await waitFor(() => awarenessStates(late.received).has(666), 5000, 'existing state');
  });

  it('closes a connection that sends awareness JSON that is not JSON with 4400', async () => {
    const c = await open(room.w.participantToken);
    c.sendAwareness([{ clientId: 777, clock: 1, json: '{not json' }]);
    expect(await c.closed).toBe(CloseCode.malformed);
  });

  it('limits how many client ids one connection may introduce', async () => {
    const watcher = await open(room.w.viewerToken);
    const inventor = await open(room.w.participantToken);
    inventor.sendAwareness(
      Array.from({ length: 40 }, (_, i) => ({ clientId: 1000 + i, clock: 1, json: '{}' })),
    );
    inventor.sendAwareness([{ clientId: 1000, clock: 2, json: '{"again":true}' }]);
    await waitFor(
      () => (awarenessStates(watcher.received).get(1000) as { again?: boolean })?.again === true,
      5000,
      'update of an owned id',
    );
    const ids = [...awarenessStates(watcher.received).keys()].filter((id) => id >= 1000);
    expect(ids).toHaveLength(16);
  });

  it('lets a new connection of the same participant take over its client id from a stale one', async () => {
    const key = (await issueIdentity(room.t.url, room.w.id, room.w.participantToken))
      .participantKey;
    const otherKey = (await issueIdentity(room.t.url, room.w.id, room.w.participantToken))
      .participantKey;
    const watcher = await open(room.w.viewerToken);
    const stale = await open(room.w.participantToken, key);
    stale.sendAwareness([{ clientId: 4242, clock: 1, json: '{"v":1}' }]);
    await waitFor(() => awarenessStates(watcher.received).has(4242), 5000, 'first state');
    const other = await open(room.w.participantToken, otherKey);
    other.sendAwareness([{ clientId: 4242, clock: 5, json: '{"v":"other"}' }]);
    const fresh = await open(room.w.participantToken, key);
    fresh.sendAwareness([{ clientId: 4242, clock: 2, json: '{"v":2}' }]);
    await waitFor(
      () => (awarenessStates(watcher.received).get(4242) as { v?: number })?.v === 2,
      5000,
      'taken over',
    );
    stale.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(awarenessStates(watcher.received).get(4242)).toEqual({ v: 2, role: 'participant' });
  });
});
