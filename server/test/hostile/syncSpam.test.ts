/**
 * Viewers that stop reading and ask for the whole state over and over (issue
 * 11, finding 7): four viewer sockets of a workshop holding a few megabytes
 * send SyncStep1 every 20 ms without reading the answers, and reconnect
 * whenever they are closed. Meanwhile another workshop's edits keep flowing,
 * and an honest viewer of the attacked workshop still receives it whole.
 */
import { IMPORT_ORIGIN } from '@pinnwand/shared/model/origin';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type RawClient, rawConnect } from '../helpers/rawClient.ts';
import {
  connect,
  startTestServer,
  synced,
  type TestServer,
  waitFor,
} from '../helpers/testServer.ts';

const EMPTY_SYNC_STEP1 = (() => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
  return encoding.toUint8Array(e);
})();

describe('SyncStep1 spam by viewers that do not read', () => {
  let t: TestServer;
  const providers: WebsocketProvider[] = [];
  afterEach(async () => {
    for (const p of providers.splice(0)) p.destroy();
    await t.close();
  });

  it('keeps another workshop’s edits flowing and the attacked one readable', async () => {
    t = await startTestServer();
    const big = await t.createWorkshop();
    const other = await t.createWorkshop();
    // About 4 MB of notes in the attacked workshop.
    await t.server.services.rooms.change(
      big.id,
      (doc) => {
        const notes = doc.getMap('notes');
        for (let i = 0; i < 2000; i++) notes.set(`n${i}`, new Y.Text('x'.repeat(2000)));
      },
      IMPORT_ORIGIN,
    );

    let attacking = true;
    let reconnects = 0;
    const attacker = async () => {
      while (attacking) {
        const r: RawClient = rawConnect(`${t.wsUrl}/${big.id}?token=${big.viewerToken}`);
        const ok = await r.opened.then(
          () => true,
          () => false,
        );
        if (ok) {
          // Stop reading: the server's answers pile up in its send buffer.
          (r.ws as unknown as { _socket: { pause(): void } })._socket.pause();
          let open = true;
          void r.closed.then(() => {
            open = false;
          });
          while (attacking && open) {
            r.send(EMPTY_SYNC_STEP1);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          r.ws.terminate();
        }
        reconnects += 1;
      }
    };
    const attackers = [attacker(), attacker(), attacker(), attacker()];

    const writer = connect(t.wsUrl, other.id, other.participantToken);
    const reader = connect(t.wsUrl, other.id, other.viewerToken);
    providers.push(writer, reader);
    await Promise.all([synced(writer, 15_000), synced(reader, 15_000)]);
    for (let i = 0; i < 50; i++) {
      writer.doc.getMap('notes').set(`edit${i}`, i);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await waitFor(() => reader.doc.getMap('notes').size === 50, 15_000, 'other room’s edits');
    const honest = connect(t.wsUrl, big.id, big.viewerToken);
    providers.push(honest);
    await synced(honest, 15_000);
    expect(honest.doc.getMap('notes').size).toBe(2000);
    attacking = false;
    await Promise.all(attackers);
    expect(reconnects).toBeGreaterThan(0);
  });
});
