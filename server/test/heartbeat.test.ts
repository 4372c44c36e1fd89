// The liveness check (wire.ts MessageType.heartbeat): a client that has heard
// nothing for a moment sends the type byte and gets it back at once, so a
// browser notices a server that stopped answering; a flood of them goes
// unanswered instead of costing the server anything further.
import { MessageType } from '@pinnwand/shared/protocol/wire';
import { describe, expect, it } from 'vitest';
import { rawRoom, syncAnswers } from './helpers/rawClient.ts';
import { waitFor } from './helpers/testServer.ts';

const heartbeats = (received: { type: number }[]) =>
  received.filter((r) => r.type === MessageType.heartbeat).length;

describe('heartbeat', () => {
  const room = rawRoom();

  it('answers a heartbeat with a heartbeat and keeps the connection open', async () => {
    const client = await room.open(room.w.participantToken);
    client.send(Uint8Array.of(MessageType.heartbeat));
    await waitFor(() => heartbeats(client.received) === 1, 5000, 'heartbeat answer');
    // The connection still syncs: a later heartbeat is answered too.
    client.send(Uint8Array.of(MessageType.heartbeat));
    await waitFor(() => heartbeats(client.received) === 2, 5000, 'second answer');
    expect(client.ws.readyState).toBe(client.ws.OPEN);
  });

  it('leaves a flood of heartbeats mostly unanswered, without closing', async () => {
    const client = await room.open(room.w.viewerToken);
    for (let i = 0; i < 200; i++) client.send(Uint8Array.of(MessageType.heartbeat));
    // A later marker: a SyncStep1 (empty state vector) sent after the flood is answered.
    const before = syncAnswers(client).length;
    client.sendSyncStep1();
    await waitFor(() => syncAnswers(client).length > before, 5000, 'SyncStep2 after the flood');
    expect(heartbeats(client.received)).toBeLessThan(20);
    expect(client.ws.readyState).toBe(client.ws.OPEN);
  });
});
