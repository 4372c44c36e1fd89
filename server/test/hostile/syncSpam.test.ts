/**
 * Viewers that stop reading and ask for the whole state over and over (issue
 * 11, finding 7): four viewer sockets of a workshop holding megabytes send
 * SyncStep1 every 20 ms without reading the answers, and reconnect whenever
 * they are closed. Meanwhile another workshop's edits keep flowing, and an
 * honest viewer of the attacked workshop still receives it whole. A client
 * that asks again without reading is answered once and then refused; one that
 * reads is answered every time it asks.
 *
 * The honest viewer connects from another loopback address: the attackers'
 * reconnects are refused by address and link (ReconnectPenalty.ts), and a
 * viewer link proves no participant key, so an honest viewer behind the
 * attackers' own address would be refused with them, by design.
 */

import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { IMPORT_ORIGIN } from '@pinnwand/shared/model/origin';
import { CloseCode } from '@pinnwand/shared/protocol/wire';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type RawClient, rawConnect, syncAnswers } from '../helpers/rawClient.ts';
import { serverRound } from '../helpers/serverRound.ts';
import { synced, type TestServer, waitFor } from '../helpers/testServer.ts';

/**
 * Notes of 2,000 characters each in the attacked workshop. A loopback socket
 * whose peer does not read takes about 4 MB into its kernel buffers, so the
 * workshop holds more than that: the answer stays unsent while the attacker waits.
 */
const NOTES = 3000;

/** Another machine's address on loopback (all of 127.0.0.0/8 is local on Linux). */
const OTHER_ADDRESS = '127.0.0.2';

/** The ws client, connecting from OTHER_ADDRESS. */
class FromOtherAddress extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { localAddress: OTHER_ADDRESS });
  }
}

/**
 * How many answers of `bytes` a socket's kernel buffers can take without the
 * client reading (both ends' largest autotuned buffers, Linux), plus the one
 * being written.
 */
function answersKernelBuffersHold(bytes: number): number {
  const maxOf = (file: string) => {
    try {
      return Number(readFileSync(file, 'utf8').trim().split(/\s+/)[2]);
    } catch {
      return 32 * 1024 * 1024;
    }
  };
  const buffers = maxOf('/proc/sys/net/ipv4/tcp_rmem') + maxOf('/proc/sys/net/ipv4/tcp_wmem');
  return Math.floor(buffers / bytes) + 1;
}

/** A workshop holding NOTES long notes, and the URL its viewers connect to. */
async function bigWorkshop(
  t: TestServer,
): Promise<{ id: string; viewerToken: string; viewerUrl: string }> {
  const w = await t.createWorkshop();
  await t.server.services.rooms.change(
    w.id,
    (doc) => {
      const map = doc.getMap('notes');
      for (let i = 0; i < NOTES; i++) map.set(`n${i}`, new Y.Text('x'.repeat(2000)));
    },
    IMPORT_ORIGIN,
  );
  return { ...w, viewerUrl: `${t.wsUrl}/${w.id}?token=${w.viewerToken}` };
}

/**
 * Stops reading and asks for the whole state every 20 ms, as long as the
 * socket is open and `more(asked so far)` says so.
 */
async function askWithoutReading(r: RawClient, more: (asked: number) => boolean): Promise<void> {
  r.pauseReading();
  let open = true;
  void r.closed.then(() => {
    open = false;
  });
  for (let asked = 0; open && more(asked); asked++) {
    r.sendSyncStep1();
    await sleep(20);
  }
}

describe('SyncStep1 spam by viewers that do not read', () => {
  const round = serverRound();

  it('keeps another workshop’s edits flowing and the attacked one readable', async () => {
    const t = await round.start();
    const big = await bigWorkshop(t);
    const other = await t.createWorkshop();

    let attacking = true;
    let reconnects = 0;
    let refusedUpgrades = 0;
    const attacker = async () => {
      while (attacking) {
        const r = rawConnect(big.viewerUrl);
        r.ws.on('unexpected-response', (_req, res) => {
          if (res.statusCode === 429) refusedUpgrades += 1;
          r.ws.terminate();
        });
        const ok = await r.opened.then(
          () => true,
          () => false,
        );
        if (ok) {
          await askWithoutReading(r, () => attacking);
          r.ws.terminate();
        } else await sleep(50);
        reconnects += 1;
      }
    };
    const attackers = [attacker(), attacker(), attacker(), attacker()];

    const writer = round.open(other.id, other.participantToken);
    const reader = round.open(other.id, other.viewerToken);
    await Promise.all([synced(writer, 15_000), synced(reader, 15_000)]);
    for (let i = 0; i < 50; i++) {
      writer.doc.getMap('notes').set(`edit${i}`, i);
      await sleep(20);
    }
    await waitFor(() => reader.doc.getMap('notes').size === 50, 15_000, 'other room’s edits');
    const honest = new WebsocketProvider(t.wsUrl, big.id, new Y.Doc(), {
      params: { token: big.viewerToken },
      WebSocketPolyfill: FromOtherAddress as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 300,
    });
    round.track(honest);
    await synced(honest, 15_000);
    expect(honest.doc.getMap('notes').size).toBe(NOTES);
    // The attackers were turned away: closed, then refused for a while when they came back.
    await waitFor(() => refusedUpgrades > 0, 15_000, 'a refused reconnect');
    attacking = false;
    await Promise.all(attackers);
    expect(reconnects).toBeGreaterThan(0);
  });

  it('answers a client that does not read only while its socket takes it, then closes it with 4429', async () => {
    const big = await bigWorkshop(await round.start());
    const r = await round.raw(big.id, big.viewerToken);
    const asks = 30;
    await askWithoutReading(r, (asked) => asked < asks);
    // Reading again, it finds whole answers and then the refusal: one, or a
    // few more where the kernel's buffers took a whole answer before it asked again.
    r.resumeReading();
    expect(await r.closed).toBe(CloseCode.rateLimited);
    const answers = syncAnswers(r);
    expect(answers.length).toBeGreaterThanOrEqual(1);
    expect(answers.length).toBeLessThanOrEqual(answersKernelBuffersHold(answers[0]!.length));
    expect(answers.length).toBeLessThan(asks);
  });

  it('answers a client that reads every time it asks', async () => {
    const big = await bigWorkshop(await round.start());
    const r = await round.raw(big.id, big.viewerToken);
    for (let asked = 1; asked <= 3; asked++) {
      r.sendSyncStep1();
      await waitFor(() => syncAnswers(r).length === asked, 15_000, `answer ${asked}`);
    }
    // Each answer is the whole workshop: applied to a fresh document, every note is there.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, syncAnswers(r).at(-1)!);
    expect(doc.getMap('notes').size).toBe(NOTES);
  });
});
