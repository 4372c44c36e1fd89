/**
 * Viewers that stop reading and ask for the whole state over and over (issue
 * 11, finding 7): four viewer sockets of a workshop holding megabytes send
 * SyncStep1 every 20 ms without reading the answers, and reconnect whenever
 * they are closed. Meanwhile another workshop's edits keep flowing, and an
 * honest viewer of the attacked workshop still receives it whole. A client
 * that asks again without reading is answered once and then refused; one that
 * reads is answered every time it asks.
 */
import { IMPORT_ORIGIN } from '@pinnwand/shared/model/origin';
import { CloseCode } from '@pinnwand/shared/protocol/wire';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type RawClient, rawConnect } from '../helpers/rawClient.ts';
import {
  type CreatedWorkshop,
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

/** How many SyncStep2 answers a raw client received. */
const answers = (r: RawClient) => r.received.filter((m) => m.type === 0 && m.sub === 1).length;

const pauseReading = (r: RawClient) =>
  (r.ws as unknown as { _socket: { pause(): void } })._socket.pause();
const resumeReading = (r: RawClient) =>
  (r.ws as unknown as { _socket: { resume(): void } })._socket.resume();

/**
 * `notes` notes of 2,000 characters each. A loopback socket whose peer does
 * not read takes about 4 MB into its kernel buffers, so the attacked workshop
 * holds more than that: the answer stays unsent while the attacker waits.
 */
async function fill(t: TestServer, w: CreatedWorkshop, notes: number): Promise<void> {
  await t.server.services.rooms.change(
    w.id,
    (doc) => {
      const map = doc.getMap('notes');
      for (let i = 0; i < notes; i++) map.set(`n${i}`, new Y.Text('x'.repeat(2000)));
    },
    IMPORT_ORIGIN,
  );
}

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
    await fill(t, big, 3000);

    let attacking = true;
    let reconnects = 0;
    let refusedUpgrades = 0;
    const attacker = async () => {
      while (attacking) {
        const r: RawClient = rawConnect(`${t.wsUrl}/${big.id}?token=${big.viewerToken}`);
        r.ws.on('unexpected-response', (_req, res) => {
          if (res.statusCode === 429) refusedUpgrades += 1;
          r.ws.terminate();
        });
        const ok = await r.opened.then(
          () => true,
          () => false,
        );
        if (ok) {
          // Stop reading: the server's answers pile up in its send buffer.
          pauseReading(r);
          let open = true;
          void r.closed.then(() => {
            open = false;
          });
          while (attacking && open) {
            r.send(EMPTY_SYNC_STEP1);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          r.ws.terminate();
        } else await new Promise((resolve) => setTimeout(resolve, 50));
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
    expect(honest.doc.getMap('notes').size).toBe(3000);
    // The attackers were turned away: closed, then refused for a while when they came back.
    await waitFor(() => refusedUpgrades > 0, 15_000, 'a refused reconnect');
    attacking = false;
    await Promise.all(attackers);
    expect(reconnects).toBeGreaterThan(0);
  });

  it('answers a client that does not read once, then closes it with 4429', async () => {
    t = await startTestServer();
    const big = await t.createWorkshop();
    await fill(t, big, 3000);
    const r = rawConnect(`${t.wsUrl}/${big.id}?token=${big.viewerToken}`);
    await r.opened;
    pauseReading(r);
    let open = true;
    void r.closed.then(() => {
      open = false;
    });
    for (let i = 0; i < 30 && open; i++) {
      r.send(EMPTY_SYNC_STEP1);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Reading again, it finds one whole answer and then the refusal.
    resumeReading(r);
    expect(await r.closed).toBe(CloseCode.rateLimited);
    expect(answers(r)).toBe(1);
  });

  it('answers a client that reads every time it asks', async () => {
    t = await startTestServer();
    const big = await t.createWorkshop();
    await fill(t, big, 3000);
    const r = rawConnect(`${t.wsUrl}/${big.id}?token=${big.viewerToken}`);
    await r.opened;
    for (let asked = 1; asked <= 3; asked++) {
      r.send(EMPTY_SYNC_STEP1);
      await waitFor(() => answers(r) === asked, 15_000, `answer ${asked}`);
    }
    // Each answer is the whole workshop: applied to a fresh document, every note is there.
    const last = r.received.filter((m) => m.type === 0 && m.sub === 1).at(-1)!;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, last.payload!);
    expect(doc.getMap('notes').size).toBe(3000);
    r.close();
  });
});
